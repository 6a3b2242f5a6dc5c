// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using V2gPki.Edge.Configuration;
using V2gPki.Edge.Listeners.Kestrel;
using V2gPki.Edge.Runtime;
using V2gPki.Est;
using V2gPki.Parties.Audit;
using V2gPki.Parties.Credentials;

namespace V2gPki.Edge.Listeners.Est;

/// <summary>
/// Starts the EST listener of <c>v2gpki serve</c> / <c>demo</c> in one call: resolves <c>Listeners:Est</c> against the
/// data directory, loads the TLS certificate, opens the audit log, builds the <see cref="EnrollmentService"/> and the
/// <see cref="EstApi"/> over the back end and the parties, and binds. The listener owns the audit log.
/// </summary>
internal static class EstComposition
{
    /// <summary>Starts EST.</summary>
    /// <param name="options">The <c>Listeners:Est</c> options.</param>
    /// <param name="parties">The accounts and credentials of the configuration.</param>
    /// <param name="backend">The started back end.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running listener; dispose it at shutdown (before the worker and the store).</returns>
    /// <exception cref="InvalidOperationException">The TLS certificate cannot be loaded; the message names the file.</exception>
    /// <exception cref="IOException">The audit log cannot be opened, or the address is in use.</exception>
    public static async Task<EstListener> StartAsync(EstListenerOptions options, PartiesSetup parties, IIssuingBackend backend, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(parties);
        ArgumentNullException.ThrowIfNull(backend);
        var certificate = Resolve(backend.DataDirectory, options.HttpsCertificateFile)!;
        var key = Resolve(backend.DataDirectory, options.HttpsKeyFile);

        // Client certificates are asked for in the handshake, never by renegotiation (docs/architecture.md §3).
        var https = HttpsEndpoint.Load(certificate, key, ClientCertificateMode.AllowCertificate, "est listener");
        JsonLinesAuditLog? audit = null;
        try
        {
            audit = new JsonLinesAuditLog(Resolve(backend.DataDirectory, options.AuditLogFile)!);
            var root = backend.Hierarchy.ChainOf(backend.Hierarchy.Cas[0].Name)[^1].CertificateDer;
            var service = new EnrollmentService(backend.Hierarchy, backend.Worker, backend.CertificateIssuer, backend.Registry, backend.Time);
            var api = new EstApi(service, new EstAuthenticator(parties.Basic, parties.Bearer, parties.Certificates), audit, new EstMetrics(backend.MetricsRegistry), backend.Time,
                backend.LoggerFactory.CreateLogger("V2gPki.Edge.Est"),
                new EstApiOptions
                {
                    MaxRequestBodyBytes = options.Limits.MaxRequestBodyBytes,
                    CacertsRequiresAuthentication = options.CacertsRequiresAuthentication,
                    RootCertificate = root,
                    FailedAttempts = new FailedAttempts(options.FailedAuthenticationLimit, TimeSpan.FromSeconds(options.FailedAuthenticationWindowSeconds), backend.Time),
                    ForwardedClientCertificateHeader = string.IsNullOrEmpty(options.ForwardedClientCertificateHeader) ? null : options.ForwardedClientCertificateHeader,
                    TrustedProxies = options.TrustedProxies.ConvertAll(IPAddress.Parse),
                });
            return await EstListener.StartAsync(options, https, api, backend.LoggerFactory, audit, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            audit?.Dispose();
            https.Dispose();
            throw;
        }
    }

    private static string? Resolve(string dataDirectory, string? path) =>
        string.IsNullOrEmpty(path) ? null : Path.GetFullPath(Path.Combine(dataDirectory, path));
}
