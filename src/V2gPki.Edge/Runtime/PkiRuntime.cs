// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using Microsoft.Extensions.Logging.Abstractions;
using V2gPki.Edge.Configuration;
using V2gPki.Edge.Listeners.Kestrel;
using V2gPki.Hsm;
using V2gPki.Issuer;
using V2gPki.Issuer.Answering;
using V2gPki.Issuer.Crl;
using V2gPki.Issuer.Signers;
using V2gPki.Issuer.Worker;
using V2gPki.Metrics;
using V2gPki.Pki.Hierarchy;
using V2gPki.Pki.Issuance;
using V2gPki.Store;
using EdgeHsmOptions = V2gPki.Edge.Configuration.HsmOptions;

namespace V2gPki.Edge.Runtime;

/// <summary>
/// The composed PKI back end of one <c>v2gpki</c> process: hierarchy, HSM tokens, store, issuing worker,
/// answering chain, live signer, CRL publisher, metrics and clock, wired once. This is the object every front end
/// takes: the OCSP listener (through <see cref="Responder"/>), the admin API (revoke, un-hold, status, details: the
/// <see cref="Worker"/>, the <see cref="Store"/> as registry, the <see cref="Directory"/> to resolve CA names), the
/// OCPP 2.0.1 adapter (<see cref="Source"/> / <see cref="Responder"/>) and later EST (<see cref="CertificateIssuer"/>).
/// </summary>
/// <remarks>
/// Life cycle: <see cref="Open"/> (tokens logged in, hierarchy verified, store created but not recovered: lookups
/// answer tryLater) → <see cref="StartAsync"/> (store recovery, CA certificates registered, worker started with a
/// pre-sign scan, CRLs published) → <see cref="DisposeAsync"/> (worker and CRL publisher stopped, store checkpointed,
/// sessions closed). A listener may serve the runtime from <see cref="Open"/> on; it answers tryLater and <c>/ready</c>
/// reports 503 until recovery finished.
/// </remarks>
internal sealed partial class PkiRuntime : IOcspBackend, IIssuingBackend, IAsyncDisposable
{
    private readonly ILogger _logger;
    private readonly SignerCatalog _catalog;
    private readonly DataDirectoryLock _directoryLock;
    private int _started;
    private int _disposed;

    private PkiRuntime(V2gPkiOptions options, CaDataLayout layout, DataDirectoryLock directoryLock, HsmTokenSet tokens, CaHierarchy hierarchy, TimeProvider time, ILoggerFactory loggerFactory, EdgeMetrics metrics)
    {
        _directoryLock = directoryLock;
        Options = options;
        Layout = layout;
        Tokens = tokens;
        Hierarchy = hierarchy;
        Time = time;
        LoggerFactory = loggerFactory;
        Metrics = metrics;
        _logger = loggerFactory.CreateLogger("V2gPki.Edge.Runtime");

        IssuerOptions = CreateIssuerOptions(options);
        _catalog = new SignerCatalog(Path.Combine(layout.DataDirectory, "signers.txt"));
        var noncePolicy = OptionsValidator.TryParseNoncePolicy(options.Ocsp.NoncePolicy, out var parsed) ? parsed : NoncePolicy.Ignore;
        var nonceCas = noncePolicy == NoncePolicy.SignLive ? AllCaNames(hierarchy) : null;
        Directory = HierarchyDirectory.Create(hierarchy, tokens, IssuerOptions, _catalog, time, nonceCas);

        var storeOptions = StoreOptions.ForCapacity(Path.Combine(layout.DataDirectory, "store"), options.Store.Capacity);
        storeOptions.CheckpointInterval = TimeSpan.FromSeconds(options.Store.CheckpointIntervalSeconds);
        storeOptions.TimeProvider = time;
        Store = new FasterStore(storeOptions);

        CertificateIssuer = new CertificateIssuer(time, new RegistrySerialCheck(Store));
        var provisioner = tokens.TryGetToken(HsmTokenRoles.Online, out var online)
            ? new PkiSignerProvisioner(hierarchy, online, CertificateIssuer)
            : null;
        Worker = new IssuingWorker(Directory, Store, IssuerOptions, time, loggerFactory.CreateLogger("V2gPki.Issuer"), provisioner);

        SourceMetrics = new OcspSourceMetrics();
        Live = new LiveSigningSource(Directory, Store, Worker.Factory, CreateLiveOptions(options.Ocsp), time, SourceMetrics);
        Source = new FilteringSource(Directory, new StoreSource(Store, Directory, time, Live, SourceMetrics), SourceMetrics);
        Responder = new OcspResponder(Source, Live, Directory, metrics, IssuerOptions.ResignBelowRemaining, enforceNonceLength: noncePolicy == NoncePolicy.SignLive);

        Crls = new CrlPublisher(
            Directory,
            Store,
            new PkiCrlGenerator(hierarchy, new Pki.Crl.FileCrlNumberSequence(layout.CrlDirectory)),
            new CrlPublisherOptions
            {
                Directory = layout.CrlDirectory,
                Validity = TimeSpan.FromDays(options.Crl.ValidityDays),
                RegenerateBelowRemaining = TimeSpan.FromDays(options.Crl.ValidityDays / 2),
                Debounce = TimeSpan.FromMilliseconds(options.Crl.DebounceMilliseconds),
            },
            time,
            loggerFactory.CreateLogger("V2gPki.Crl"));
        Crls.Attach(Worker);
        HsmLogin = new HsmLoginMonitor(tokens.Tokens, LoginProbeInterval, time, loggerFactory.CreateLogger("V2gPki.Hsm"));
        Readiness = new StoreReadinessProvider(Store, HsmLogin);
        MetricsSource = new RuntimeMetricsSource(this);
    }

    /// <summary>Gets the validated configuration (data directory resolved to a full path).</summary>
    public V2gPkiOptions Options { get; }

    /// <summary>Gets the data directory layout (<c>hsm/</c>, <c>ca/</c>, <c>crl/</c>; the store lives in <c>store/</c>).</summary>
    public CaDataLayout Layout { get; }

    /// <summary>Gets the open HSM tokens (<c>root</c>, <c>online</c>), logged in.</summary>
    public HsmTokenSet Tokens { get; }

    /// <summary>Time between two HSM login probes (<see cref="HsmLogin"/>).</summary>
    public static readonly TimeSpan LoginProbeInterval = TimeSpan.FromSeconds(5);

    /// <summary>Gets the HSM login probe behind <c>/ready</c> (started by <see cref="StartAsync"/>).</summary>
    internal HsmLoginMonitor HsmLogin { get; }

    /// <summary>Gets the CA hierarchy: every CA, OCSP signer and own-key leaf, verified against its HSM key.</summary>
    public CaHierarchy Hierarchy { get; }

    /// <summary>Gets the CAs this responder answers for, by CertID hash, name or store issuer id, with their signers.</summary>
    public IssuerDirectory Directory { get; }

    /// <summary>Gets the store: serving index, registry (<see cref="ICertificateRegistry"/>) and WAL writer.</summary>
    public FasterStore Store { get; }

    /// <summary>Gets the issuing worker: registration, revocation (<see cref="IssuingWorker.RevokeAsync"/>), un-hold, pre-signing.</summary>
    public IssuingWorker Worker { get; }

    /// <summary>Gets the worker knobs derived from the configuration.</summary>
    public IssuerOptions IssuerOptions { get; }

    /// <summary>Gets the live slow-path signer (never-issued serials, nonces under a sign-live policy, several CertIDs).</summary>
    public LiveSigningSource Live { get; }

    /// <summary>Gets the answering chain: filter → store → live (no allocation, no exception, no blocking).</summary>
    public IOcspResponseSource Source { get; }

    /// <summary>Gets the counters of the answering chain.</summary>
    public OcspSourceMetrics SourceMetrics { get; }

    /// <summary>Gets the OCSP responder the listener calls (parse, chain, splice).</summary>
    public IOcspResponder Responder { get; }

    /// <summary>Gets the CRL publisher (<see cref="ICrlSource"/> for <c>/crl/&lt;ca-name&gt;.crl</c>).</summary>
    public CrlPublisher Crls { get; }

    /// <summary>Gets the certificate issuer (CSR → certificate through the HSM; serials checked against the registry).</summary>
    public CertificateIssuer CertificateIssuer { get; }

    /// <summary>Gets the readiness: store recovered (the tokens are logged in once the runtime exists).</summary>
    public IReadinessProvider Readiness { get; }

    /// <summary>Gets the metrics of the HTTP side, shared with every listener.</summary>
    public EdgeMetrics Metrics { get; }

    /// <summary>Gets the scrape-time figures of the back end (store, HSM lanes, queues, issuer, chain, CRLs).</summary>
    public IMetricsSource MetricsSource { get; }

    /// <summary>Gets the clock (docs/architecture.md §9).</summary>
    public TimeProvider Time { get; }

    /// <inheritdoc/>
    string IIssuingBackend.DataDirectory => Layout.DataDirectory;

    /// <inheritdoc/>
    ICertificateRegistry IIssuingBackend.Registry => Store;

    /// <inheritdoc/>
    IServingIndex IIssuingBackend.ServingIndex => Store;

    /// <inheritdoc/>
    MetricsRegistry IIssuingBackend.MetricsRegistry => Metrics.Registry;

    /// <inheritdoc/>
    ICrlSource IOcspBackend.Crls => Crls;

    /// <summary>Gets the logger factory.</summary>
    public ILoggerFactory LoggerFactory { get; }

    /// <summary>
    /// Opens the back end of a data directory: SoftHSM2 configuration through <c>setenv</c> before the module loads,
    /// tokens logged in (PINs from file, environment or the demo PIN file; never logged), hierarchy loaded and verified,
    /// directory, store (not recovered), worker (not started), answering chain and CRL publisher.
    /// </summary>
    /// <param name="options">The validated configuration; <see cref="V2gPkiOptions.DataDir"/> must hold a hierarchy (<c>ca init</c>).</param>
    /// <param name="time">The clock.</param>
    /// <param name="loggerFactory">Logging, or null.</param>
    /// <param name="metrics">The HTTP metrics the responder counts into.</param>
    /// <returns>The runtime; call <see cref="StartAsync"/> next.</returns>
    /// <exception cref="InvalidOperationException">The data directory has no hierarchy, or another process has it open.</exception>
    /// <exception cref="HsmException">The module or a token failed (a missing PIN names the variable).</exception>
    /// <exception cref="InvalidDataException">The manifest or a certificate is broken, or a key does not match.</exception>
    public static PkiRuntime Open(V2gPkiOptions options, TimeProvider time, ILoggerFactory? loggerFactory, EdgeMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(metrics);
        var layout = new CaDataLayout(options.DataDir);
        if (!File.Exists(layout.ManifestPath))
        {
            throw new InvalidOperationException(
                $"{layout.DataDirectory} holds no CA hierarchy ({layout.ManifestPath} is missing): run 'v2gpki demo' or 'v2gpki ca init' first");
        }

        // One process per data directory: a second one on the same store and WAL would corrupt them.
        if (!DataDirectoryLock.TryAcquire(layout.DataDirectory, out var directoryLock, out var holder))
        {
            throw new InvalidOperationException(holder);
        }

        HsmTokenSet? tokens = null;
        try
        {
            var manifest = CaHierarchyManifest.Load(layout.ManifestPath);
            tokens = OpenTokens(options.Hsm, layout, manifest);
            var hierarchy = CaHierarchy.Load(manifest, layout, tokens);
            return new PkiRuntime(options, layout, directoryLock!, tokens, hierarchy, time, loggerFactory ?? NullLoggerFactory.Instance, metrics);
        }
        catch
        {
            tokens?.Dispose();
            directoryLock!.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Recovers the store (checkpoint + WAL replay), registers CA certificates the registry does not hold yet (so
    /// stations can ask for Sub-CA status), starts the worker with a pre-sign scan and publishes CRLs. A store that
    /// recovers faulted stays so (tryLater, <c>/ready</c> 503) until an operator intervenes; the error is logged.
    /// </summary>
    /// <param name="cancellationToken">Cancels before replay starts.</param>
    /// <returns>The recovery report.</returns>
    public async Task<RecoveryReport> StartAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("the runtime is already started");
        }

        HsmLogin.Start();
        var report = await Store.RecoverAsync(cancellationToken).ConfigureAwait(false);
        if (report.Readiness != StoreReadiness.Ready)
        {
            LogStoreFaulted(_logger, report.Error ?? report.Readiness.ToString());
            return report;
        }

        Worker.Start();
        await Worker.RegisterHierarchyAsync(Hierarchy, cancellationToken).ConfigureAwait(false);
        Worker.TriggerScan();
        await Crls.StartAsync(cancellationToken).ConfigureAwait(false);
        return report;
    }

    /// <summary>Stops the worker and the CRL publisher, checkpoints the store (graceful shutdown) and closes everything.</summary>
    /// <returns>A task.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await Worker.DisposeAsync().ConfigureAwait(false);
        await Crls.DisposeAsync().ConfigureAwait(false);
        if (Volatile.Read(ref _started) != 0 && Store.Readiness == StoreReadiness.Ready)
        {
            try
            {
                await Store.CheckpointAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException)
            {
                // The WAL holds every acknowledged change; recovery replays it.
                LogCheckpointFailed(_logger, ex);
            }
        }

        Live.Dispose();
        await Store.DisposeAsync().ConfigureAwait(false);
        await HsmLogin.DisposeAsync().ConfigureAwait(false);
        Tokens.Dispose();
        _directoryLock.Dispose();
    }

    /// <summary>
    /// Recovers the store without starting the worker or the CRL publisher (tools that read the store:
    /// <c>store verify</c>). Nothing is checkpointed at disposal.
    /// </summary>
    /// <param name="cancellationToken">Cancels before replay starts.</param>
    /// <returns>The recovery report.</returns>
    public Task<RecoveryReport> RecoverOnlyAsync(CancellationToken cancellationToken = default) => Store.RecoverAsync(cancellationToken);

    private static HsmTokenSet OpenTokens(EdgeHsmOptions configured, CaDataLayout layout, CaHierarchyManifest manifest)
    {
        var options = CaHierarchyTokens.CreateOptions(manifest, layout);
        if (!string.IsNullOrEmpty(configured.ModulePath) && !string.Equals(configured.ModulePath, options.ModulePath, StringComparison.Ordinal))
        {
            // Another module than the manifest's SoftHSM2: its configuration file does not apply.
            options.ModulePath = configured.ModulePath;
            options.SoftHsm2ConfigPath = null;
        }

        foreach (var token in options.Tokens)
        {
            // Defaults for every token the config does not list: a second bulk session for the pre-signer.
            token.BulkSessions = 2;
            foreach (var settings in configured.Tokens ?? [])
            {
                if (!string.Equals(settings.Role, token.Role, StringComparison.Ordinal))
                {
                    continue;
                }

                token.PrioritySessions = settings.PrioritySessions;
                token.BulkSessions = settings.BulkSessions;
                token.BulkMaxInFlight = settings.BulkMaxInFlight;
                if (!string.IsNullOrEmpty(settings.PinFile))
                {
                    token.Pin = PinSource.FromValue(ReadPinFile(layout.ResolveData(settings.PinFile), token.Role));
                }
                else if (!string.IsNullOrEmpty(settings.PinEnvironmentVariable))
                {
                    token.Pin = new PinSource { EnvironmentVariable = settings.PinEnvironmentVariable, Value = token.Pin.Value };
                }
            }
        }

        return CaHierarchyTokens.OpenForDataDirectory(options);
    }

    private static string ReadPinFile(string path, string role)
    {
        try
        {
            var text = File.ReadAllText(path);
            var end = text.AsSpan().IndexOfAny('\r', '\n');
            var pin = end < 0 ? text : text[..end];
            return pin.Length > 0
                ? pin
                : throw new HsmException(HsmError.PinUnavailable, $"the PIN file of the {role} token ({path}) is empty");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new HsmException(HsmError.PinUnavailable, $"the PIN file of the {role} token ({path}) cannot be read: {ex.Message}");
        }
    }

    private static IssuerOptions CreateIssuerOptions(V2gPkiOptions options)
    {
        var issuer = new IssuerOptions
        {
            ResponseValidity = TimeSpan.FromDays(options.Ocsp.ValidityDays),
            ResignBelowRemaining = TimeSpan.FromDays(options.Ocsp.ResignFloorDays),
            BatchSize = options.Issuer.BatchSize,
            MaxInFlightBatches = options.Issuer.MaxInFlightBatches,
            ScanInterval = TimeSpan.FromSeconds(options.Issuer.ScanIntervalSeconds),
            SignerValidity = TimeSpan.FromDays(options.Issuer.SignerValidityDays),
            SignerRolloverLead = TimeSpan.FromDays(options.Issuer.SignerRolloverLeadDays),
            MaxLiveCertificatesPerSubject = options.Issuer.MaxLiveCertificatesPerSubject,
            SupersedeAfter = options.Issuer.SupersedeAfterDays is { } days ? TimeSpan.FromDays(days) : null,
            SupersedeScanInterval = TimeSpan.FromSeconds(options.Issuer.SupersedeScanIntervalSeconds),
        };
        issuer.HashAlgorithms.Clear();
        foreach (var name in OptionsValidator.EffectiveHashAlgorithms(options.Ocsp))
        {
            issuer.HashAlgorithms.Add(name switch
            {
                "sha1" => V2gPki.Ocsp.OcspHashAlgorithm.Sha1,
                "sha256" => V2gPki.Ocsp.OcspHashAlgorithm.Sha256,
                "sha384" => V2gPki.Ocsp.OcspHashAlgorithm.Sha384,
                _ => V2gPki.Ocsp.OcspHashAlgorithm.Sha512,
            });
        }

        return issuer;
    }

    private static LiveSigningOptions CreateLiveOptions(OcspOptions ocsp)
    {
        var neverIssued = OptionsValidator.TryParseNeverIssuedPolicy(ocsp.NeverIssuedPolicy, out var parsed) ? parsed : NeverIssuedPolicy.ExtendedRevoked;
        return new LiveSigningOptions
        {
            RatePerSecond = ocsp.SlowPath.RatePerSecond,
            Burst = ocsp.SlowPath.Burst,
            MaxConcurrentSignings = ocsp.SlowPath.MaxInFlight,
            MaxWaiters = ocsp.SlowPath.MaxWaiting,
            CacheSize = ocsp.SlowPath.CacheSize,
            NeverIssued = neverIssued == NeverIssuedPolicy.Unauthorized ? NeverIssuedAnswer.Unauthorized : NeverIssuedAnswer.ExtendedRevoked,
        };
    }

    private static string[] AllCaNames(CaHierarchy hierarchy)
    {
        var names = new string[hierarchy.Cas.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = hierarchy.Cas[i].Name;
        }

        return names;
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Error, Message = "store recovery did not finish ready ({Reason}): OCSP answers tryLater until an operator intervenes")]
    private static partial void LogStoreFaulted(ILogger logger, string reason);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "checkpoint at shutdown failed; the WAL is replayed at the next start")]
    private static partial void LogCheckpointFailed(ILogger logger, Exception exception);
}
