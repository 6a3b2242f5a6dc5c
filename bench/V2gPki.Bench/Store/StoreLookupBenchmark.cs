// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Collections.Concurrent;
using BenchmarkDotNet.Attributes;
using V2gPki.Store;

namespace V2gPki.Bench.Store;

/// <summary>
/// Serving-index lookups (issuer + 16-byte serial → 400-byte signed part copied into a caller buffer) on 1 and 2
/// threads at 100 k and 1 M certificates, thread-affine FASTER sessions vs the lock-free session pool, against a
/// ConcurrentDictionary baseline holding the same bytes. Each invocation does <see cref="LookupsPerThread"/> lookups per
/// thread over a shuffled key order; the reported time is per lookup (so lookups/s = threads / mean). The store is
/// loaded once per size under /tmp and recovered from its checkpoint by later runs.
/// Run: <c>dotnet run -c Release --project bench/V2gPki.Bench -- --filter '*StoreLookupBenchmark*'</c>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class StoreLookupBenchmark
{
    public const int LookupsPerThread = 1_000_000;

    private FasterStore? _store;
    private ConcurrentDictionary<(ushort, UInt128), byte[]>? _dictionary;
    private byte[][] _serials = [];
    private WorkerGroup? _workers;
    private long _sink;

    [Params(100_000, 1_000_000)]
    public int Entries { get; set; }

    [Params(1, 2)]
    public int Threads { get; set; }

    [Params("Dictionary", "ThreadAffine", "Pool")]
    public string Mode { get; set; } = "ThreadAffine";

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(17);
        _serials = new byte[Entries][];
        for (var i = 0; i < Entries; i++)
        {
            _serials[i] = StoreBenchData.Serial(i);
        }

        random.Shuffle(_serials);

        if (Mode == "Dictionary")
        {
            _dictionary = new ConcurrentDictionary<(ushort, UInt128), byte[]>();
            for (var i = 0; i < Entries; i++)
            {
                _dictionary[(StoreBenchData.Issuer.Value, Key(StoreBenchData.Serial(i)))] = StoreBenchData.Signed(i);
            }
        }
        else
        {
            var mode = Mode == "Pool" ? ReadSessionMode.Pool : ReadSessionMode.ThreadAffine;
            _store = StoreBenchData.OpenLoadedAsync("/tmp/v2gpki-bench-store-" + Entries, Entries, mode).GetAwaiter().GetResult();
        }

        _workers = new WorkerGroup(Threads, Work);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _workers?.Dispose();
        if (_store is not null)
        {
            Console.WriteLine("STORE pendingReads=" + _store.Metrics.PendingReads + " footprint=" + _store.GetFootprint());
            _store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    [Benchmark(OperationsPerInvoke = LookupsPerThread)]
    public long Lookup()
    {
        _workers!.Run();
        return Interlocked.Read(ref _sink);
    }

    private void Work(int thread)
    {
        Span<byte> destination = stackalloc byte[4096];
        var serials = _serials;
        var offset = thread * 7919;
        long bytes = 0;
        if (_dictionary is not null)
        {
            for (var i = 0; i < LookupsPerThread; i++)
            {
                var serial = serials[(i + offset) % serials.Length];
                if (_dictionary.TryGetValue((StoreBenchData.Issuer.Value, Key(serial)), out var value))
                {
                    value.CopyTo(destination);
                    bytes += value.Length;
                }
            }
        }
        else
        {
            var store = _store!;
            for (var i = 0; i < LookupsPerThread; i++)
            {
                if (store.TryGetResponse(StoreBenchData.Issuer, serials[(i + offset) % serials.Length], destination, out var metadata) == LookupStatus.Found)
                {
                    bytes += metadata.Length;
                }
            }
        }

        Interlocked.Add(ref _sink, bytes);
    }

    private static UInt128 Key(ReadOnlySpan<byte> serial) => System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(serial);
}
