// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Store;

/// <summary>
/// Counters of one store, readable as properties (the host reports them on /metrics). Lookups themselves are not counted
/// here (the host counts requests), so the hot path touches no shared cache line.
/// </summary>
public sealed class StoreMetrics
{
    private long _pendingReads;
    private long _walEntries;
    private long _walCommits;
    private long _walBytes;
    private long _walCommitFailures;
    private long _corruptWalEntries;
    private long _replayedWalEntries;
    private long _checkpoints;
    private long _compactedBytes;
    private long _resigns;
    private long _resignsRefused;
    private long _readSessionsCreated;
    private long _subjectIndexOverflows;
    private long _subjectIndexRebuilt;

    /// <summary>Gets serving-index lookups that found their record on disk (abandoned, answered Pending). Must stay 0.</summary>
    public long PendingReads => Volatile.Read(ref _pendingReads);

    /// <summary>Gets WAL entries appended.</summary>
    public long WalEntries => Volatile.Read(ref _walEntries);

    /// <summary>Gets WAL commits completed (one commit covers every entry appended before it started).</summary>
    public long WalCommits => Volatile.Read(ref _walCommits);

    /// <summary>Gets WAL bytes appended.</summary>
    public long WalBytes => Volatile.Read(ref _walBytes);

    /// <summary>Gets failed WAL commits (each faults the store).</summary>
    public long WalCommitFailures => Volatile.Read(ref _walCommitFailures);

    /// <summary>Gets corrupt WAL entries found by recovery.</summary>
    public long CorruptWalEntries => Volatile.Read(ref _corruptWalEntries);

    /// <summary>Gets WAL entries replayed by recovery.</summary>
    public long ReplayedWalEntries => Volatile.Read(ref _replayedWalEntries);

    /// <summary>Gets checkpoints completed.</summary>
    public long Checkpoints => Volatile.Read(ref _checkpoints);

    /// <summary>Gets log bytes reclaimed by compaction.</summary>
    public long CompactedBytes => Volatile.Read(ref _compactedBytes);

    /// <summary>Gets re-signed responses written.</summary>
    public long Resigns => Volatile.Read(ref _resigns);

    /// <summary>Gets re-signed responses refused (status changed meanwhile, or older than the stored one).</summary>
    public long ResignsRefused => Volatile.Read(ref _resignsRefused);

    /// <summary>Gets read sessions created (pool overflow or a new thread).</summary>
    public long ReadSessionsCreated => Volatile.Read(ref _readSessionsCreated);

    /// <summary>Gets subject-index entries dropped because a subject passed <see cref="StoreLimits.MaxCertificatesPerSubject"/>.</summary>
    public long SubjectIndexOverflows => Volatile.Read(ref _subjectIndexOverflows);

    /// <summary>Gets certificates added to the subject-ID index by rebuilds from the registry.</summary>
    public long SubjectIndexRebuiltEntries => Volatile.Read(ref _subjectIndexRebuilt);

    internal void SubjectIndexOverflowed() => Interlocked.Increment(ref _subjectIndexOverflows);

    internal void SubjectIndexRebuilt(long entries) => Interlocked.Add(ref _subjectIndexRebuilt, entries);

    internal void PendingRead() => Interlocked.Increment(ref _pendingReads);

    internal void WalAppended(int bytes)
    {
        Interlocked.Increment(ref _walEntries);
        Interlocked.Add(ref _walBytes, bytes);
    }

    internal void WalCommitted() => Interlocked.Increment(ref _walCommits);

    internal void WalCommitFailed() => Interlocked.Increment(ref _walCommitFailures);

    internal void CorruptEntry() => Interlocked.Increment(ref _corruptWalEntries);

    internal void Replayed() => Interlocked.Increment(ref _replayedWalEntries);

    internal void CheckpointDone() => Interlocked.Increment(ref _checkpoints);

    internal void Compacted(long bytes) => Interlocked.Add(ref _compactedBytes, bytes);

    internal void Resigned() => Interlocked.Increment(ref _resigns);

    internal void ResignRefused() => Interlocked.Increment(ref _resignsRefused);

    internal void ReadSessionCreated() => Interlocked.Increment(ref _readSessionsCreated);
}
