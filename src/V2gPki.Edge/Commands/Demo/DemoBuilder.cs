// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using V2gPki.Edge.Configuration;
using V2gPki.Edge.Runtime;
using V2gPki.Issuer.Crl;
using V2gPki.Ocsp;
using V2gPki.Pki.Certificates;
using V2gPki.Pki.Crl;
using V2gPki.Pki.Csr;
using V2gPki.Pki.Hierarchy;
using V2gPki.Store;
using PkiKind = V2gPki.Pki.Profiles.CertificateKind;

namespace V2gPki.Edge.Commands.Demo;

/// <summary>
/// Creates the demo data directory (fixed layout documented in the README) behind a listener that is already
/// bound, so every certificate's AIA names the real port: the complete docs/architecture.md §2 hierarchy through the
/// <c>ca init --demo</c> code path (<see cref="CaHierarchySetup.InitDemo"/>), the config and admin token, the runtime
/// (store, worker, CRLs) attached to the listener, ceremony-style CRLs of the root and Sub-CA 1s, sample leaves of every
/// kind issued from CSRs through the worker, one of each revoked, everything pre-signed, and the certificate, chain,
/// key and request files.
/// </summary>
internal static class DemoBuilder
{
    /// <summary>The marker file that lets <c>v2gpki demo</c> wipe a data directory it made before.</summary>
    public const string MarkerFile = ".v2gpki-demo";

    /// <summary>The leaf kinds with their Sub-CA 2, sample CNs (good, revoked) and the reason the revoked one gets.</summary>
    internal static readonly (string Kind, PkiKind Profile, string Good, string Revoked, RevocationReason Reason)[] Kinds =
    [
        ("evse", PkiKind.Evse, "DE*V2G*E12345", "DE*V2G*E12346", RevocationReason.KeyCompromise),
        ("contract", PkiKind.Contract, "DE-V2G-C12345678-9", "DE-V2G-C87654321", RevocationReason.CessationOfOperation),
        ("oem-prov", PkiKind.OemProvisioning, "V2GDEMO0000000001", "V2GDEMO0000000002", RevocationReason.Superseded),
        ("cps", PkiKind.Cps, "V2gPki Demo CPS 1", "V2gPki Demo CPS 2", RevocationReason.AffiliationChanged),
    ];

    /// <summary>Creates everything and attaches the started runtime to <paramref name="server"/>.</summary>
    /// <param name="settings">Where and how.</param>
    /// <param name="server">The started listeners (their bound port goes into every AIA URL and the config).</param>
    /// <param name="time">The clock.</param>
    /// <param name="loggerFactory">Logging.</param>
    /// <param name="progress">Receives one line per step.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The demo: runtime (attached and started; the caller disposes it), samples, paths.</returns>
    /// <exception cref="InvalidOperationException">A step failed (the message says which).</exception>
    public static async Task<DemoResult> CreateAsync(DemoSettings settings, EdgeServer server, TimeProvider time, ILoggerFactory loggerFactory, Action<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var layout = new CaDataLayout(settings.DataDirectory);
        Directory.CreateDirectory(layout.DataDirectory);
        File.WriteAllText(Path.Combine(layout.DataDirectory, MarkerFile), "created by 'v2gpki demo'; 'v2gpki demo' wipes and re-creates this directory\n");

        var port = server.BaseAddress.Port;
        var ocspUrl = $"http://{settings.Address}:{port}/";
        var hierarchyOptions = new CaHierarchyOptions
        {
            OcspBaseUrl = ocspUrl,
            CrlBaseUrl = settings.CrlDistributionPoints ? ocspUrl.TrimEnd('/') : null,
        };
        CaHierarchySetup.InitDemo(layout, hierarchyOptions, time, out var pinsGenerated);
        progress?.Invoke($"hierarchy: {layout.CaDirectory} (AIA OCSP {ocspUrl}{(pinsGenerated ? "; token PINs in hsm/demo-pins.json, 0600" : "")})");

        var configPath = Path.Combine(layout.DataDirectory, "config.json");
        var accounts = DemoEst.CreateAccounts(layout.DataDirectory, WriteOwnerOnly);

        // The tokens' audience names the EST port, so a free port is picked now rather than when the listener binds.
        if (settings.EstPort == 0)
        {
            settings.EstPort = FreePort(settings.Address);
        }

        var jwtIssuers = DemoEst.CreateTokenIssuer(layout.DataDirectory, settings.Address, settings.EstPort, time, WriteOwnerOnly);
        await File.WriteAllTextAsync(
            configPath,
            DemoConfigTemplate.Render(configPath, settings.Address, port, settings.AdminPort, settings.EstPort, accounts, jwtIssuers, hierarchyOptions.ModulePath, settings.StoreCapacity),
            cancellationToken).ConfigureAwait(false);
        WriteOwnerOnly(Path.Combine(layout.DataDirectory, "admin.token"), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_') + "\n");
        if (!ConfigLoader.TryLoad(configPath, out var options, out var configError))
        {
            throw new InvalidOperationException($"the demo's own config does not load: {configError}");
        }

        var problems = OptionsValidator.Validate(options);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"the demo's own config is not valid: {string.Join("; ", problems)}");
        }

        var runtime = PkiRuntime.Open(options, time, loggerFactory, server.Metrics);
        try
        {
            server.Attach(runtime);
            var report = await runtime.StartAsync(cancellationToken).ConfigureAwait(false);
            if (report.Readiness != StoreReadiness.Ready)
            {
                throw new InvalidOperationException($"the new store did not start: {report.Readiness} {report.Error}");
            }

            ImportOfflineCrls(runtime, time);
            DemoEst.CreateTls(layout, runtime.Tokens, runtime.Hierarchy.Manifest.Organization, runtime.Hierarchy.Manifest.Country, time, WriteOwnerOnly);
            DemoEst.CreatePartyAuth(layout, runtime.Tokens, runtime.Hierarchy.Manifest.Organization, runtime.Hierarchy.Manifest.Country, time, WriteOwnerOnly);
            progress?.Invoke($"EST: accounts per role in {Path.Combine(layout.DataDirectory, "est")} (user:password and client certificate <role>-client.pem/.key, 0600), TLS root ca/est-tls-root.pem, party-auth CA {DemoEst.PartyAuthCaFile} (keys in the online token)");
            var samples = await IssueSamplesAsync(runtime, cancellationToken).ConfigureAwait(false);
            progress?.Invoke($"samples: {samples.Count} leaves issued through the worker, {Count(samples, revoked: true)} revoked");

            // Pre-sign everything (the worker's freshness scan), and the Sub-CA 2 CRLs with the revocations now.
            await runtime.Worker.ScanNowAsync(cancellationToken).ConfigureAwait(false);
            runtime.Crls.RunOnce(force: true);

            var files = WriteFiles(layout, runtime, samples);
            progress?.Invoke($"files: {files.CertificateDirectory} (certificates, chains, keys), {files.RequestDirectory} (DER OCSP requests)");
            var list = new List<DemoSample>(samples.Count);
            foreach (var (sample, _) in samples)
            {
                list.Add(sample);
            }

            return new DemoResult(runtime, layout, options, configPath, new Uri(ocspUrl), list, files);
        }
        catch
        {
            server.Slot.Attach(null);
            await runtime.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A port free on <paramref name="address"/> now (the OS picks it; another process could take it before EST binds).</summary>
    private static int FreePort(string address)
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Parse(address), 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    /// <summary>
    /// The root and Sub-CA 1 keys are offline in production, so their CRLs come from a ceremony and are imported; the
    /// demo keeps those keys online and plays the ceremony: an empty CRL with the offline validity (a year), imported.
    /// </summary>
    private static void ImportOfflineCrls(PkiRuntime runtime, TimeProvider time)
    {
        var generator = new PkiCrlGenerator(runtime.Hierarchy, new FileCrlNumberSequence(runtime.Layout.CrlDirectory));
        var now = time.GetUtcNow();
        var validity = new CrlOptions();
        foreach (var issuer in runtime.Directory.Issuers)
        {
            if (issuer.IsOnline || !generator.CanGenerate(issuer.Name))
            {
                continue;
            }

            var crl = generator.Generate(issuer.Name, [], now, validity.NextUpdate(now, offlineCa: true));
            if (runtime.Crls.ImportCrl(issuer.Name, crl) is { } refused)
            {
                throw new InvalidOperationException($"importing the ceremony CRL of {issuer.Name} failed: {refused}");
            }
        }
    }

    private static async Task<List<(DemoSample Sample, ECDsa Key)>> IssueSamplesAsync(PkiRuntime runtime, CancellationToken cancellationToken)
    {
        var validator = new CsrValidator();
        var organization = runtime.Hierarchy.Manifest.Organization;
        var country = runtime.Hierarchy.Manifest.Country;
        var samples = new List<(DemoSample, ECDsa)>();
        foreach (var (kind, profileKind, good, revoked, reason) in Kinds)
        {
            if (!runtime.Hierarchy.TryGetIssuerFor(profileKind, out var ca))
            {
                throw new InvalidOperationException($"the demo hierarchy has no issuer for {kind}");
            }

            var profile = runtime.Hierarchy.GetProfile(profileKind);
            foreach (var (cn, isRevoked) in new[] { (good, false), (revoked, true) })
            {
                // End-entity sample keys: software keys, as a station's or a car's would be (never CA or signer keys).
                var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
                var subject = new X500DistinguishedNameBuilder();
                subject.AddCountryOrRegion(country);
                subject.AddOrganizationName(organization);
                subject.AddCommonName(cn);
                var csr = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256).CreateSigningRequest();
                var validated = validator.Validate(csr, profile);
                if (!validated.IsValid)
                {
                    throw new InvalidOperationException($"the {kind} sample CSR for '{cn}' was refused: {validated.Error.Message}");
                }

                var outcome = await runtime.Worker.IssueAndRegisterAsync(runtime.CertificateIssuer, validated.Csr!, ca, "demo", null, cancellationToken).ConfigureAwait(false);
                if (!outcome.Succeeded)
                {
                    throw new InvalidOperationException($"issuing the {kind} sample '{cn}' failed: {outcome.Issuance} / {outcome.Registration.Status}");
                }

                var certificate = outcome.Issuance.Certificate!;
                var sampleReason = RevocationReason.None;
                if (isRevoked)
                {
                    var change = await runtime.Worker.RevokeAsync(new IssuerId(ca.IssuerId), certificate.Serial, reason, null, cancellationToken).ConfigureAwait(false);
                    if (!change.Succeeded)
                    {
                        throw new InvalidOperationException($"revoking the {kind} sample '{cn}' failed: {change.Status}");
                    }

                    sampleReason = reason;
                }

                samples.Add((new DemoSample(kind, kind + (isRevoked ? "-revoked" : "-good"), certificate.CommonName, ca.Name, certificate.Der, certificate.Serial, sampleReason), key));
            }
        }

        return samples;
    }

    private static DemoFiles WriteFiles(CaDataLayout layout, PkiRuntime runtime, List<(DemoSample Sample, ECDsa Key)> issued)
    {
        var certs = Path.Combine(layout.DataDirectory, "certs");
        var requests = Path.Combine(certs, "requests");
        Directory.CreateDirectory(requests);
        var hierarchy = runtime.Hierarchy;
        foreach (var (sample, key) in issued)
        {
            using (key)
            {
                File.WriteAllText(Path.Combine(certs, sample.Name + ".pem"), Pem.Encode(Pem.CertificateLabel, sample.Der));
                WriteOwnerOnly(Path.Combine(certs, sample.Name + ".key"), key.ExportPkcs8PrivateKeyPem() + "\n");
            }

            // The issuing chain from the Sub-CA 2 up, without the root (the trust anchor comes from ca/v2g-root.pem).
            var chain = new StringBuilder();
            foreach (var ca in hierarchy.ChainOf(sample.IssuerName))
            {
                if (hierarchy.Manifest.FindCa(ca.Name)?.Parent is not null)
                {
                    chain.Append(Pem.Encode(Pem.CertificateLabel, ca.CertificateDer.Span));
                }
            }

            File.WriteAllText(Path.Combine(certs, sample.Kind + "-chain.pem"), chain.ToString());
            var issuer = hierarchy.GetCa(sample.IssuerName).CertificateDer.Span;
            File.WriteAllBytes(Path.Combine(requests, sample.Name + ".sha1.req"), OcspRequestBuilder.ForCertificate(OcspHashAlgorithm.Sha1, issuer, sample.Serial));
            File.WriteAllBytes(Path.Combine(requests, sample.Name + ".sha256.req"), OcspRequestBuilder.ForCertificate(OcspHashAlgorithm.Sha256, issuer, sample.Serial));
        }

        // A Sub-CA 2 certificate's own status (asked of its parent, signed by cpo-sub1-ocsp), a nonce request, a serial
        // cpo-sub2 never issued (extended revoked, RFC 6960 §2.2) and an issuer nobody here serves (unauthorized).
        var sub2 = hierarchy.GetCa("cpo-sub2");
        var sub1 = hierarchy.GetCa("cpo-sub1");
        var sub2Serial = CertificateInfo.Parse(sub2.CertificateDer).Serial;
        File.WriteAllBytes(Path.Combine(requests, "cpo-sub2.sha1.req"), OcspRequestBuilder.ForCertificate(OcspHashAlgorithm.Sha1, sub1.CertificateDer.Span, sub2Serial));
        File.WriteAllBytes(Path.Combine(requests, "cpo-sub2.sha256.req"), OcspRequestBuilder.ForCertificate(OcspHashAlgorithm.Sha256, sub1.CertificateDer.Span, sub2Serial));
        var evseGood = issued.Find(s => s.Sample.Name == "evse-good").Sample;
        File.WriteAllBytes(
            Path.Combine(requests, "evse-good.nonce.req"),
            OcspRequestBuilder.ForCertificate(OcspHashAlgorithm.Sha256, sub2.CertificateDer.Span, evseGood.Serial, RandomNumberGenerator.GetBytes(16)));
        File.WriteAllBytes(Path.Combine(requests, "never-issued.req"), OcspRequestBuilder.ForCertificate(OcspHashAlgorithm.Sha1, sub2.CertificateDer.Span, NeverIssuedSerial()));
        File.WriteAllBytes(
            Path.Combine(requests, "unknown-issuer.req"),
            OcspRequestBuilder.Build(OcspHashAlgorithm.Sha1, RandomNumberGenerator.GetBytes(20), RandomNumberGenerator.GetBytes(20), NeverIssuedSerial(), null));
        return new DemoFiles(certs, requests);
    }

    /// <summary>A 16-octet positive serial like the issuer's (first octet 0x01–0x7F), drawn at random: never issued.</summary>
    private static byte[] NeverIssuedSerial()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] = (byte)((serial[0] & 0x7F) | 0x01);
        return serial;
    }

    private static int Count(List<(DemoSample Sample, ECDsa Key)> samples, bool revoked)
    {
        var count = 0;
        foreach (var (sample, _) in samples)
        {
            count += sample.IsRevoked == revoked ? 1 : 0;
        }

        return count;
    }

    private static void WriteOwnerOnly(string path, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(path, options))
        {
            stream.Write(Encoding.ASCII.GetBytes(text));
        }

        if (!OperatingSystem.IsWindows())
        {
            // UnixCreateMode applies to new files only.
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
