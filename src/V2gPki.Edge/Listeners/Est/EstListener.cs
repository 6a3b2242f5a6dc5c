// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using V2gPki.Edge.Configuration;
using V2gPki.Edge.Listeners.Kestrel;

namespace V2gPki.Edge.Listeners.Est;

/// <summary>
/// The EST listener (docs/architecture.md §7): HTTPS only through <see cref="HttpsEndpoint"/> (TLS 1.2 and 1.3, client
/// certificates asked for in the handshake), HTTP/1.1, the listener limits set explicitly, one terminal request delegate
/// (<see cref="EstApi.HandleAsync"/>: no routing middleware, no reflection). Not on the OCSP hot path: clarity first.
/// </summary>
internal sealed class EstListener : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpsEndpoint _https;
    private readonly IDisposable? _owned;
    private int _stopped;

    private EstListener(WebApplication app, Uri baseAddress, HttpsEndpoint https, IDisposable? owned)
    {
        _app = app;
        _https = https;
        _owned = owned;
        BaseAddress = baseAddress;
    }

    /// <summary>Gets where the listener answers, with the real port (e.g. <c>https://127.0.0.1:8443/</c>).</summary>
    public Uri BaseAddress { get; }

    /// <summary>Binds and starts the listener.</summary>
    /// <param name="options">Address, port, limits.</param>
    /// <param name="https">The TLS certificate and client-certificate mode; owned by the listener from now on.</param>
    /// <param name="api">The API it serves.</param>
    /// <param name="loggerFactory">Logging for Kestrel.</param>
    /// <param name="owned">Disposed with the listener (the audit log), or null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running listener.</returns>
    /// <exception cref="IOException">The address is in use.</exception>
    public static async Task<EstListener> StartAsync(EstListenerOptions options, HttpsEndpoint https, EstApi api, ILoggerFactory loggerFactory, IDisposable? owned, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(https);
        ArgumentNullException.ThrowIfNull(api);
        var builder = ListenerHost.CreateSlimBuilder();
        builder.Services.AddSingleton(loggerFactory);

        // The slim builder leaves Kestrel's HTTPS configuration out until asked (keeps the trimmed size down).
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            KestrelListenerSetup.ApplyLimits(kestrel, options.Limits);
            kestrel.Listen(IPAddress.Parse(options.Address), options.Port, listen =>
            {
                listen.Protocols = HttpProtocols.Http1;
                https.Apply(listen);
            });
        });
        var app = builder.Build();
        app.Run(api.HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            https.Dispose();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new EstListener(app, new Uri(address.EndsWith('/') ? address : address + "/"), https, owned);
    }

    /// <summary>Stops accepting requests and lets running ones finish within the token's time.</summary>
    /// <param name="cancellationToken">Ends the graceful stop.</param>
    /// <returns>A task.</returns>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await StopAsync(new CancellationToken(canceled: true)).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _owned?.Dispose();
        _https.Dispose();
    }
}
