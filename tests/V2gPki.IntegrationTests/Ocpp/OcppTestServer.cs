// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using V2gPki.Edge.Listeners.Ocpp;

namespace V2gPki.IntegrationTests.Ocpp;

/// <summary>
/// A bare <see cref="KestrelServer"/> on 127.0.0.1 port 0 whose application routes <see cref="OcppCertificateStatusHandler.RoutePath"/>
/// to <see cref="OcppCertificateStatusHandler.HandleAsync(IFeatureCollection, CancellationToken)"/>, the way the OCSP listener's own
/// <c>IHttpApplication</c> does (features only, no HttpContext), with an 8 KiB body limit like the OCSP listener.
/// </summary>
internal sealed class OcppTestServer : IAsyncDisposable
{
    private readonly KestrelServer _server;

    private OcppTestServer(KestrelServer server, Uri baseAddress)
    {
        _server = server;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<OcppTestServer> StartAsync(OcppCertificateStatusHandler handler)
    {
        var options = new KestrelServerOptions();
        options.Limits.MaxRequestBodySize = 8 * 1024;
        options.Listen(IPAddress.Loopback, 0);
        var server = new KestrelServer(Options.Create(options), new SocketTransportFactory(Options.Create(new SocketTransportOptions()), NullLoggerFactory.Instance), NullLoggerFactory.Instance);
        await server.StartAsync(new Application(handler), CancellationToken.None);
        var address = server.Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new OcppTestServer(server, new Uri(address + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync(CancellationToken.None);
        _server.Dispose();
    }

    private sealed class Application(OcppCertificateStatusHandler handler) : IHttpApplication<IFeatureCollection>
    {
        public IFeatureCollection CreateContext(IFeatureCollection contextFeatures) => contextFeatures;

        public Task ProcessRequestAsync(IFeatureCollection context)
        {
            if (OcppCertificateStatusHandler.IsPath(context.Get<IHttpRequestFeature>()!.RawTarget))
            {
                return handler.HandleAsync(context, context.Get<IHttpRequestLifetimeFeature>()!.RequestAborted);
            }

            context.Get<IHttpResponseFeature>()!.StatusCode = 404;
            return Task.CompletedTask;
        }

        public void DisposeContext(IFeatureCollection context, Exception? exception)
        {
        }
    }
}
