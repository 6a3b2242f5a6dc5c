// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Edge.Configuration;
using V2gPki.Edge.Listeners.Admin;
using V2gPki.Edge.Listeners.Est;
using V2gPki.Edge.Listeners.Kestrel;
using V2gPki.Edge.Listeners.Ocpp;
using V2gPki.Edge.Listeners.Public;

namespace V2gPki.Edge.Runtime;

/// <summary>
/// The listeners of a <c>v2gpki serve</c> or <c>v2gpki demo</c> process (docs/architecture.md §7): the public listener
/// (OCSP POST/GET, <c>/crl/&lt;ca-name&gt;.crl</c>, <c>/api/…</c> handlers, <c>/health</c>, <c>/ready</c>,
/// <c>/metrics</c>), an optional separate CRL listener, and the admin listener once a runtime exists. The public
/// listener binds before the PKI opens and serves a <see cref="RuntimeSlot"/> (tryLater until <see cref="Attach"/>).
/// </summary>
internal sealed class EdgeServer : IAsyncDisposable
{
    private readonly V2gPkiOptions _options;
    private IAsyncDisposable? _admin;
    private IAsyncDisposable? _est;

    private EdgeServer(V2gPkiOptions options, RuntimeSlot slot, EdgeMetrics metrics, IOcspHost ocsp, IOcspHost? crl)
    {
        _options = options;
        Slot = slot;
        Metrics = metrics;
        Public = ocsp;
        Crl = crl;
    }

    /// <summary>Gets the configuration the listeners were started with (the admin listener reads <c>Listeners:Admin</c>).</summary>
    public V2gPkiOptions Options => _options;

    /// <summary>Gets what the listeners serve (the runtime once attached).</summary>
    public RuntimeSlot Slot { get; }

    /// <summary>Gets the metrics served at <c>/metrics</c>.</summary>
    public EdgeMetrics Metrics { get; }

    /// <summary>Gets the public listener (OCSP, CRL, health, ready, metrics).</summary>
    public IOcspHost Public { get; }

    /// <summary>Gets the separate CRL listener, when configured.</summary>
    public IOcspHost? Crl { get; }

    /// <summary>Gets the public listener's base address with the bound port (<c>http://127.0.0.1:8080/</c>).</summary>
    public Uri BaseAddress => Public.BaseAddress;

    /// <summary>
    /// Binds and starts the public listener (and the CRL listener when configured) over an empty
    /// <see cref="RuntimeSlot"/>; register <paramref name="metrics"/> with the slot's back-end figures.
    /// </summary>
    /// <param name="options">The configuration (listeners and limits).</param>
    /// <param name="metrics">The metrics served at <c>/metrics</c>.</param>
    /// <param name="time">The clock.</param>
    /// <param name="loggerFactory">Logging for Kestrel and handler failures.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    /// <exception cref="IOException">An address is in use or cannot be bound.</exception>
    public static async Task<EdgeServer> StartAsync(V2gPkiOptions options, EdgeMetrics metrics, TimeProvider time, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(metrics);
        var slot = new RuntimeSlot();
        metrics.Registry.AddSource(slot);

        // Handlers of /api/… routes answer through the slot (tryLater / Failed while the runtime starts).
        var routes = new List<IPublicRouteHandler>
        {
            // OCPP 2.0.1 GetCertificateStatus adapter (docs/architecture.md §7): POST /api/v1/ocpp/certificate-status.
            new OcppCertificateStatusHandler(slot, new OcppMetrics(metrics.Registry), loggerFactory.CreateLogger("V2gPki.Edge.Ocpp")),
        };

        var ocsp = await OcspHost.StartAsync(
            new OcspHostSettings(slot, slot, options.Listeners.Ocsp)
            {
                Metrics = metrics,
                Time = time,
                LoggerFactory = loggerFactory,
                Crls = slot,
                Routes = routes,
            },
            cancellationToken).ConfigureAwait(false);
        IOcspHost? crl = null;
        if (options.Listeners.Crl is { } crlListener)
        {
            try
            {
                crl = await OcspHost.StartAsync(
                    new OcspHostSettings(slot, slot, crlListener) { Metrics = metrics, Time = time, LoggerFactory = loggerFactory, Crls = slot, CrlOnly = true },
                    cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await ocsp.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        return new EdgeServer(options, slot, metrics, ocsp, crl);
    }

    /// <summary>Serves <paramref name="runtime"/> from now on (tryLater and <c>/ready</c> 503 until its store recovered).</summary>
    /// <param name="runtime">The back end (a <see cref="PkiRuntime"/>).</param>
    public void Attach(IOcspBackend runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        Slot.Attach(runtime);
    }

    /// <summary>
    /// Starts the admin listener (<see cref="AdminListenerOptions"/>: loopback HTTP + bearer token from
    /// <c>&lt;DataDir&gt;/admin.token</c>) over the runtime. Called once the runtime has started.
    /// </summary>
    /// <param name="runtime">The started runtime (worker for revoke/un-hold, store as registry, directory for CA names).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>A task.</returns>
    public async Task StartAdminAsync(IIssuingBackend runtime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runtime);

        // Its own listener, bearer token and audit log; disposed with the server, before the worker and the store.
        _admin = await AdminComposition.StartAsync(
            _options.Listeners.Admin, runtime, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts the EST listener when the configuration has <c>Listeners:Est</c> (HTTPS; the accounts of <c>Parties</c>)
    /// over the runtime. Called once the runtime has started.
    /// </summary>
    /// <param name="options">The configuration whose <c>Listeners:Est</c> and <c>Parties</c> apply (the demo's is written after the server starts).</param>
    /// <param name="runtime">The started runtime.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>Where EST answers, or null when it is not configured.</returns>
    /// <exception cref="InvalidOperationException">The parties or the TLS certificate cannot be loaded; the message says which.</exception>
    public async Task<Uri?> StartEstAsync(V2gPkiOptions options, IIssuingBackend runtime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(runtime);
        if (options.Listeners.Est is not { } est)
        {
            return null;
        }

        if (!PartiesSetup.TryBuild(options.Parties, runtime.DataDirectory, runtime.Time, out var parties, out var errors))
        {
            throw new InvalidOperationException("Parties: " + string.Join("; ", errors));
        }

        var listener = await EstComposition.StartAsync(est, parties!, runtime, cancellationToken).ConfigureAwait(false);
        _est = listener;
        return listener.BaseAddress;
    }

    /// <summary>Stops the listeners gracefully (in-flight requests finish within the grace period).</summary>
    /// <param name="cancellationToken">Ends the grace period.</param>
    /// <returns>A task.</returns>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_est is { } est)
        {
            _est = null;
            await est.DisposeAsync().ConfigureAwait(false);
        }

        if (_admin is { } admin)
        {
            _admin = null;
            await admin.DisposeAsync().ConfigureAwait(false);
        }

        if (Crl is not null)
        {
            await Crl.StopAsync(cancellationToken).ConfigureAwait(false);
        }

        await Public.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_est is { } est)
        {
            _est = null;
            await est.DisposeAsync().ConfigureAwait(false);
        }

        if (_admin is { } admin)
        {
            _admin = null;
            await admin.DisposeAsync().ConfigureAwait(false);
        }

        if (Crl is not null)
        {
            await Crl.DisposeAsync().ConfigureAwait(false);
        }

        await Public.DisposeAsync().ConfigureAwait(false);
    }
}
