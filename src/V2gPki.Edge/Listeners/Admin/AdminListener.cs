// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using V2gPki.Edge.Listeners.Kestrel;

namespace V2gPki.Edge.Listeners.Admin;

/// <summary>
/// The admin API's own listener (docs/architecture.md §7): <c>WebApplication.CreateSlimBuilder</c> with one terminal
/// request delegate (<see cref="AdminApi.HandleAsync"/>: no routing middleware, no reflection), HTTP/1.1, the listener
/// limits applied explicitly, plain HTTP on loopback or HTTPS anywhere. Not on the OCSP hot path: clarity first.
/// </summary>
internal sealed class AdminListener : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly IDisposable? _owned;
    private readonly HttpsEndpoint? _https;
    private int _stopped;

    private AdminListener(WebApplication app, Uri baseAddress, IDisposable? owned, HttpsEndpoint? https)
    {
        _app = app;
        _owned = owned;
        _https = https;
        BaseAddress = baseAddress;
    }

    /// <summary>Where the listener answers, with the real port (e.g. <c>http://127.0.0.1:8081/</c>).</summary>
    public Uri BaseAddress { get; }

    /// <summary>Binds and starts the listener.</summary>
    /// <param name="settings">Address, port, limits, HTTPS certificate.</param>
    /// <param name="api">The API it serves.</param>
    /// <param name="loggerFactory">Logging for Kestrel; null for none.</param>
    /// <param name="owned">Disposed when the listener is disposed (e.g. the audit log), or null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running listener.</returns>
    /// <exception cref="InvalidOperationException">The settings are refused (<see cref="AdminListenerSettings.Validate"/>), e.g. a non-loopback address without HTTPS.</exception>
    /// <exception cref="IOException">The address is in use.</exception>
    public static async Task<AdminListener> StartAsync(AdminListenerSettings settings, AdminApi api, ILoggerFactory? loggerFactory = null, IDisposable? owned = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(api);
        var problems = settings.Validate();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("admin listener: " + string.Join("; ", problems));
        }

        var https = settings.IsHttps
            ? HttpsEndpoint.Load(settings.HttpsCertificateFile!, settings.HttpsKeyFile, ClientCertificateMode.NoCertificate, "admin listener")
            : null;
        var builder = ListenerHost.CreateSlimBuilder();
        if (loggerFactory is not null)
        {
            builder.Services.AddSingleton(loggerFactory);
        }

        if (https is not null)
        {
            // The slim builder leaves Kestrel's HTTPS configuration out until asked (keeps the trimmed size down).
            builder.WebHost.UseKestrelHttpsConfiguration();
        }

        builder.WebHost.ConfigureKestrel(kestrel => Apply(kestrel, settings, https));
        var app = builder.Build();
        app.Run(api.HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            https?.Dispose();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new AdminListener(app, new Uri(address.EndsWith('/') ? address : address + "/"), owned, https);
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
        _https?.Dispose();
    }

    private static void Apply(KestrelServerOptions kestrel, AdminListenerSettings settings, HttpsEndpoint? https)
    {
        KestrelListenerSetup.ApplyLimits(kestrel, settings.Limits);
        kestrel.Listen(IPAddress.Parse(settings.Address), settings.Port, listen =>
        {
            listen.Protocols = HttpProtocols.Http1;
            https?.Apply(listen);
        });
    }
}
