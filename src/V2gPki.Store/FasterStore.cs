// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.


namespace V2gPki.Store;

/// <summary>
/// The store on FASTER: four <c>FasterKV&lt;SpanByte, SpanByte&gt;</c> tables (serving index, registry, certificate DER,
/// subject-ID index),
/// a <c>FasterLog</c> WAL with group commit, checkpoints that record the WAL address they cover, compaction, and
/// recovery (latest checkpoint + idempotent replay of the WAL from that address).
/// </summary>
/// <remarks>
/// Life cycle: construct (no I/O, <see cref="Readiness"/> = Recovering, lookups answer NotReady), then
/// <see cref="RecoverAsync"/> (Ready, or Faulted), then serve; <see cref="DisposeAsync"/> after the host stopped reading.
/// Writers are serialized by one lock held for microseconds (WAL append + table upserts, no I/O except a registry or
/// certificate read that missed memory); readers take no lock. A status change is applied to the tables right after its
/// WAL append and acknowledged after the WAL commit, so it can be visible a few milliseconds before it is acknowledged;
/// a crash in between loses only a change nobody was told about.
/// </remarks>
public sealed partial class FasterStore : IServingIndex, ICertificateRegistry, IStoreWriter, IAsyncDisposable
{
    private readonly StoreOptions _options;
    private readonly TimeProvider _time;
    private readonly Lock _writeLock = new();
    private readonly Lock _coldReadLock = new();
    private readonly SemaphoreSlim _maintenance = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private volatile StoreReadiness _readiness = StoreReadiness.Recovering;
    private int _recoveryStarted;
    private KvTable? _serving;
    private KvTable? _registry;
    private KvTable? _certificates;
    private KvTable? _subjects;
    private WriteAheadLog? _wal;
    private ThreadAffineSessions? _threadSessions;
    private PooledSessions? _pooledSessions;
    private ServingSession? _servingWriter;
    private RawSession? _registryWriter;
    private RawSession? _certificateWriter;
    private RawSession? _registryReader;
    private RawSession? _certificateReader;
    private RawSession? _subjectWriter;
    private RawSession? _subjectReader;
    private Task? _maintenanceLoop;
    private long _lastCheckpointWal;

    /// <summary>Creates a store over <see cref="StoreOptions.Directory"/>; no I/O until <see cref="RecoverAsync"/>.</summary>
    /// <param name="options">Configuration.</param>
    public FasterStore(StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.Directory);
        _options = options;
        _time = options.TimeProvider;
        Metrics = new StoreMetrics();
    }

    /// <inheritdoc />
    public StoreReadiness Readiness => _readiness;

    /// <summary>Gets the store's counters.</summary>
    public StoreMetrics Metrics { get; }

    /// <summary>Gets the WAL address up to which entries are durable (0 before recovery).</summary>
    public long WalCommittedUntil => _wal?.CommittedUntilAddress ?? 0;

    /// <summary>Measures memory and disk use.</summary>
    /// <returns>The footprint (zeros before recovery).</returns>
    public StoreFootprint GetFootprint()
    {
        if (_serving is null || _registry is null || _certificates is null || _wal is null)
        {
            return default;
        }

        return new StoreFootprint(
            _serving.LogSpan, _serving.Kv.Log.MemorySizeBytes,
            _registry.LogSpan, _registry.Kv.Log.MemorySizeBytes,
            _certificates.LogSpan, _certificates.Kv.Log.MemorySizeBytes,
            _serving.Options.IndexSizeBytes + _registry.Options.IndexSizeBytes + _certificates.Options.IndexSizeBytes,
            _wal.TailAddress - _wal.BeginAddress,
            DirectorySize(new DirectoryInfo(_options.Directory)));
    }

    private static long DirectorySize(DirectoryInfo directory)
    {
        long total = 0;
        if (!directory.Exists)
        {
            return 0;
        }

        foreach (var file in directory.EnumerateFiles("*", SearchOption.AllDirectories))
        {
            total += file.Length;
        }

        return total;
    }

    private void OnWalFault(Exception exception) => _readiness = StoreReadiness.Faulted;

    /// <summary>Stops maintenance, commits what the WAL holds, and releases the tables. Call after readers stopped.</summary>
    /// <returns>A task.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_readiness == StoreReadiness.Disposed)
        {
            return;
        }

        _readiness = StoreReadiness.Disposed;
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_maintenanceLoop is not null)
        {
            await _maintenanceLoop.ConfigureAwait(false);
        }

        await _maintenance.WaitAsync().ConfigureAwait(false);
        if (_wal is not null)
        {
            await _wal.DisposeAsync().ConfigureAwait(false);
        }

        _threadSessions?.Dispose();
        _pooledSessions?.Dispose();
        _servingWriter?.Dispose();
        _registryWriter?.Dispose();
        _certificateWriter?.Dispose();
        _registryReader?.Dispose();
        _certificateReader?.Dispose();
        _subjectWriter?.Dispose();
        _subjectReader?.Dispose();
        _serving?.Dispose();
        _registry?.Dispose();
        _certificates?.Dispose();
        _subjects?.Dispose();
        _maintenance.Dispose();
        _stop.Dispose();
    }
}
