// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using FASTER.core;

namespace V2gPki.Store;

/// <summary>Checkpoints, WAL truncation and log compaction.</summary>
public sealed partial class FasterStore
{
    /// <summary>
    /// Compacts the serving, registry and subject-index logs if they passed <see cref="StoreOptions.CompactionTrigger"/>, then takes a
    /// checkpoint: captures the WAL tail under the write lock (every entry below it is applied), waits for the WAL to be
    /// committed that far, takes a fold-over checkpoint of each table, writes the manifest durably, purges older
    /// checkpoints and truncates the WAL up to the covered address. Serialized with other maintenance.
    /// </summary>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>What was done.</returns>
    public async Task<CheckpointResult> CheckpointAsync(CancellationToken cancellationToken = default)
    {
        if (_readiness != StoreReadiness.Ready)
        {
            throw new InvalidOperationException("The store is not ready (" + _readiness + ").");
        }

        await _maintenance.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var started = _time.GetTimestamp();
            var compacted = Compact(_serving!, static (log, until) => log.Compact<SpanByte, ServingReadOutput, Empty, ServingFunctions>(new ServingFunctions(), until, CompactionType.Lookup))
                            + Compact(_registry!, static (log, until) => log.Compact<SpanByte, RawReadOutput, Empty, RawFunctions>(new RawFunctions(), until, CompactionType.Lookup))
                            + Compact(_subjects!, static (log, until) => log.Compact<SpanByte, RawReadOutput, Empty, RawFunctions>(new RawFunctions(), until, CompactionType.Lookup));

            long covered;
            Task committed;
            lock (_writeLock)
            {
                covered = _wal!.TailAddress;
                committed = _wal.WhenCommittedUntil(covered);
            }

            await committed.WaitAsync(cancellationToken).ConfigureAwait(false);
            var serving = await _serving!.CheckpointAsync(cancellationToken).ConfigureAwait(false);
            var registry = await _registry!.CheckpointAsync(cancellationToken).ConfigureAwait(false);
            var certificates = await _certificates!.CheckpointAsync(cancellationToken).ConfigureAwait(false);
            var subjects = await _subjects!.CheckpointAsync(cancellationToken).ConfigureAwait(false);
            new CheckpointManifest(covered, serving, registry, certificates, subjects, _time.GetUtcNow().UtcTicks).Write(_options.Directory);

            // The manifest is durable: older checkpoints and the WAL below the covered address are no longer needed.
            _serving.PurgeCheckpointsExcept(serving);
            _registry.PurgeCheckpointsExcept(registry);
            _certificates.PurgeCheckpointsExcept(certificates);
            _subjects.PurgeCheckpointsExcept(subjects);
            _wal.TruncateUntil(covered);
            Volatile.Write(ref _lastCheckpointWal, covered);
            Metrics.CheckpointDone();
            return new CheckpointResult(covered, _time.GetElapsedTime(started), compacted);
        }
        finally
        {
            _maintenance.Release();
        }
    }

    /// <summary>
    /// Compacts one table when its log span passed the trigger: from the head, a sixteenth of the memory ceiling at a
    /// time (so the copies never push live records out of memory), until the span is under the target or one pass is done.
    /// Live records are copied to the tail (FASTER's lookup compaction skips records that have a newer version), the begin
    /// address moves past the chunk, and the next checkpoint deletes the freed segments from disk.
    /// </summary>
    private long Compact(KvTable table, Func<LogAccessor<SpanByte, SpanByte>, long, long> compact)
    {
        var memory = table.Options.MemorySizeBytes;
        if (table.LogSpan <= (long)(_options.CompactionTrigger * memory))
        {
            return 0;
        }

        var log = table.Kv.Log;
        log.ShiftReadOnlyAddress(log.TailAddress, wait: true);
        var target = (long)(_options.CompactionTarget * memory);
        var chunk = Math.Max(1L << table.Options.PageSizeBits, memory / 16);
        var firstBegin = log.BeginAddress;
        var budget = table.LogSpan;
        while (table.LogSpan > target && log.BeginAddress - firstBegin < budget)
        {
            // Page starts are the only addresses known to be record boundaries (records never straddle pages), and FASTER's
            // lookup compaction keeps the caller's address as the new begin when the chunk ends in skipped (superseded)
            // records: a mid-record begin address makes the next scan read garbage lengths (seen as an access violation).
            var pageMask = ~((1L << table.Options.PageSizeBits) - 1);
            var until = Math.Min(log.SafeReadOnlyAddress, log.BeginAddress + chunk) & pageMask;
            if (until <= log.BeginAddress)
            {
                break;
            }

            compact(log, until);
        }

        var reclaimed = log.BeginAddress - firstBegin;
        Metrics.Compacted(reclaimed);
        return reclaimed;
    }

    private async Task RunMaintenanceAsync()
    {
        var stop = _stop.Token;
        using var timer = new PeriodicTimer(TimeSpan.FromTicks(Math.Clamp(_options.CheckpointInterval.Ticks / 4, TimeSpan.TicksPerMillisecond * 10, TimeSpan.TicksPerSecond)), _time);
        var last = _time.GetTimestamp();
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                // Due when the interval passed and the WAL grew (or, for compaction's sake, ten intervals passed anyway),
                // or early when the WAL grew by CheckpointAfterWalBytes.
                var walSince = _wal!.TailAddress - Volatile.Read(ref _lastCheckpointWal);
                var elapsed = _time.GetElapsedTime(last);
                var due = walSince >= _options.CheckpointAfterWalBytes
                          || (elapsed >= _options.CheckpointInterval && (walSince > 0 || elapsed >= _options.CheckpointInterval * 10));
                if (!due)
                {
                    continue;
                }

                if (_readiness != StoreReadiness.Ready)
                {
                    break;
                }

                try
                {
                    await CheckpointAsync(stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    break;
                }
#pragma warning disable CA1031 // A failed background checkpoint is retried at the next tick; the WAL still holds everything.
                catch (Exception)
#pragma warning restore CA1031
                {
                }

                last = _time.GetTimestamp();
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }
}
