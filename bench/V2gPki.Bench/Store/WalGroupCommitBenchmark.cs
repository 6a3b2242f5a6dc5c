// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using BenchmarkDotNet.Attributes;
using V2gPki.Store;

namespace V2gPki.Bench.Store;

/// <summary>
/// WAL group commit: <see cref="Producers"/> concurrent producers each issue certificates one after another, awaiting
/// each commit (an issuance is one ~1.4 KB WAL entry: registry record + 700-byte DER + 432-byte response). Reported time
/// is per acknowledged write (writes/s = 1 / mean); the per-write latency p50/p99 and entries per commit are printed by
/// the cleanup ("WAL ..." line in the BenchmarkDotNet log).
/// Run: <c>dotnet run -c Release --project bench/V2gPki.Bench -- --filter '*WalGroupCommitBenchmark*'</c>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class WalGroupCommitBenchmark
{
    public const int WritesPerInvoke = 4096;

    private string _directory = "";
    private FasterStore? _store;
    private long _next;
    private readonly List<double> _latencies = [];

    [Params(1, 4, 16, 64)]
    public int Producers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "v2gpki-bench-wal-" + Guid.NewGuid().ToString("N"));
        var options = StoreOptions.ForCapacity(_directory, 1_000_000);
        options.CheckpointInterval = TimeSpan.Zero;
        _store = new FasterStore(options);
        _store.RecoverAsync().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _latencies.Sort();
        var p50 = _latencies[_latencies.Count / 2];
        var p99 = _latencies[(int)(_latencies.Count * 0.99)];
        var perCommit = (double)_store!.Metrics.WalEntries / Math.Max(1, _store.Metrics.WalCommits);
        Console.WriteLine($"WAL producers={Producers} writes={_latencies.Count} p50_ms={p50:F2} p99_ms={p99:F2} entries_per_commit={perCommit:F1} disk={_store.GetFootprint().DiskBytes}");
        _store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = WritesPerInvoke)]
    public async Task Issue()
    {
        var perProducer = WritesPerInvoke / Producers;
        var tasks = new Task<double[]>[Producers];
        for (var p = 0; p < Producers; p++)
        {
            tasks[p] = Task.Run(async () =>
            {
                var latencies = new double[perProducer];
                for (var i = 0; i < perProducer; i++)
                {
                    var n = Interlocked.Increment(ref _next);
                    var started = System.Diagnostics.Stopwatch.GetTimestamp();
                    var result = await _store!.IssueAsync(StoreBenchData.Issuance(n));
                    latencies[i] = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    if (result.Status != WriteStatus.Applied)
                    {
                        throw new InvalidOperationException(result.Status.ToString());
                    }
                }

                return latencies;
            });
        }

        foreach (var latencies in await Task.WhenAll(tasks))
        {
            _latencies.AddRange(latencies);
        }
    }
}
