// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Collections.Concurrent;
using FASTER.core;

namespace V2gPki.Store;

/// <summary>
/// The WAL: a FASTER <c>FasterLog</c> plus a committer loop doing group commit. Producers append (under the store's write
/// lock, so waiter order follows address order) and await their entry's commit; every producer that appended before a
/// commit started shares that one commit.
/// </summary>
/// <remarks>
/// Durability: FASTER's <c>ManagedLocalStorageDevice</c> (what <c>Devices.CreateLogDevice</c> returns on Linux) opens every
/// log segment and commit-metadata file with <c>FileOptions.WriteThrough</c>, which .NET maps to <c>O_SYNC</c> on Linux
/// (seen with strace: <c>openat(".../wal/wal.log.0", O_WRONLY|O_CREAT|O_SYNC|O_CLOEXEC)</c> and the same for
/// <c>log-commits/commit.N.0</c>). FASTER also passes its Windows no-buffering flag, which .NET ignores on Unix, so there
/// is no <c>O_DIRECT</c>: writes go through the page cache and each <c>pwrite</c> returns only once the data is on the
/// device. A <c>FasterLog</c> commit writes the log pages up to the tail and then a commit record (begin/until addresses)
/// into a new <c>commit.N.0</c> file, each with such an O_SYNC write, and completes only when both returned: that is the
/// durability point, with no separate fsync. Caveat: the directory entry of a new commit file is not fsynced, which
/// matters only for power loss (not for kill -9, where the kernel keeps every completed write); recovery then falls back
/// to the previous commit file, which FASTER deletes only after the next one is written.
/// </remarks>
internal sealed class WriteAheadLog : IAsyncDisposable
{
    private readonly FasterLog _log;
    private readonly IDevice _device;
    private readonly FasterLogSettings _settings;
    private readonly StoreMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly TimeSpan _groupDelay;
    private readonly ConcurrentQueue<CommitWaiter> _waiters = new();
    private readonly SemaphoreSlim _signal = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Action<Exception> _onFault;
    private readonly Task _committer;
    private int _signaled;
    private Exception? _fault;

    private WriteAheadLog(FasterLog log, IDevice device, FasterLogSettings settings, WalOptions options, StoreMetrics metrics, TimeProvider time, Action<Exception> onFault)
    {
        _log = log;
        _device = device;
        _settings = settings;
        _metrics = metrics;
        _time = time;
        _groupDelay = options.GroupCommitDelay;
        _onFault = onFault;
        _committer = Task.Run(RunCommitterAsync);
    }

    /// <summary>Gets the first address still in the log.</summary>
    public long BeginAddress => _log.BeginAddress;

    /// <summary>Gets the address the next entry will be appended at (or a page boundary before it).</summary>
    public long TailAddress => _log.TailAddress;

    /// <summary>Gets the address up to which the log is durable.</summary>
    public long CommittedUntilAddress => _log.CommittedUntilAddress;

    /// <summary>Gets the fault that stopped the committer, if any.</summary>
    public Exception? Fault => Volatile.Read(ref _fault);

    /// <summary>Opens (and recovers to its latest commit) the WAL in <paramref name="directory"/>.</summary>
    /// <param name="directory">Directory of the log segments and commit files.</param>
    /// <param name="options">Sizing.</param>
    /// <param name="metrics">Counters.</param>
    /// <param name="time">Time source (group-commit delay).</param>
    /// <param name="onFault">Called once if a commit fails.</param>
    /// <returns>The log, with its committer running.</returns>
    public static WriteAheadLog Open(string directory, WalOptions options, StoreMetrics metrics, TimeProvider time, Action<Exception> onFault)
    {
        System.IO.Directory.CreateDirectory(directory);
        var device = Devices.CreateLogDevice(Path.Combine(directory, "wal.log"), preallocateFile: false, deleteOnClose: false);
        var settings = new FasterLogSettings
        {
            LogDevice = device,
            PageSizeBits = options.PageSizeBits,
            MemorySizeBits = options.MemorySizeBits,
            SegmentSizeBits = options.SegmentSizeBits,
            LogCommitDir = directory,
            LogChecksum = LogChecksumType.None, // our own CRC-32C per entry (WalEntry), checked before anything is applied
            TryRecoverLatest = false, // recover explicitly below: the constructor's recovery swallows device errors
            AutoRefreshSafeTailAddress = false,
            RemoveOutdatedCommits = true,
        };
        FasterLog? log = null;
        try
        {
            log = new FasterLog(settings);
            log.Recover();
            return new WriteAheadLog(log, device, settings, options, metrics, time, onFault);
        }
        catch
        {
            log?.Dispose();
            device.Dispose();
            throw;
        }
    }

    /// <summary>Opens a scan over committed entries.</summary>
    /// <param name="from">First address.</param>
    /// <returns>The iterator (dispose it).</returns>
    public FasterLogScanIterator Scan(long from) => _log.Scan(Math.Max(from, _log.BeginAddress), long.MaxValue, recover: false);

    /// <summary>
    /// Appends an entry and returns a task that completes when it is committed. Call under the store's write lock so that
    /// waiters are queued in address order.
    /// </summary>
    /// <param name="entry">The encoded entry.</param>
    /// <param name="address">The entry's address.</param>
    /// <returns>Completes when the entry is durable; faults if a commit fails.</returns>
    public Task Append(ReadOnlySpan<byte> entry, out long address)
    {
        var fault = Fault;
        if (fault is not null)
        {
            address = 0;
            return Task.FromException(fault);
        }

        address = _log.Enqueue(entry);
        _metrics.WalAppended(entry.Length);
        return WhenCommittedUntil(address + 1);
    }

    /// <summary>Returns a task that completes when the log is committed up to <paramref name="until"/>; call under the store's write lock.</summary>
    /// <param name="until">Address the commit must reach.</param>
    /// <returns>The task.</returns>
    public Task WhenCommittedUntil(long until)
    {
        var fault = Fault;
        if (fault is not null)
        {
            return Task.FromException(fault);
        }

        if (_log.CommittedUntilAddress >= until && _waiters.IsEmpty)
        {
            return Task.CompletedTask;
        }

        var waiter = new CommitWaiter(until);
        _waiters.Enqueue(waiter);
        Signal();
        return waiter.Task;
    }

    /// <summary>Drops entries below <paramref name="address"/> (covered by a durable checkpoint); persisted by the next commit.</summary>
    /// <param name="address">An entry boundary, at most the covered address of the latest durable checkpoint.</param>
    public void TruncateUntil(long address)
    {
        _log.TruncateUntil(address);
        Signal();
    }

    private void Signal()
    {
        if (Interlocked.Exchange(ref _signaled, 1) == 0)
        {
            _signal.Release();
        }
    }

    private async Task RunCommitterAsync()
    {
        var stop = _stop.Token;
        try
        {
            while (true)
            {
                await _signal.WaitAsync(stop).ConfigureAwait(false);
                Volatile.Write(ref _signaled, 0);
                if (_groupDelay > TimeSpan.Zero)
                {
                    await Task.Delay(_groupDelay, _time, stop).ConfigureAwait(false);
                }
                // Not cancellable: a commit that has started runs to its end before the loop can stop. Cancelling the
                // wait would let DisposeAsync dispose the FasterLog while FASTER's commit-callback worker is still writing
                // the commit metadata on a thread-pool thread; FasterLog.Dispose then spins until that worker ends, and
                // the worker blocks until the device's write completes on another pool thread. With a thread pool of two
                // workers (DOTNET_ThreadPool_ForceMaxWorkerThreads=2) every SIGTERM hung there (ServeProcessTests.Serve_ThreadPoolOfTwoWorkers_SigtermStopsWithinSeconds).
                await _log.CommitAsync(CancellationToken.None).ConfigureAwait(false);
                _metrics.WalCommitted();
                CompleteWaiters(_log.CommittedUntilAddress);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // A failed commit must fault every waiter and the store, whatever the exception type.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _metrics.WalCommitFailed();
            Volatile.Write(ref _fault, ex);
            FailWaiters(ex);
            _onFault(ex);
        }
    }

    private void CompleteWaiters(long committed)
    {
        while (_waiters.TryPeek(out var waiter) && waiter.Until <= committed)
        {
            _waiters.TryDequeue(out _);
            waiter.TrySetResult();
        }
    }

    private void FailWaiters(Exception ex)
    {
        while (_waiters.TryDequeue(out var waiter))
        {
            waiter.TrySetException(ex);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Fault is null)
        {
            // Commit what is left, so a clean shutdown loses nothing even if callers did not await.
            Signal();
            while (!_waiters.IsEmpty && Fault is null)
            {
                await Task.Yield();
            }
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        await _committer.ConfigureAwait(false);
        FailWaiters(new ObjectDisposedException(nameof(WriteAheadLog)));
        _log.Dispose();
        _settings.Dispose();
        _device.Dispose();
        _stop.Dispose();
        _signal.Dispose();
    }
}
