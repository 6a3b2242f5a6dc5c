// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers;
using System.Security.Cryptography;
using V2gPki.Edge.Commands.Status;
using V2gPki.Edge.Listeners.Admin;
using V2gPki.Issuer;
using V2gPki.Issuer.Worker;
using V2gPki.Metrics;
using V2gPki.Parties.Audit;
using V2gPki.Parties.Credentials;
using V2gPki.Pki.Issuance;
using V2gPki.Store;
using PkiKind = V2gPki.Pki.Profiles.CertificateKind;

namespace V2gPki.IntegrationTests.Admin;

/// <summary>
/// <c>v2gpki status --subject</c> reads the store's subject-ID index (docs/architecture.md §5), not a registry scan: run
/// against a store of its own that was closed without a checkpoint and recovered from its WAL, with a registry whose
/// scan refuses to run.
/// </summary>
[Collection(AdminCollection.Name)]
public sealed class SubjectListingTests(AdminFixture fixture) : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "v2gpki-subjects-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task StatusSubject_AfterRecoveryFromTheWal_ListsTheSubjectFromTheIndexWithoutAScan()
    {
        var evseId = "DEABCE" + Convert.ToHexString(RandomNumberGenerator.GetBytes(5));
        var storeDirectory = Path.Combine(_directory, "store");
        var serials = new List<string>();
        var store = new FasterStore(AdminFixture.SmallStore(storeDirectory));
        await store.RecoverAsync();
        await using (var worker = new IssuingWorker(fixture.Directory, store, new IssuerOptions { ScanInterval = TimeSpan.FromHours(1) }, TimeProvider.System))
        {
            worker.Start();
            foreach (var cn in new[] { evseId, "DEABCE" + Convert.ToHexString(RandomNumberGenerator.GetBytes(5)), evseId })
            {
                var serial = await RegisterAsync(worker, cn);
                if (cn == evseId)
                {
                    serials.Add(serial);
                }
            }
        }

        // No checkpoint was taken: everything comes back through WAL replay, the index included.
        await store.DisposeAsync();
        store = new FasterStore(AdminFixture.SmallStore(storeDirectory));
        var report = await store.RecoverAsync();
        Assert.False(report.CheckpointLoaded);
        Assert.True(report.EntriesReplayed >= 3);

        await using (store)
        await using (var worker = new IssuingWorker(fixture.Directory, store, new IssuerOptions { ScanInterval = TimeSpan.FromHours(1) }, TimeProvider.System))
        {
            worker.Start();
            using var audit = new JsonLinesAuditLog(Path.Combine(_directory, "audit.jsonl"));
            var api = new AdminApi(worker, fixture.Directory, new ScanRefusingRegistry(store), store, AdminTokens.Load(fixture.TokenFile), audit,
                new AdminMetrics(new MetricsRegistry()), TimeProvider.System);
            await using var listener = await AdminListener.StartAsync(
                new AdminListenerSettings { Address = "127.0.0.1", Port = 0, TokenFile = fixture.TokenFile, AuditLogFile = Path.Combine(_directory, "audit.jsonl") },
                api);

            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            var spelled = evseId[..2] + "*" + evseId[2..5] + "*" + evseId[5..].ToLowerInvariant();
            var exit = StatusCommand.Run(["--subject", spelled, "--admin-url", listener.BaseAddress.ToString(), "--token-file", fixture.TokenFile], stdout, stderr);

            Assert.True(exit == StatusCommand.ExitOk, stderr.ToString());
            var lines = stdout.ToString().TrimEnd().Split('\n');
            Assert.StartsWith($"subject {evseId} (evse", lines[0], StringComparison.Ordinal);
            Assert.EndsWith(": 2 certificate(s)", lines[0], StringComparison.Ordinal);
            Assert.Equal(3, lines.Length);
            for (var i = 0; i < serials.Count; i++)
            {
                // Registration order, each line with its CA, serial, kind and status.
                Assert.StartsWith($"  cpo-sub2   {serials[i]}", lines[i + 1], StringComparison.Ordinal);
                Assert.Contains(" evse ", lines[i + 1], StringComparison.Ordinal);
                Assert.Contains(" good ", lines[i + 1], StringComparison.Ordinal);
            }
        }
    }

    private async Task<string> RegisterAsync(IssuingWorker worker, string commonName)
    {
        Assert.True(fixture.Hierarchy.TryGetIssuerFor(PkiKind.Evse, out var ca));
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var result = new CertificateIssuer(TimeProvider.System).IssueForKey(fixture.Hierarchy.GetProfile(PkiKind.Evse), key.ExportSubjectPublicKeyInfo(),
            new SubjectValues(commonName, "V2gPki Test", "DE"), ca);
        Assert.True(result.IsIssued, result.Message);
        var registration = await worker.RegisterAsync(new CertificateRegistration { CertificateDer = result.Certificate!.Der, Kind = CertificateKinds.FromProfile(fixture.Hierarchy.GetProfile(PkiKind.Evse)) });
        Assert.Equal(RegistrationStatus.Registered, registration.Status);
        return Convert.ToHexString(result.Certificate.Serial);
    }

    /// <summary>The real registry, except that a full scan fails the request that asked for it.</summary>
    private sealed class ScanRefusingRegistry(FasterStore store) : ICertificateRegistry
    {
        public LookupStatus TryGetCertificate(IssuerId issuer, ReadOnlySpan<byte> serial, out CertificateRecord? record) => store.TryGetCertificate(issuer, serial, out record);

        public LookupStatus TryGetCertificateDer(IssuerId issuer, ReadOnlySpan<byte> serial, IBufferWriter<byte> writer) => store.TryGetCertificateDer(issuer, serial, writer);

        public LookupStatus TryGetCertificatesBySubject(string subjectId, ICollection<CertificateRecord> records) => store.TryGetCertificatesBySubject(subjectId, records);

        public long ForEachCertificate(Func<CertificateRecord, bool> visitor) => throw new InvalidOperationException("status --subject must not scan the registry");
    }
}
