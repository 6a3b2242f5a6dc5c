// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Threading.Channels;
using V2gPki.Issuer.Signers;
using V2gPki.Store;

namespace V2gPki.Issuer.Worker;

/// <summary>
/// Freshness (docs/architecture.md §3): a scan over the registry finds responses whose remaining validity dropped below
/// the floor (or whose signer was superseded, at a bounded rate) and hands them to batchers that sign on the HSM bulk
/// lane and replace them in the serving index. A re-sign that raced a revocation is refused by the store (status
/// version) and dropped.
/// </summary>
public sealed partial class IssuingWorker
{
    private readonly Channel<DueItem> _due;
    private readonly TokenBucket _rolloverBucket;
    private readonly SemaphoreSlim _scanWake = new(0);
    private readonly SemaphoreSlim _scanLock = new(1, 1);
    private long _pendingResigns;

    /// <summary>Gets the number of responses handed to the batchers and not yet re-signed.</summary>
    public long PendingResigns => Volatile.Read(ref _pendingResigns);

    /// <summary>Wakes the scanner now instead of at the next <see cref="IssuerOptions.ScanInterval"/>.</summary>
    public void TriggerScan() => _scanWake.Release();

    /// <summary>
    /// Runs one freshness scan on the calling task (serialised with the background scanner), then waits until every
    /// response it found due is re-signed or dropped. For tests, tools and the data generator.
    /// </summary>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The number of responses found due.</returns>
    public async Task<long> ScanNowAsync(CancellationToken cancellationToken = default)
    {
        var due = await ScanAsync(cancellationToken).ConfigureAwait(false);
        while (Volatile.Read(ref _pendingResigns) > 0)
        {
            await Task.Delay(5, cancellationToken).ConfigureAwait(false);
        }

        return due;
    }

    private async Task RunScannerAsync(CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                // SemaphoreSlim waits at most ~24 days; a longer interval only means 'rarely'.
                var interval = TimeSpan.FromTicks(Math.Clamp(_options.ScanInterval.Ticks, TimeSpan.TicksPerMillisecond, TimeSpan.TicksPerDay));
                var rolloverPending = Volatile.Read(ref _rolloverSkipped);
                if (rolloverPending)
                {
                    interval = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerSecond * 10, interval.Ticks / 10));
                }

                await _scanWake.WaitAsync(interval, stop).ConfigureAwait(false);
                if (stop.IsCancellationRequested)
                {
                    break;
                }

                await ScanAsync(stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private bool _rolloverSkipped;

    private async Task<long> ScanAsync(CancellationToken cancellationToken)
    {
        await _scanLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_serving.Readiness != StoreReadiness.Ready)
            {
                return 0;
            }

            await CheckSignersAsync(cancellationToken).ConfigureAwait(false);
            var started = _time.GetTimestamp();
            var now = _time.GetUtcNow();
            Metrics.ScanStarted();
            Volatile.Write(ref _rolloverSkipped, false);
            var scan = new Scan(this, now, cancellationToken);
            var visited = await Task.Factory.StartNew(() => _registry.ForEachCertificate(scan.Visit), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
            Metrics.ScanFinished(_time.GetElapsedTime(started), visited);
            return scan.Due;
        }
        finally
        {
            _scanLock.Release();
        }
    }

    /// <summary>A re-sign batcher on its own thread (blocking on the HSM), so waves leave the thread pool to revocations and WAL commits.</summary>
    private void RunResignBatcher(CancellationToken stop)
    {
        var signer = new BulkResponseSigner(Factory, Math.Max(1, _options.BatchSize));
        var items = new List<DueItem>(signer.Capacity);
        var group = new List<BulkSignItem>(signer.Capacity);
        var results = new SignedResponse[signer.Capacity];
        var backoff = _options.HsmErrorBackoff;
        try
        {
            while (_due.Reader.WaitToReadAsync(stop).AsTask().GetAwaiter().GetResult())
            {
                items.Clear();
                while (items.Count < signer.Capacity && _due.Reader.TryRead(out var item))
                {
                    items.Add(item);
                }

                var failed = false;
                while (items.Count > 0)
                {
                    // One CA per batch (a SigningBatch has one key); the rest waits for the next round of this loop.
                    var issuer = items[0].Issuer;
                    group.Clear();
                    var taken = 0;
                    for (var i = 0; i < items.Count; i++)
                    {
                        if (ReferenceEquals(items[i].Issuer, issuer))
                        {
                            group.Add(items[i].Item);
                        }
                        else
                        {
                            items[taken++] = items[i];
                        }
                    }

                    items.RemoveRange(taken, items.Count - taken);
                    var outcome = signer.Sign(issuer, group, results, stop);
                    if (outcome == SignOutcome.Success)
                    {
                        for (var i = 0; i < group.Count; i++)
                        {
                            var write = _writer.ReplaceResponse(issuer.Id, group[i].Serial.Span, group[i].StatusVersion, results[i]);
                            if (write.Status == WriteStatus.Applied)
                            {
                                Metrics.ResignedOne(group[i].Rollover);
                            }
                            else
                            {
                                Metrics.ResignRefused();
                            }
                        }
                    }
                    else if (outcome == SignOutcome.HsmError)
                    {
                        Metrics.HsmError();
                        failed = true;
                    }
                    else if (outcome == SignOutcome.ClockJumped)
                    {
                        Metrics.ClockRefused();
                    }

                    Interlocked.Add(ref _pendingResigns, -group.Count);
                }

                if (failed)
                {
                    // Dropped items are found again by the next scan; back off so a failing HSM is not hammered.
                    IssuerLog.HsmBackoff(_logger, backoff);
                    Task.Delay(backoff, _time, stop).GetAwaiter().GetResult();
                    backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _options.HsmErrorBackoffMax.Ticks));
                }
                else
                {
                    backoff = _options.HsmErrorBackoff;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private readonly record struct DueItem(IssuerEntry Issuer, BulkSignItem Item);

    /// <summary>The visitor of one scan (runs on a dedicated thread; blocks when the batchers are behind).</summary>
    private sealed class Scan(IssuingWorker worker, DateTimeOffset now, CancellationToken cancellationToken)
    {
        private readonly byte[] _buffer = new byte[StoreLimits.MaxSignedResponseLength];

        public long Due { get; private set; }

        public bool Visit(CertificateRecord record)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return false;
            }

            var options = worker._options;
            if (!worker.Directory.TryGetIssuer(record.Issuer, out var issuer) || record.NotAfter + options.ExpiredRetention < now)
            {
                return true;
            }

            var current = issuer.CurrentSigner;
            if (current is null)
            {
                return true;
            }

            var lookup = worker._serving.TryGetResponse(record.Issuer, record.Serial.Span, _buffer, out var metadata);
            var due = false;
            var rollover = false;
            if (lookup == LookupStatus.Found)
            {
                worker.Metrics.ObserveAgeDuringScan(now - metadata.ThisUpdate);
                if (metadata.StatusVersion != record.StatusVersion)
                {
                    return true; // a status change is being applied right now; its own response is fresh
                }

                var remaining = metadata.NextUpdate - now;
                if (remaining < options.ResignBelowRemaining && worker.Factory.NextUpdate(current, now) - metadata.NextUpdate >= options.MinimumExtension)
                {
                    due = true;
                }
                else if (metadata.SignerId != current.Id)
                {
                    if (!worker.Directory.TryGetSigner(metadata.SignerId, out var old) || old.NotAfter <= now || old.CaName != issuer.Name)
                    {
                        due = true;
                    }
                    else if (worker._rolloverBucket.TryTake())
                    {
                        due = true;
                        rollover = true;
                    }
                    else
                    {
                        Volatile.Write(ref worker._rolloverSkipped, true);
                    }
                }
            }

            if (!due)
            {
                return true;
            }

            Due++;
            worker.Metrics.FoundDue();
            Interlocked.Increment(ref worker._pendingResigns);
            var item = new DueItem(issuer, new BulkSignItem(record.Serial, ResponseStatus.From(record), record.StatusVersion, rollover));
            while (!worker._due.Writer.TryWrite(item))
            {
                try
                {
                    // Blocking here is safe: FASTER's scan iterator holds no epoch between records.
                    worker._due.Writer.WaitToWriteAsync(cancellationToken).AsTask().GetAwaiter().GetResult();
                }
                catch (OperationCanceledException)
                {
                    Interlocked.Decrement(ref worker._pendingResigns);
                    return false;
                }
            }

            return true;
        }
    }
}
