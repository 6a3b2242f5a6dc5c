// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Security.Cryptography;

namespace V2gPki.Store.Tests;

public sealed class ServingMemoryTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task TryGetResponse_InMemorySizedStore_NeverGoesPending_AlsoAfterRestart()
    {
        const int count = 5000; // 5000 × ~472 B = 2.4 MB in a 4 MiB serving log
        var options = TestData.SmallOptions(_dir.Path);
        await using (var store = new FasterStore(options))
        {
            await store.RecoverAsync();
            var writes = new Task[count];
            for (var i = 0; i < count; i++)
            {
                writes[i] = store.IssueAsync(TestData.Issuance(i)).AsTask();
            }

            await Task.WhenAll(writes);
            await store.CheckpointAsync();
            ReadAll(store, count);
            Assert.Equal(0, store.Metrics.PendingReads);
        }

        await using var again = new FasterStore(TestData.SmallOptions(_dir.Path));
        await again.RecoverAsync();
        ReadAll(again, count);
        Assert.Equal(0, again.Metrics.PendingReads);
    }

    [Fact]
    public async Task TryGetResponse_UndersizedServingLog_ReturnsPendingAndCountsIt_WithoutBlocking()
    {
        var options = TestData.SmallOptions(_dir.Path);
        options.Serving = new KvLogOptions { IndexBucketBits = 12, PageSizeBits = 12, MemorySizeBits = 14, SegmentSizeBits = 20 };
        await using var store = new FasterStore(options);
        await store.RecoverAsync();
        for (var i = 0; i < 500; i++)
        {
            await store.IssueAsync(TestData.Issuance(i));
        }

        var destination = new byte[4096];
        var pending = 0;
        var found = 0;
        for (var i = 0; i < 500; i++)
        {
            var status = store.TryGetResponse(TestData.Issuer, TestData.Serial(i), destination, out var metadata);
            if (status == LookupStatus.Pending)
            {
                pending++;
            }
            else if (status == LookupStatus.Found && metadata.Length == 400)
            {
                found++;
            }
        }

        Assert.True(pending > 0);
        Assert.Equal(500, pending + found);
        Assert.Equal(pending, store.Metrics.PendingReads);

        // The abandoned reads complete in the background without writing into a stale destination, and the newest
        // records (still in memory) keep being served.
        await Task.Delay(100);
        Assert.Equal(LookupStatus.Found, store.TryGetResponse(TestData.Issuer, TestData.Serial(499), destination, out var last));
        Assert.Equal(TestData.Signed(499, CertificateStatus.Good), destination[..last.Length]);
    }

    [Fact]
    public async Task CheckpointAsync_ReSignWaves_CompactionKeepsLogAndDiskBoundedAndEverythingInMemory()
    {
        const int count = 2000; // ~0.95 MB live in a 4 MiB serving log; 8 waves write ~7.6 MB
        var options = TestData.SmallOptions(_dir.Path);
        await using (var store = new FasterStore(options))
        {
            await store.RecoverAsync();
            for (var i = 0; i < count; i++)
            {
                await store.IssueAsync(TestData.Issuance(i));
            }

            long maxSpan = 0;
            for (var wave = 1; wave <= 8; wave++)
            {
                for (var i = 0; i < count; i++)
                {
                    Assert.Equal(WriteStatus.Applied, store.ReplaceResponse(TestData.Issuer, TestData.Serial(i), 1, TestData.Response(i, CertificateStatus.Good, wave)).Status);
                }

                await store.CheckpointAsync();
                maxSpan = Math.Max(maxSpan, store.GetFootprint().ServingLogBytes);
            }

            var footprint = store.GetFootprint();
            Assert.True(store.Metrics.CompactedBytes > 0);
            Assert.True(maxSpan <= 4L << 20, "serving span " + maxSpan);
            Assert.True(footprint.DiskBytes < 24L << 20, "disk " + footprint.DiskBytes);
            ReadAll(store, count, generation: 8);
            Assert.Equal(0, store.Metrics.PendingReads);
        }

        await using var again = new FasterStore(TestData.SmallOptions(_dir.Path));
        await again.RecoverAsync();
        ReadAll(again, count, generation: 8);
        Assert.Equal(0, again.Metrics.PendingReads);
    }

    [Fact]
    public async Task TryGetResponse_ConcurrentWithReSignsAndCheckpoints_NeverReturnsATornValue()
    {
        const int count = 200;
        var options = TestData.SmallOptions(_dir.Path);
        await using var store = new FasterStore(options);
        await store.RecoverAsync();
        for (var i = 0; i < count; i++)
        {
            await store.IssueAsync(TestData.Issuance(i));
        }

        using var stop = new CancellationTokenSource();
        long reads = 0;
        var readers = new Task[2];
        for (var r = 0; r < readers.Length; r++)
        {
            readers[r] = Task.Factory.StartNew(
                () =>
                {
                    var destination = new byte[4096];
                    var i = 0;
                    while (!stop.IsCancellationRequested)
                    {
                        var n = i++ % count;
                        Assert.Equal(LookupStatus.Found, store.TryGetResponse(TestData.Issuer, TestData.Serial(n), destination, out var metadata));
                        var bytes = destination.AsSpan(0, metadata.Length);
                        Assert.Equal(System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(bytes)), metadata.ETag);
                        Interlocked.Increment(ref reads);
                    }
                },
                TaskCreationOptions.LongRunning);
        }

        for (var wave = 1; wave <= 20; wave++)
        {
            for (var i = 0; i < count; i++)
            {
                store.ReplaceResponse(TestData.Issuer, TestData.Serial(i), 1, TestData.Response(i, CertificateStatus.Good, wave));
            }

            if (wave % 5 == 0)
            {
                await store.CheckpointAsync();
            }
        }

        await stop.CancelAsync();
        await Task.WhenAll(readers);
        Assert.True(Interlocked.Read(ref reads) > 0);
        Assert.Equal(0, store.Metrics.PendingReads);
    }

    private static void ReadAll(FasterStore store, int count, int generation = 0)
    {
        var destination = new byte[4096];
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(LookupStatus.Found, store.TryGetResponse(TestData.Issuer, TestData.Serial(i), destination, out var metadata));
            Assert.True(TestData.Signed(i, CertificateStatus.Good, generation).AsSpan().SequenceEqual(destination.AsSpan(0, metadata.Length)), "serial " + i);
        }
    }
}
