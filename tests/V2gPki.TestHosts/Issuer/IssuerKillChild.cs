// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Globalization;
using V2gPki.Hsm;
using V2gPki.Issuer;
using V2gPki.Issuer.Import;
using V2gPki.Issuer.Signers;
using V2gPki.Issuer.Verify;
using V2gPki.Issuer.Worker;
using V2gPki.Ocsp;
using V2gPki.Store;

namespace V2gPki.TestHosts.Issuer;

/// <summary>
/// The child of the worker-level kill test (tests/V2gPki.Issuer.Tests KillTests, docs/architecture.md §4 invariant 2).
/// Over one data directory (its own SoftHSM2 token directory, CA files, store): the first run builds the CPO branch
/// with CertificateIssuer and registers N certificates, then every run recovers the store, starts an
/// <see cref="IssuingWorker"/> and revokes certificates from four concurrent streams, printing <c>ACK
/// &lt;serial&gt;</c> after each acknowledgement, until it is killed. <c>verify &lt;acked-file&gt;</c> checks that
/// every acknowledged serial is revoked in the registry and served as revoked by a response that verifies, and runs
/// store verify. <c>issuer-killchild DIR run SEED</c> / <c>issuer-killchild DIR verify ACKED</c> / <c>issuer-killchild
/// DIR scale -</c> (store verify at scale, perf-scripts/issuer-verify.sh); SOFTHSM2_CONF, V2GPKI_KILL_PIN and
/// V2GPKI_KILL_CERTS come from the environment.
/// </summary>
public static class IssuerKillChild
{

    /// <summary>Runs the child.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var dir = args[0];
        var mode = args[1];
        var pin = Environment.GetEnvironmentVariable("V2GPKI_KILL_PIN") ?? throw new InvalidOperationException("V2GPKI_KILL_PIN not set");
        var options = new HsmOptions();
        options.Tokens.Add(new HsmTokenOptions
        {
            Role = HsmTokenRoles.Online,
            Label = "killtest",
            Pin = PinSource.FromValue(pin),
            SoPin = PinSource.FromValue(pin + "so"),
            InitializeIfMissing = true,
            PrioritySessions = 1,
            BulkSessions = 2,
        });
        using var tokens = HsmTokenSet.Open(options);
        var token = tokens.GetToken(HsmTokenRoles.Online);
        var pkiDir = Path.Combine(dir, "pki");
        var storeOptions = StoreOptions.ForCapacity(Path.Combine(dir, "store"), 100_000);
        storeOptions.CheckpointInterval = TimeSpan.FromMilliseconds(300);
        await using var store = new FasterStore(storeOptions);
        var report = await store.RecoverAsync();
        if (store.Readiness != StoreReadiness.Ready)
        {
            Console.WriteLine("RECOVERY FAILED " + report);
            return 3;
        }

        IssuerCaDefinition[] definitions;
        byte[] signerDer;
        string signerLabel;
        if (!File.Exists(Path.Combine(pkiDir, "done")))
        {
            var pki = HsmCpoBranch.Create(token, TimeProvider.System);
            Directory.CreateDirectory(pkiDir);
            definitions = pki.Definitions();
            foreach (var definition in definitions)
            {
                File.WriteAllBytes(Path.Combine(pkiDir, definition.Name + ".der"), definition.CertificateDer.ToArray());
            }

            File.WriteAllBytes(Path.Combine(pkiDir, "signer.der"), pki.SignerDer);
            File.WriteAllText(Path.Combine(pkiDir, "signer.label"), pki.SignerLabel);
            await using (var setup = new IssuingWorker(pki.Directory(token, TimeProvider.System), store, new IssuerOptions(), TimeProvider.System))
            {
                setup.Start();
                var generator = new BenchmarkDataGenerator(new CertificateImporter(setup, store, 256, TimeProvider.System), pki.Issuer, pki.Sub2, pki.LeafProfile, pki.LeafKey);
                var certificates = int.TryParse(Environment.GetEnvironmentVariable("V2GPKI_KILL_CERTS"), CultureInfo.InvariantCulture, out var c) ? c : 3000;
                await generator.GenerateAsync(certificates, Path.Combine(pkiDir, "generated"));
            }

            await store.CheckpointAsync();
            File.WriteAllText(Path.Combine(pkiDir, "done"), "1");
            signerDer = pki.SignerDer;
            signerLabel = pki.SignerLabel;
        }
        else
        {
            definitions =
            [
                new() { Name = "v2g-root", IssuerId = 1, CertificateDer = File.ReadAllBytes(Path.Combine(pkiDir, "v2g-root.der")), IsOnline = false },
                new() { Name = "cpo-sub1", IssuerId = 2, ParentName = "v2g-root", CertificateDer = File.ReadAllBytes(Path.Combine(pkiDir, "cpo-sub1.der")), IsOnline = false },
                new() { Name = "cpo-sub2", IssuerId = HsmCpoBranch.Sub2Id, ParentName = "cpo-sub1", CertificateDer = File.ReadAllBytes(Path.Combine(pkiDir, "cpo-sub2.der")) },
            ];
            signerDer = File.ReadAllBytes(Path.Combine(pkiDir, "signer.der"));
            signerLabel = File.ReadAllText(Path.Combine(pkiDir, "signer.label"));
        }

        var directory = IssuerDirectory.Create(definitions, [OcspHashAlgorithm.Sha1, OcspHashAlgorithm.Sha256], new SignerCatalog(null), _ => null, TimeProvider.System);
        directory.AddSigner("cpo-sub2", signerLabel, signerDer, token.GetKey(signerLabel).CreateSigner(), makeCurrent: true, signerId: 1);
        var serials = new List<byte[]>();
        store.ForEachCertificate(record =>
        {
            if (record.Issuer.Value == HsmCpoBranch.Sub2Id && (mode == "verify" || record.Status == CertificateStatus.Good))
            {
                serials.Add(record.Serial.ToArray());
            }

            return true;
        });
        serials.Sort((a, b) => a.AsSpan().SequenceCompareTo(b));

        if (mode == "verify")
        {
            return Verify(store, directory, File.ReadAllLines(args[2]));
        }

        if (mode == "scale")
        {
            return await ScaleVerifyAsync(store, directory, serials);
        }

        await using var worker = new IssuingWorker(directory, store, new IssuerOptions { ScanInterval = TimeSpan.FromHours(1) }, TimeProvider.System);
        worker.Start();
        // Certificates still good, in a seeded order; each stream takes the next one, so every acknowledgement is a real
        // revocation (not an idempotent repeat), paced so that many runs are needed to use them up.
        var random = new Random(int.Parse(args[2], CultureInfo.InvariantCulture));
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(serials));
        var next = -1;
        Console.WriteLine("READY " + serials.Count);
        var streams = new Task[4];
        for (var s = 0; s < streams.Length; s++)
        {
            streams[s] = Task.Run(async () =>
            {
                int index;
                while ((index = Interlocked.Increment(ref next)) < serials.Count)
                {
                    var serial = serials[index];
                    var result = await worker.RevokeAsync(new IssuerId(HsmCpoBranch.Sub2Id), serial, RevocationReason.KeyCompromise);
                    if (result.Status == StatusChangeStatus.Applied)
                    {
                        Console.WriteLine("ACK " + Convert.ToHexString(serial));
                    }

                    await Task.Delay(25);
                }
            });
        }

        await Task.WhenAll(streams);
        Console.WriteLine("EXHAUSTED");
        await Task.Delay(Timeout.Infinite);
        return 0;
    }

    /// <summary>
    /// <c>store verify</c> at scale (perf-scripts/issuer-verify.sh): revokes 1 % of the certificates (at most 1,000) through
    /// the worker, re-signs the whole store once, then times <see cref="StoreVerifier"/> over everything.
    /// </summary>
    private static async Task<int> ScaleVerifyAsync(FasterStore store, IssuerDirectory directory, List<byte[]> serials)
    {
        var clock = ManualClock.FollowingWallClock();
        await using (var worker = new IssuingWorker(directory, store, new IssuerOptions { ScanInterval = TimeSpan.FromDays(1) }, clock))
        {
            worker.Start();
            var revocations = new List<Task<StatusChangeResult>>();
            for (var i = 0; i < Math.Min(1000, serials.Count / 100); i++)
            {
                revocations.Add(worker.RevokeAsync(new IssuerId(HsmCpoBranch.Sub2Id), serials[i * 100], RevocationReason.Superseded));
            }

            await Task.WhenAll(revocations);
            clock.Advance(TimeSpan.FromDays(2.5));
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var resigned = await worker.ScanNowAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"revoked {revocations.Count}; re-signed {resigned} in {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s"));
        }

        var report = new StoreVerifier(directory, store, store, clock).Verify(progress: n => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  verified {n}")));
        Console.WriteLine(report.ToString());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"VERIFY certificates={report.Checked} seconds={report.Elapsed.TotalSeconds:0.0} rate={report.Checked / report.Elapsed.TotalSeconds:0}/s passed={report.Passed}"));
        return report.Passed ? 0 : 1;
    }

    private static int Verify(FasterStore store, IssuerDirectory directory, string[] acked)
    {
        var issuer = new IssuerId(HsmCpoBranch.Sub2Id);
        var buffer = new byte[StoreLimits.MaxSignedResponseLength];
        var lost = 0;
        var distinct = new HashSet<string>(acked.Where(l => l.Length > 0));
        foreach (var hex in distinct)
        {
            var serial = Convert.FromHexString(hex);
            var ok = store.TryGetCertificate(issuer, serial, out var record) == LookupStatus.Found && record!.Status == CertificateStatus.Revoked
                     && store.TryGetResponse(issuer, serial, buffer, out var metadata) == LookupStatus.Found && metadata.Status == CertificateStatus.Revoked
                     && OcspResponseReader.TryReadSignedPart(buffer.AsSpan(0, metadata.Length), out var info) == OcspParseStatus.Ok
                     && FirstStatus(info) == CertStatus.Revoked;
            if (!ok)
            {
                lost++;
                Console.WriteLine("LOST " + hex);
            }
        }

        var report = new StoreVerifier(directory, store, store, TimeProvider.System).Verify();
        Console.WriteLine(report.ToString());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"KILLVERIFY acknowledged={distinct.Count} lost={lost} verify={(report.Passed ? "passed" : "failed")} "));
        return lost == 0 && report.Passed ? 0 : 1;
    }

    private static CertStatus FirstStatus(OcspResponseInfo info)
    {
        foreach (var single in info.GetResponses())
        {
            return single.Status;
        }

        return CertStatus.Unknown;
    }
}
