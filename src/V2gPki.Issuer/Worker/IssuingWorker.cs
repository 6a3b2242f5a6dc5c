// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using V2gPki.Issuer.Signers;
using V2gPki.Store;

namespace V2gPki.Issuer.Worker;

/// <summary>
/// The issuing worker (docs/architecture.md §3): registers issued certificates with their first signed response,
/// applies revocations on the HSM priority lane with the WAL commit before acknowledgement, keeps every certificate's
/// response fresh (leaves and CA certificates) in batches on the bulk lane, and rolls delegated signers over. Runs on
/// its own tasks behind bounded queues: the OCSP path never waits on it.
/// </summary>
/// <remarks>
/// Life cycle: construct, <see cref="Start"/> (after the store recovered), then <see cref="DisposeAsync"/>. Queued
/// requests answer <c>QueueFull</c> when a queue is full and <c>ShuttingDown</c> after disposal began.
/// </remarks>
public sealed partial class IssuingWorker : IAsyncDisposable
{
    private readonly IStoreWriter _writer;
    private readonly ICertificateRegistry _registry;
    private readonly IServingIndex _serving;
    private readonly IssuerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IDelegatedSignerProvisioner? _provisioner;
    private readonly Channel<RegistrationJob> _registrations;
    private readonly BoundedJobQueue<StatusJob> _statusChanges;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _tasks = [];
    private int _started;

    /// <summary>Creates a worker.</summary>
    /// <param name="directory">The CAs and their signers.</param>
    /// <param name="store">The store: writer, registry and serving index (a <see cref="FasterStore"/> implements all three).</param>
    /// <param name="options">Knobs.</param>
    /// <param name="time">The clock (a fake one in tests).</param>
    /// <param name="logger">Logger for alerts, or null.</param>
    /// <param name="provisioner">Issues new delegated signers at rollover, or null (then only alerts are raised).</param>
    public IssuingWorker(IssuerDirectory directory, FasterStore store, IssuerOptions options, TimeProvider time, ILogger? logger = null, IDelegatedSignerProvisioner? provisioner = null)
        : this(directory, store, store, store, options, time, logger, provisioner)
    {
    }

    /// <summary>Creates a worker over separate store interfaces.</summary>
    /// <param name="directory">The CAs and their signers.</param>
    /// <param name="writer">The store's write side.</param>
    /// <param name="registry">The registry.</param>
    /// <param name="serving">The serving index (read by freshness scans).</param>
    /// <param name="options">Knobs.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">Logger, or null.</param>
    /// <param name="provisioner">Signer provisioner, or null.</param>
    public IssuingWorker(IssuerDirectory directory, IStoreWriter writer, ICertificateRegistry registry, IServingIndex serving, IssuerOptions options,
        TimeProvider time, ILogger? logger = null, IDelegatedSignerProvisioner? provisioner = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(serving);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        Directory = directory;
        _writer = writer;
        _registry = registry;
        _serving = serving;
        _options = options;
        _time = time;
        _logger = logger ?? NullLogger.Instance;
        _provisioner = provisioner;
        Factory = new ResponseFactory(directory, options, new ClockGuard(time, options.ClockJumpTolerance));
        _registrations = Channel.CreateBounded<RegistrationJob>(new BoundedChannelOptions(options.RegistrationQueueCapacity) { FullMode = BoundedChannelFullMode.Wait });
        _statusChanges = new BoundedJobQueue<StatusJob>(options.StatusQueueCapacity);
        _due = Channel.CreateBounded<DueItem>(new BoundedChannelOptions(Math.Max(options.BatchSize * options.MaxInFlightBatches * 2, 64))
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleWriter = true,
        });
        _rolloverBucket = new TokenBucket(time, options.RolloverResignRate, Math.Max(1, options.RolloverResignRate));
    }

    /// <summary>Gets the directory.</summary>
    public IssuerDirectory Directory { get; }

    /// <summary>Gets the response factory (shared clock guard).</summary>
    public ResponseFactory Factory { get; }

    /// <summary>Gets the registrations (enrollments, imports) queued and not yet taken by a consumer (a metrics gauge).</summary>
    public int RegistrationQueueDepth => _registrations.Reader.CanCount ? _registrations.Reader.Count : 0;

    /// <summary>Gets the status changes (revocations, holds) queued and not yet taken by a consumer (a metrics gauge).</summary>
    public int StatusQueueDepth => _statusChanges.Count;

    /// <summary>Gets the worker's metrics.</summary>
    public IssuerMetrics Metrics { get; } = new();

    /// <summary>Raised after a status change was acknowledged (on a worker task; keep handlers short).</summary>
    public event Action<StatusChangeNotice>? StatusChanged;

    /// <summary>Starts the queue consumers, the freshness scanner and the re-sign batchers.</summary>
    /// <exception cref="InvalidOperationException">Already started.</exception>
    public void Start()
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("The worker is already running.");
        }

        var stop = _stop.Token;
        for (var i = 0; i < Math.Max(1, _options.RegistrationConcurrency); i++)
        {
            _tasks.Add(Task.Run(() => RunRegistrationsAsync(stop), CancellationToken.None));
        }

        for (var i = 0; i < Math.Max(1, _options.StatusConcurrency); i++)
        {
            _tasks.Add(Task.Factory.StartNew(() => RunStatusChanges(stop), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default));
        }

        for (var i = 0; i < Math.Max(1, _options.MaxInFlightBatches); i++)
        {
            _tasks.Add(Task.Factory.StartNew(() => RunResignBatcher(stop), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default));
        }

        _tasks.Add(Task.Factory.StartNew(() => RunScannerAsync(stop), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap());
        if (_options.SupersedeAfter is not null)
        {
            _tasks.Add(Task.Run(() => RunSupersedeSweepsAsync(stop), CancellationToken.None));
        }
    }

    /// <summary>Stops accepting work, fails queued requests with ShuttingDown, and waits for the tasks.</summary>
    /// <returns>A task.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        _registrations.Writer.TryComplete();
        _statusChanges.Complete();
        await _stop.CancelAsync().ConfigureAwait(false);
        _scanWake.Release();
        _supersedeWake.Release();
        try
        {
            await Task.WhenAll(_tasks).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        while (_registrations.Reader.TryRead(out var registration))
        {
            registration.Completion.TrySetResult(new RegistrationResult(RegistrationStatus.ShuttingDown, default, default));
        }

        while (_statusChanges.TryTakeNow(out var change))
        {
            change.Completion.TrySetResult(new StatusChangeResult(StatusChangeStatus.ShuttingDown, 0));
        }

        _statusChanges.Dispose();
        _stop.Dispose();
    }
}
