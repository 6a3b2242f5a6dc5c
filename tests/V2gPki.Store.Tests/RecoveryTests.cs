// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.


namespace V2gPki.Store.Tests;

public sealed class RecoveryTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private async Task<(FasterStore Store, RecoveryReport Report)> OpenAsync(Action<StoreOptions>? configure = null)
    {
        var options = TestData.SmallOptions(_dir.Path);
        configure?.Invoke(options);
        var store = new FasterStore(options);
        var report = await store.RecoverAsync();
        return (store, report);
    }

    private static void AssertServed(FasterStore store, int n, CertificateStatus status, int generation = 0)
    {
        var destination = new byte[4096];
        Assert.Equal(LookupStatus.Found, store.TryGetResponse(TestData.Issuer, TestData.Serial(n), destination, out var metadata));
        Assert.Equal(status, metadata.Status);
        Assert.Equal(TestData.Signed(n, status, generation), destination[..metadata.Length]);
    }

    [Fact]
    public async Task RecoverAsync_NoCheckpoint_ReplaysTheWholeWal()
    {
        var (store, _) = await OpenAsync();
        await using (store)
        {
            for (var i = 0; i < 20; i++)
            {
                await store.IssueAsync(TestData.Issuance(i));
            }

            await store.ChangeStatusAsync(TestData.Revocation(3));
        }

        var (again, report) = await OpenAsync();
        await using (again)
        {
            Assert.Equal(StoreReadiness.Ready, report.Readiness);
            Assert.False(report.CheckpointLoaded);
            Assert.Equal(21, report.EntriesReplayed);
            AssertServed(again, 0, CertificateStatus.Good);
            AssertServed(again, 3, CertificateStatus.Revoked, 1);
            AssertServed(again, 19, CertificateStatus.Good);
        }
    }

    [Fact]
    public async Task RecoverAsync_AfterCheckpoint_LoadsItAndReplaysOnlyTheWalAfterIt()
    {
        var (store, _) = await OpenAsync();
        CheckpointResult checkpoint;
        await using (store)
        {
            for (var i = 0; i < 30; i++)
            {
                await store.IssueAsync(TestData.Issuance(i));
            }

            Assert.Equal(WriteStatus.Applied, store.ReplaceResponse(TestData.Issuer, TestData.Serial(5), 1, TestData.Response(5, CertificateStatus.Good, 2)).Status);
            checkpoint = await store.CheckpointAsync();
            for (var i = 30; i < 40; i++)
            {
                await store.IssueAsync(TestData.Issuance(i));
            }

            await store.ChangeStatusAsync(TestData.Revocation(7));
        }

        var (again, report) = await OpenAsync();
        await using (again)
        {
            Assert.Equal(StoreReadiness.Ready, report.Readiness);
            Assert.True(report.CheckpointLoaded);
            Assert.Equal(checkpoint.WalCoveredAddress, report.WalCoveredAddress);
            Assert.Equal(11, report.EntriesReplayed);
            for (var i = 0; i < 40; i++)
            {
                AssertServed(again, i, i == 7 ? CertificateStatus.Revoked : CertificateStatus.Good, i == 7 ? 1 : i == 5 ? 2 : 0);
            }

            Assert.Equal(LookupStatus.Found, again.TryGetCertificate(TestData.Issuer, TestData.Serial(35), out var record));
            Assert.Equal("DE*ABC*E35", record!.SubjectId);
            Assert.Equal(0, again.Metrics.PendingReads);
        }
    }

    [Fact]
    public async Task ReplayWal_EntriesAppliedTwice_LeaveTheSameState()
    {
        var (store, _) = await OpenAsync();
        await using (store)
        {
            for (var i = 0; i < 20; i++)
            {
                await store.IssueAsync(TestData.Issuance(i));
            }

            await store.ChangeStatusAsync(TestData.Revocation(2));
            store.ReplaceResponse(TestData.Issuer, TestData.Serial(4), 1, TestData.Response(4, CertificateStatus.Good, 3));
            store.ReplaceResponse(TestData.Issuer, TestData.Serial(2), 2, TestData.Response(2, CertificateStatus.Revoked, 3));

            // Replaying every entry again (as recovery does for entries a checkpoint already holds) changes nothing:
            // the re-signs (not in the WAL) survive, the revocation stays.
            var corrupt = new List<long>();
            var (replayed, error) = store.ReplayWal(0, corrupt);
            Assert.Null(error);
            Assert.Equal(21, replayed);
            Assert.Empty(corrupt);
            AssertServed(store, 4, CertificateStatus.Good, 3);
            AssertServed(store, 2, CertificateStatus.Revoked, 3);
            AssertServed(store, 5, CertificateStatus.Good);
            Assert.Equal(LookupStatus.Found, store.TryGetCertificate(TestData.Issuer, TestData.Serial(2), out var record));
            Assert.Equal(2u, record!.StatusVersion);
            Assert.Equal(20, store.ForEachCertificate(_ => true));
        }
    }

    [Fact]
    public async Task RecoverAsync_RestartTwiceWithoutWrites_IsStable()
    {
        var (store, _) = await OpenAsync();
        await using (store)
        {
            for (var i = 0; i < 10; i++)
            {
                await store.IssueAsync(TestData.Issuance(i));
            }

            await store.CheckpointAsync();
            await store.ChangeStatusAsync(TestData.Revocation(1));
        }

        for (var round = 0; round < 2; round++)
        {
            var (again, report) = await OpenAsync();
            await using (again)
            {
                Assert.Equal(StoreReadiness.Ready, report.Readiness);
                AssertServed(again, 1, CertificateStatus.Revoked, 1);
                AssertServed(again, 9, CertificateStatus.Good);
            }
        }
    }

    [Fact]
    public async Task CheckpointAsync_TruncatesTheWal_AndDropsOldCheckpoints()
    {
        var (store, _) = await OpenAsync();
        await using (store)
        {
            for (var round = 0; round < 5; round++)
            {
                for (var i = 0; i < 200; i++)
                {
                    await store.IssueAsync(TestData.Issuance(round * 1000 + i));
                }

                var checkpoint = await store.CheckpointAsync();
                Assert.True(checkpoint.WalCoveredAddress > 64);
            }

            // Truncation is persisted by the next commit; force one with a write.
            await store.IssueAsync(TestData.Issuance(99_999));
            var footprint = store.GetFootprint();
            Assert.True(footprint.WalBytes < 300_000, "WAL span " + footprint.WalBytes);
        }

        foreach (var table in new[] { "serving", "registry", "certificates", "subjects" })
        {
            var cpr = Path.Combine(_dir.Path, table, "checkpoints", "cpr-checkpoints");
            Assert.Single(Directory.GetDirectories(cpr));
        }
    }

    [Fact]
    public async Task RecoverAsync_FlippedByteInWalEntry_RefusesItAndFaults()
    {
        var addresses = await WriteThreeAndCorruptSecondAsync();
        var (store, report) = await OpenAsync();
        await using (store)
        {
            Assert.Equal(StoreReadiness.Faulted, report.Readiness);
            Assert.Equal(StoreReadiness.Faulted, store.Readiness);
            Assert.Equal([addresses[1]], report.CorruptEntries);
            Assert.Contains("checksum", report.Error, StringComparison.Ordinal);
            Assert.Equal(LookupStatus.NotReady, store.TryGetResponse(TestData.Issuer, TestData.Serial(0), new byte[4096], out _));
            Assert.Equal(1, store.Metrics.CorruptWalEntries);
        }
    }

    [Fact]
    public async Task RecoverAsync_FlippedByteInWalEntry_SkipPolicy_AppliesTheOthersOnly()
    {
        var addresses = await WriteThreeAndCorruptSecondAsync();
        var (store, report) = await OpenAsync(o => o.CorruptionPolicy = WalCorruptionPolicy.SkipAndReport);
        await using (store)
        {
            Assert.Equal(StoreReadiness.Ready, report.Readiness);
            Assert.Equal([addresses[1]], report.CorruptEntries);
            Assert.Equal(2, report.EntriesReplayed);
            AssertServed(store, 0, CertificateStatus.Good);
            AssertServed(store, 2, CertificateStatus.Good);
            Assert.Equal(LookupStatus.NotFound, store.TryGetResponse(TestData.Issuer, TestData.Serial(1), new byte[4096], out _));
        }
    }

    private async Task<long[]> WriteThreeAndCorruptSecondAsync()
    {
        var addresses = new long[3];
        var (store, _) = await OpenAsync();
        await using (store)
        {
            for (var i = 0; i < 3; i++)
            {
                addresses[i] = (await store.IssueAsync(TestData.Issuance(i))).WalAddress;
            }
        }

        // Segment 0 of the WAL holds logical addresses 0..2^20 at the same file offsets; FasterLog's 4-byte length
        // header precedes our entry. Flip one byte of the second entry's serving value.
        var file = Path.Combine(_dir.Path, "wal", "wal.log.0");
        await using (var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite))
        {
            stream.Position = addresses[1] + 4 + 300;
            var b = stream.ReadByte();
            stream.Position = addresses[1] + 4 + 300;
            stream.WriteByte((byte)(b ^ 0x01));
        }

        return addresses;
    }

    [Fact]
    public async Task RecoverAsync_CorruptManifest_Faults()
    {
        var (store, _) = await OpenAsync();
        await using (store)
        {
            await store.IssueAsync(TestData.Issuance(1));
            await store.CheckpointAsync();
        }

        var manifest = Path.Combine(_dir.Path, "checkpoint.manifest");
        var bytes = await File.ReadAllBytesAsync(manifest);
        bytes[20] ^= 0xFF;
        await File.WriteAllBytesAsync(manifest, bytes);
        var (again, report) = await OpenAsync();
        await using (again)
        {
            Assert.Equal(StoreReadiness.Faulted, report.Readiness);
        }
    }

    [Fact]
    public async Task ForEachCertificate_AfterCheckpointAndReplayedUpdates_VisitsEachCertificateOnceWithItsKey()
    {
        var (store, _) = await OpenAsync();
        await using (store)
        {
            for (var i = 0; i < 200; i++)
            {
                await store.IssueAsync(TestData.Issuance(i));
            }

            await store.CheckpointAsync();
            for (var i = 0; i < 200; i += 2)
            {
                await store.ChangeStatusAsync(TestData.Revocation(i));
            }

            await store.CheckpointAsync();
            for (var i = 1; i < 200; i += 4)
            {
                await store.ChangeStatusAsync(TestData.Revocation(i));
            }
        }

        var (again, _) = await OpenAsync();
        await using (again)
        {
            var seen = new HashSet<string>();
            var visits = again.ForEachCertificate(record =>
            {
                Assert.True(seen.Add(Convert.ToHexString(record.Serial.Span)), "visited twice: " + Convert.ToHexString(record.Serial.Span));
                Assert.Equal(LookupStatus.Found, again.TryGetCertificate(record.Issuer, record.Serial.Span, out var current));
                Assert.Equal(current!.Status, record.Status);
                return true;
            });
            Assert.Equal(200, visits);
        }
    }
}
