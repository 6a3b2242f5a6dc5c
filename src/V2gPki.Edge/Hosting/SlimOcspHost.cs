// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using V2gPki.Edge.Http;

namespace V2gPki.Edge.Hosting;

/// <summary>
/// The benchmark host of the OCSP listener: <c>WebApplication.CreateSlimBuilder</c> with minimal route handlers
/// (endpoint routing, the generic host and DI on the request path), same Kestrel limits and same exchange.
/// </summary>
internal sealed class SlimOcspHost : IOcspHost
{
    private static readonly string[] GetHead = ["GET", "HEAD"];

    private readonly WebApplication _app;

    private SlimOcspHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <inheritdoc/>
    public Uri BaseAddress { get; }

    /// <summary>Builds, binds and starts.</summary>
    /// <param name="settings">The listener settings.</param>
    /// <param name="exchange">The OCSP exchange.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running host.</returns>
    public static async Task<IOcspHost> StartAsync(OcspHostSettings settings, OcspExchange exchange, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(settings.LoggerFactory);
        builder.WebHost.ConfigureKestrel(kestrel => KestrelListenerSetup.Apply(kestrel, settings.Listener));
        builder.WebHost.UseSockets(sockets => sockets.UnsafePreferInlineScheduling = settings.Listener.InlineScheduling);
        var app = builder.Build();

        var handlers = new SlimOcspHandlers(exchange);
        app.MapPost("/", handlers.PostAsync);
        app.MapPost("/ocsp", handlers.PostAsync);
        app.MapMethods("/", GetHead, handlers.NotFoundAsync);
        app.MapMethods("/health", GetHead, handlers.HealthAsync);
        app.MapMethods("/ready", GetHead, handlers.ReadyAsync);
        app.MapMethods("/metrics", GetHead, handlers.MetricsAsync);
        app.MapMethods("/ocsp/{**request}", GetHead, handlers.GetAsync);
        app.MapMethods("/{**request}", GetHead, handlers.GetAsync);

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new SlimOcspHost(app, OcspHost.ToBaseAddress(addresses.First()));
    }

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken) => _app.StopAsync(cancellationToken);

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
