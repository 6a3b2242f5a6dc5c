// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Diagnostics;
using System.Globalization;
using V2gPki.Store;

namespace V2gPki.TestHosts.Store;

/// <summary>
/// <c>scale DIR N [SECONDS]</c>: loads N certificates (or recovers them if DIR already holds them), checkpoints, reopens
/// to time recovery, then measures serving-index lookups/s on 1 and 2 threads (3 rounds each), pending reads, memory
/// (RSS, log pages) and disk. Used by perf-scripts/store-10m.sh.
/// </summary>
internal static class ScaleRun
{
    public static async Task<int> RunAsync(string directory, long count, double seconds)
    {
        var options = StoreOptions.ForCapacity(directory, count);
        options.CheckpointInterval = TimeSpan.Zero;
        Print($"sizing serving=2^{options.Serving.MemorySizeBits} registry=2^{options.Registry.MemorySizeBits} certificates=2^{options.Certificates.MemorySizeBits} index=2^{options.Serving.IndexBucketBits}");

        await using (var store = new FasterStore(options))
        {
            var report = await store.RecoverAsync();
            if (store.TryGetResponse(Samples.Issuer, Samples.Serial(count - 1), new byte[4096], out _) != LookupStatus.Found)
            {
                var loaded = Stopwatch.StartNew();
                var inFlight = new Queue<Task<WriteResult>>();
                for (var n = 0L; n < count; n++)
                {
                    inFlight.Enqueue(store.IssueAsync(Samples.Issuance(n)).AsTask());
                    if (inFlight.Count >= 256)
                    {
                        await inFlight.Dequeue();
                    }

                    if (n % 1_000_000 == 999_999)
                    {
                        Print($"loaded {n + 1} in {loaded.Elapsed.TotalSeconds:F0} s");
                    }
                }

                while (inFlight.Count > 0)
                {
                    await inFlight.Dequeue();
                }

                Print($"load {count} issuances: {loaded.Elapsed.TotalSeconds:F1} s = {count / loaded.Elapsed.TotalSeconds:F0}/s, commits={store.Metrics.WalCommits}");
                var checkpoint = await store.CheckpointAsync();
                Print($"checkpoint: {checkpoint.Duration.TotalSeconds:F1} s");
            }
            else
            {
                Print($"recovered existing store in {report.Duration.TotalSeconds:F1} s");
            }
        }

        var recoverOptions = StoreOptions.ForCapacity(directory, count);
        recoverOptions.CheckpointInterval = TimeSpan.Zero;
        await using var again = new FasterStore(recoverOptions);
        var recovered = await again.RecoverAsync();
        Print($"recovery: {recovered.Duration.TotalSeconds:F2} s checkpoint={recovered.CheckpointLoaded} replayed={recovered.EntriesReplayed} readiness={recovered.Readiness}");

        var serials = new byte[Math.Min(count, 4_000_000)][];
        var random = new Random(5);
        for (var i = 0; i < serials.Length; i++)
        {
            serials[i] = Samples.Serial(random.NextInt64(count));
        }

        foreach (var threads in new[] { 1, 2 })
        {
            var rates = new List<double>();
            for (var round = 0; round < 3; round++)
            {
                rates.Add(Measure(again, serials, threads, seconds));
            }

            rates.Sort();
            Print($"lookups threads={threads} min={rates[0]:F0}/s median={rates[1]:F0}/s max={rates[2]:F0}/s");
        }

        using var process = Process.GetCurrentProcess();
        var footprint = again.GetFootprint();
        Print($"pendingReads={again.Metrics.PendingReads} rss={process.WorkingSet64 >> 20} MiB servingLog={footprint.ServingLogBytes >> 20} MiB servingPages={footprint.ServingMemoryBytes >> 20} MiB registryPages={footprint.RegistryMemoryBytes >> 20} MiB certPages={footprint.CertificateMemoryBytes >> 20} MiB index={footprint.IndexBytes >> 20} MiB disk={footprint.DiskBytes >> 20} MiB");
        return again.Metrics.PendingReads == 0 ? 0 : 1;
    }

    private static double Measure(FasterStore store, byte[][] serials, int threads, double seconds)
    {
        long total = 0;
        var stop = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        var workers = new Thread[threads];
        var started = Stopwatch.StartNew();
        for (var t = 0; t < threads; t++)
        {
            var offset = t * 7919;
            workers[t] = new Thread(() =>
            {
                Span<byte> destination = stackalloc byte[4096];
                long done = 0;
                var i = offset;
                while (true)
                {
                    for (var k = 0; k < 4096; k++)
                    {
                        store.TryGetResponse(Samples.Issuer, serials[i], destination, out _);
                        if (++i == serials.Length)
                        {
                            i = 0;
                        }
                    }

                    done += 4096;
                    if (Stopwatch.GetTimestamp() >= stop)
                    {
                        break;
                    }
                }

                Interlocked.Add(ref total, done);
            });
            workers[t].Start();
        }

        foreach (var worker in workers)
        {
            worker.Join();
        }

        return total / started.Elapsed.TotalSeconds;
    }

    private static void Print(FormattableString line) => Console.Out.WriteLine(line.ToString(CultureInfo.InvariantCulture));
}
