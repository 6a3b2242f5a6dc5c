// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers.Binary;

namespace V2gPki.Store.Tests;

/// <summary>The subject-ID index (docs/architecture.md §5): maintained by the issuance WAL entry, recovered with the tables.</summary>
public sealed class SubjectIndexTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private async Task<(FasterStore Store, RecoveryReport Report)> OpenAsync()
    {
        var store = new FasterStore(TestData.SmallOptions(_dir.Path));
        var report = await store.RecoverAsync();
        Assert.Equal(StoreReadiness.Ready, report.Readiness);
        return (store, report);
    }

    private static string[] Serials(FasterStore store, string subject)
    {
        var records = new List<CertificateRecord>();
        store.TryGetCertificatesBySubject(subject, records);
        return [.. records.Select(r => Convert.ToHexString(r.Serial.Span))];
    }

    private static string Hex(int n) => Convert.ToHexString(TestData.Serial(n));

    [Theory]
    [InlineData("DE*ABC*E77*1")]
    [InlineData("deabce771")]
    [InlineData("DE-ABC-E77-1")]
    [InlineData(" de*abc*e771 ")]
    public async Task TryGetCertificatesBySubject_AnySpellingOfTheId_FindsItsCertificatesInRegistrationOrder(string query)
    {
        var (store, _) = await OpenAsync();
        await using (store)
        {
            await store.IssueAsync(TestData.Issuance(1, subjectId: "DEABCE771"));
            await store.IssueAsync(TestData.Issuance(2, subjectId: "DE*ABC*E99"));
            await store.IssueAsync(TestData.Issuance(3, subjectId: "DE*ABC*E77*1"));

            Assert.Equal([Hex(1), Hex(3)], Serials(store, query));
        }
    }

    [Fact]
    public async Task TryGetCertificatesBySubject_AfterRevocation_ReturnsTheCurrentRegistryRecord()
    {
        var (store, _) = await OpenAsync();
        await using (store)
        {
            await store.IssueAsync(TestData.Issuance(5, subjectId: "EMP77TWTW99999"));
            await store.ChangeStatusAsync(TestData.Revocation(5));

            var records = new List<CertificateRecord>();
            Assert.Equal(LookupStatus.Found, store.TryGetCertificatesBySubject("EMP77TWTW99999", records));
            var record = Assert.Single(records);
            Assert.Equal(CertificateStatus.Revoked, record.Status);
            Assert.Equal(RevocationReason.KeyCompromise, record.Reason);
            Assert.Equal(2u, record.StatusVersion);
        }
    }

    [Theory]
    [InlineData("NOSUCHID", LookupStatus.NotFound)]
    [InlineData("***", LookupStatus.InvalidKey)]
    [InlineData("", LookupStatus.InvalidKey)]
    public async Task TryGetCertificatesBySubject_UnknownOrEmptySubject_FindsNothing(string query, LookupStatus expected)
    {
        var (store, _) = await OpenAsync();
        await using (store)
        {
            await store.IssueAsync(TestData.Issuance(1));
            var records = new List<CertificateRecord>();
            Assert.Equal(expected, store.TryGetCertificatesBySubject(query, records));
            Assert.Empty(records);
        }
    }

    [Fact]
    public async Task TryGetCertificatesBySubject_BeforeRecovery_IsNotReady()
    {
        await using var store = new FasterStore(TestData.SmallOptions(_dir.Path));
        Assert.Equal(LookupStatus.NotReady, store.TryGetCertificatesBySubject("DEABCE1", new List<CertificateRecord>()));
    }

    [Fact]
    public async Task IssueAsync_SameIssuanceTwice_IndexesTheCertificateOnce()
    {
        var (store, _) = await OpenAsync();
        await using (store)
        {
            Assert.Equal(WriteStatus.Applied, (await store.IssueAsync(TestData.Issuance(4, subjectId: "DEABCE4"))).Status);
            Assert.Equal(WriteStatus.AlreadyApplied, (await store.IssueAsync(TestData.Issuance(4, subjectId: "DEABCE4"))).Status);
            Assert.Equal([Hex(4)], Serials(store, "DEABCE4"));
        }
    }

    [Fact]
    public async Task RecoverAsync_WalOnly_RebuildsTheIndexByReplay()
    {
        var (store, _) = await OpenAsync();
        await using (store)
        {
            for (var i = 0; i < 30; i++)
            {
                await store.IssueAsync(TestData.Issuance(i, subjectId: "DE*ABC*E" + (i % 3)));
            }
        }

        var (again, report) = await OpenAsync();
        await using (again)
        {
            Assert.False(report.CheckpointLoaded);
            Assert.Equal(-1, report.SubjectIndexRebuilt);
            Assert.Equal(Enumerable.Range(0, 10).Select(k => Hex(3 * k + 1)), Serials(again, "DEABCE1"));
        }
    }

    [Fact]
    public async Task RecoverAsync_CheckpointThenWal_IndexHoldsBothAndReplayTwiceChangesNothing()
    {
        var (store, _) = await OpenAsync();
        await using (store)
        {
            for (var i = 0; i < 20; i++)
            {
                await store.IssueAsync(TestData.Issuance(i, subjectId: "DE*ABC*E" + (i % 2)));
            }

            await store.CheckpointAsync();
            for (var i = 20; i < 26; i++)
            {
                await store.IssueAsync(TestData.Issuance(i, subjectId: "DE*ABC*E" + (i % 2)));
            }
        }

        var (again, report) = await OpenAsync();
        await using (again)
        {
            Assert.True(report.CheckpointLoaded);
            Assert.Equal(6, report.EntriesReplayed);
            var expected = Enumerable.Range(0, 13).Select(k => Hex(2 * k)).ToArray();
            Assert.Equal(expected, Serials(again, "DEABCE0"));

            // Replaying the whole WAL again (entries the checkpoint already holds) adds no duplicate.
            var (replayed, error) = again.ReplayWal(0, []);
            Assert.Null(error);
            Assert.True(replayed >= 6);
            Assert.Equal(expected, Serials(again, "DEABCE0"));
        }
    }

    [Fact]
    public async Task RecoverAsync_CheckpointFromBeforeTheIndex_RebuildsItFromTheRegistryOnce()
    {
        var (store, _) = await OpenAsync();
        await using (store)
        {
            for (var i = 0; i < 40; i++)
            {
                await store.IssueAsync(TestData.Issuance(i, subjectId: "DE*ABC*E" + (i % 4)));
            }

            await store.ChangeStatusAsync(TestData.Revocation(8));
            await store.CheckpointAsync();
            await store.IssueAsync(TestData.Issuance(40, subjectId: "DE*ABC*E0"));
        }

        // What a store written before the index looks like: a version 1 manifest (no subject-index token) with the same
        // three table checkpoints, and no subjects/ directory.
        DowngradeManifestToVersion1(_dir.Path);
        Directory.Delete(Path.Combine(_dir.Path, "subjects"), recursive: true);

        var (again, report) = await OpenAsync();
        await using (again)
        {
            Assert.True(report.CheckpointLoaded);
            Assert.Equal(1, report.EntriesReplayed);

            // The replayed issuance was indexed by the replay, the 40 older ones by the rebuild.
            Assert.Equal(40, report.SubjectIndexRebuilt);
            Assert.Equal(40, again.Metrics.SubjectIndexRebuiltEntries);
            var expected = Enumerable.Range(0, 11).Select(k => Hex(4 * k)).Order().ToArray();
            Assert.Equal(expected, Serials(again, "DEABCE0").Order().ToArray());
            var records = new List<CertificateRecord>();
            again.TryGetCertificatesBySubject("DE*ABC*E0", records);
            Assert.Equal(CertificateStatus.Revoked, records.Single(r => Convert.ToHexString(r.Serial.Span) == Hex(8)).Status);
            await again.CheckpointAsync();
        }

        // The next checkpoint carries the index: no rebuild any more.
        var (third, thirdReport) = await OpenAsync();
        await using (third)
        {
            Assert.Equal(-1, thirdReport.SubjectIndexRebuilt);
            Assert.Equal(11, Serials(third, "DEABCE0").Length);
        }
    }

    [Fact]
    public async Task IssueAsync_MoreThanTheBoundForOneSubject_DropsTheOldestFromTheIndexOnly()
    {
        var (store, _) = await OpenAsync();
        await using (store)
        {
            var tasks = new List<Task<WriteResult>>();
            for (var i = 0; i <= StoreLimits.MaxCertificatesPerSubject; i++)
            {
                tasks.Add(store.IssueAsync(TestData.Issuance(i, subjectId: "DEABCE1")).AsTask());
            }

            await Task.WhenAll(tasks);
            var serials = Serials(store, "DEABCE1");
            Assert.Equal(StoreLimits.MaxCertificatesPerSubject, serials.Length);
            Assert.DoesNotContain(Hex(0), serials);
            Assert.Equal(Hex(StoreLimits.MaxCertificatesPerSubject), serials[^1]);
            Assert.Equal(1, store.Metrics.SubjectIndexOverflows);
            Assert.Equal(LookupStatus.Found, store.TryGetCertificate(TestData.Issuer, TestData.Serial(0), out _));
        }
    }

    [Fact]
    public void Fold_IsoSeparatorsAndCase_GiveOneKey()
    {
        Assert.Equal("DEAB7E8406487", SubjectKey.Normalize("de*ab7*e840*6487"));
        Assert.Equal("DEAB7E8406487", SubjectKey.Normalize("DE-AB7-E840-6487"));
        Assert.Equal("CPOSUB2", SubjectKey.Normalize("cpo-sub2"));
        Assert.Equal(string.Empty, SubjectKey.Normalize("* - *"));
    }

    private static void DowngradeManifestToVersion1(string directory)
    {
        var path = Path.Combine(directory, CheckpointManifest.FileName);
        Assert.True(CheckpointManifest.TryRead(directory, out var manifest));
        var bytes = new byte[CheckpointManifest.Version1Length];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, 0x4D473256);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), 1);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(8), manifest!.WalCoveredAddress);
        manifest.ServingToken.TryWriteBytes(bytes.AsSpan(16));
        manifest.RegistryToken.TryWriteBytes(bytes.AsSpan(32));
        manifest.CertificatesToken.TryWriteBytes(bytes.AsSpan(48));
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(64), manifest.CreatedTicks);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(76), Crc32C.Compute(bytes.AsSpan(0, 76)));
        File.WriteAllBytes(path, bytes);
    }
}
