// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.


using V2gPki.Edge.Listeners.Kestrel;

namespace V2gPki.Edge.Listeners.Public;

/// <summary>
/// Starts the public listener: a bare <c>KestrelServer</c> driving our <see cref="OcspHttpApplication"/>
/// (docs/decisions/0001-ocsp-host-bare-kestrel.md).
/// </summary>
internal static class OcspHost
{
    /// <summary>Binds and starts the listener.</summary>
    /// <param name="settings">Responder, readiness, listener and host kind.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running host; read the bound port from <see cref="IOcspHost.BaseAddress"/>.</returns>
    public static Task<IOcspHost> StartAsync(OcspHostSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var limits = settings.Listener.Limits;
        var exchange = new OcspExchange(
            settings.Responder, settings.Readiness, settings.Metrics, settings.Time,
            settings.LoggerFactory.CreateLogger("V2gPki.Edge.Ocsp"), limits.MaxRequestBodyBytes, limits.MaxRequestLineBytes)
        {
            Crls = settings.Crls,
            Routes = settings.Routes,
            CrlOnly = settings.CrlOnly,
        };
        return KestrelOcspHost.StartAsync(settings, exchange, cancellationToken);
    }

    /// <summary>Parses the bound port out of a Kestrel address such as <c>http://127.0.0.1:34567</c>.</summary>
    /// <param name="address">The address Kestrel reports.</param>
    /// <returns>The base address with a trailing slash.</returns>
    internal static Uri ToBaseAddress(string address) => new(address.EndsWith('/') ? address : address + "/");
}
