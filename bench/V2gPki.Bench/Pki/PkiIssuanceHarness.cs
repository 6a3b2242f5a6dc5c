// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.LowLevelAPI80;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using V2gPki.Hsm;
using V2gPki.Pki;
using V2gPki.Pki.Csr;
using V2gPki.Pki.Hierarchy;
using V2gPki.Pki.Issuance;
using V2gPki.Pki.Profiles;
using V2gPki.Pki.Signing;

namespace V2gPki.Bench.Pki;

/// <summary>
/// Certificates issued per second from a CSR — parse + proof-of-possession verify + CSR rules (<see cref="CsrValidator"/>),
/// build + pre-issuance lint + HSM sign + post-signing verify (<see cref="CertificateIssuer"/>) — against the HSM's sign
/// rate in the same run, on one thread (issuance runs on the token's priority lane, one reserved session):
/// <list type="bullet">
/// <item>raw: <c>C_SignInit</c> + <c>C_Sign</c> (CKM_ECDSA over a precomputed digest) on one session: the ceiling;</item>
/// <item>lane: <see cref="HsmSigner.Sign"/> of 400-byte messages on the priority lane (host hash + DER encoding);</item>
/// <item>csr: <see cref="CsrValidator.Validate"/> alone; issue: <see cref="CertificateIssuer.Issue"/> from a validated CSR;</item>
/// <item>full: validate + issue, the enrollment path without the WAL.</item>
/// </list>
/// The stages are interleaved within each round (order rotating per round) and min/median/max over the rounds printed.
/// <c>dotnet run -c Release --project bench/V2gPki.Bench -- pki [--seconds 1] [--rounds 3] [--key p256|p521|ed448]</c>
/// </summary>
public static class PkiIssuanceHarness
{
    private const int CsrCount = 256;

    /// <summary>Runs the harness and prints the figures.</summary>
    public static void Run(string[] args)
    {
        var seconds = double.Parse(BenchArgs.Text(args, "--seconds") ?? "1", CultureInfo.InvariantCulture);
        var rounds = int.Parse(BenchArgs.Text(args, "--rounds") ?? "3", CultureInfo.InvariantCulture);
        var keyName = BenchArgs.Text(args, "--key") ?? "p256";
        var duration = TimeSpan.FromSeconds(seconds);
        var work = Path.Combine(Path.GetTempPath(), "v2gpki-bench-pki-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)));
        try
        {
            var options = new CaHierarchyOptions
            {
                Version = keyName == "p256" ? Iso15118Version.Part2 : Iso15118Version.Part20,
                Part20KeyType = keyName == "ed448" ? HsmKeyType.Ed448 : HsmKeyType.EcP521,
            };
            var layout = new CaDataLayout(work);
            CaHierarchySetup.InitDemo(layout, options, TimeProvider.System, out _);
            var hierarchy = CaHierarchySetup.Open(layout, out var tokens);
            using (tokens)
            {
                Measure(hierarchy, keyName, duration, rounds);
            }
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static void Measure(CaHierarchy hierarchy, string keyName, TimeSpan duration, int rounds)
    {
        var ca = hierarchy.GetCa("cpo-sub2");
        var profile = hierarchy.GetProfile(CertificateKind.Evse);
        var hsm = ((HsmCertificateSigner)ca.Signer!).HsmSigner;
        var csrs = MakeCsrs(hierarchy.Version, keyName);
        var validator = new CsrValidator();
        var issuer = new CertificateIssuer(TimeProvider.System);
        var validated = csrs.Select(c => validator.Validate(c, profile).Csr ?? throw new InvalidOperationException("bench CSR refused")).ToArray();
        var message = RandomNumberGenerator.GetBytes(400);
        var size = issuer.Issue(validated[0], ca).Certificate?.Der.Length ?? throw new InvalidOperationException("bench issuance failed");

        var stages = new (string Name, Func<int, bool> Step)[]
        {
            ("raw C_Sign", null!),
            ("lane Sign", _ => hsm.Sign(message).Length > 0),
            ("csr validate", i => validator.Validate(csrs[i % CsrCount], profile).IsValid),
            ("issue", i => issuer.Issue(validated[i % CsrCount], ca).IsIssued),
            ("full", i => validator.Validate(csrs[i % CsrCount], profile) is { IsValid: true } r && issuer.Issue(r.Csr, ca).IsIssued),
        };
        Console.WriteLine($"module: {hsm.Key.Token.Module.Description}; CPUs: {Environment.ProcessorCount}; {rounds} rounds of {duration.TotalSeconds:0.0} s per stage, one thread");
        Console.WriteLine($"issuer cpo-sub2 ({hsm.Key.KeyType}, {hsm.Algorithm}); evse leaf {size} bytes; {CsrCount} distinct CSRs from software keys");

        // Warm-up (JIT, SoftHSM2 key cache).
        RawRate(hsm, TimeSpan.FromMilliseconds(300));
        foreach ((var name, var step) in stages.Skip(1))
        {
            Rate(step, TimeSpan.FromMilliseconds(300));
        }

        var results = stages.ToDictionary(s => s.Name, _ => new List<double>());
        for (var round = 0; round < rounds; round++)
        {
            for (var k = 0; k < stages.Length; k++)
            {
                (var name, var step) = stages[(k + round) % stages.Length];
                results[name].Add(step is null ? RawRate(hsm, duration) : Rate(step, duration));
            }
        }

        Console.WriteLine();
        Console.WriteLine("stage        | per second (min / median / max) | µs each (median) | full/stage per round (min / median / max)");
        foreach ((var name, _) in stages)
        {
            var values = results[name];
            var paired = values.Select((v, i) => results["full"][i] / v).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-12} | {Min(values),9:0} / {BenchStats.Median(values),8:0} / {Max(values),8:0} | {1e6 / BenchStats.Median(values),16:0.0} | {Min(paired):0.00} / {BenchStats.Median(paired):0.00} / {Max(paired):0.00}"));
        }
    }

    private static double Rate(Func<int, bool> step, TimeSpan duration)
    {
        var start = Stopwatch.GetTimestamp();
        var deadline = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var count = 0;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (!step(count))
            {
                throw new InvalidOperationException("a bench step failed");
            }

            count++;
        }

        return count / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    // One session, C_SignInit + C_Sign in a loop through the low-level API (ECDSA over a digest, EdDSA over 400 bytes).
    private static double RawRate(HsmSigner signer, TimeSpan duration)
    {
        var token = signer.Key.Token;
        var library = token.Module.LowLevel;
        var session = token.OpenSessionHandle();
        var input = signer.HashLength == 0 ? RandomNumberGenerator.GetBytes(400) : RandomNumberGenerator.GetBytes(signer.HashLength);
        var signature = new byte[512];
        var mechanism = new CK_MECHANISM { Mechanism = signer.Mechanism };
        var start = Stopwatch.GetTimestamp();
        var deadline = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        long count = 0;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var length = (ulong)signature.Length;
            if (library.C_SignInit(session, ref mechanism, signer.Key.PrivateKeyHandle) != CKR.CKR_OK
                || library.C_Sign(session, input, (ulong)input.Length, signature, ref length) != CKR.CKR_OK)
            {
                throw new InvalidOperationException("C_Sign failed");
            }

            count++;
        }

        var rate = count / Stopwatch.GetElapsedTime(start).TotalSeconds;
        library.C_CloseSession(session);
        return rate;
    }

    private static byte[][] MakeCsrs(Iso15118Version version, string keyName)
    {
        var random = new SecureRandom();
        var csrs = new byte[CsrCount][];
        for (var i = 0; i < CsrCount; i++)
        {
            AsymmetricCipherKeyPair pair;
            string algorithm;
            if (keyName == "ed448")
            {
                var generator = new Ed448KeyPairGenerator();
                generator.Init(new Ed448KeyGenerationParameters(random));
                pair = generator.GenerateKeyPair();
                algorithm = "Ed448";
            }
            else
            {
                var generator = new ECKeyPairGenerator();
                generator.Init(new ECKeyGenerationParameters(ECNamedCurveTable.GetOid(keyName == "p521" ? "P-521" : "P-256"), random));
                pair = generator.GenerateKeyPair();
                algorithm = keyName == "p521" ? "SHA512WITHECDSA" : "SHA256WITHECDSA";
            }

            var id = version == Iso15118Version.Part2
                ? string.Create(CultureInfo.InvariantCulture, $"DE*AB7*E{i:D6}")
                : string.Create(CultureInfo.InvariantCulture, $"DE-ICE-S-00003C4D5578786756453309675{i:D5}");
            var subject = new X509Name([X509Name.C, X509Name.O, X509Name.CN], ["DE", "Bench CPO GmbH", id]);
            csrs[i] = new Pkcs10CertificationRequest(algorithm, subject, pair.Public, new DerSet(), pair.Private).GetDerEncoded();
        }

        return csrs;
    }

    private static double Min(List<double> values) => values.Min();

    private static double Max(List<double> values) => values.Max();
}
