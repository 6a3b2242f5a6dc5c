// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Options;
using V2gPki.Edge.Listeners.Kestrel;

namespace V2gPki.Edge.Listeners.Public;

/// <summary>
/// The product host of the OCSP listener: <see cref="KestrelServer"/> with the socket transport, driving
/// <see cref="OcspHttpApplication"/> directly: no generic host, DI container, routing or middleware.
/// </summary>
internal sealed class KestrelOcspHost : IOcspHost
{
    private readonly KestrelServer _server;
    private readonly KestrelMeterBridge _bridge;

    private KestrelOcspHost(KestrelServer server, KestrelMeterBridge bridge, Uri baseAddress)
    {
        _server = server;
        _bridge = bridge;
        BaseAddress = baseAddress;
    }

    /// <inheritdoc/>
    public Uri BaseAddress { get; }

    /// <summary>Binds and starts.</summary>
    /// <param name="settings">The listener settings.</param>
    /// <param name="exchange">The OCSP exchange.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running host.</returns>
    public static async Task<IOcspHost> StartAsync(OcspHostSettings settings, OcspExchange exchange, CancellationToken cancellationToken)
    {
        var options = new KestrelServerOptions();
        KestrelListenerSetup.Apply(options, settings.Listener);
        var transport = new SocketTransportFactory(
            Options.Create(new SocketTransportOptions { UnsafePreferInlineScheduling = settings.Listener.InlineScheduling }), settings.LoggerFactory);
        var server = new KestrelServer(Options.Create(options), transport, settings.LoggerFactory);
        var bridge = new KestrelMeterBridge(settings.Metrics);
        try
        {
            await server.StartAsync(new OcspHttpApplication(exchange), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            bridge.Dispose();
            server.Dispose();
            throw;
        }

        var address = OcspHost.ToBaseAddress(server.Features.Get<IServerAddressesFeature>()!.Addresses.First());
        bridge.Port = address.Port;
        return new KestrelOcspHost(server, bridge, address);
    }

    /// <inheritdoc/>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _server.StopAsync(cancellationToken).ConfigureAwait(false);
        _bridge.Dispose();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await StopAsync(new CancellationToken(canceled: true)).ConfigureAwait(false);
        _server.Dispose();
    }
}
