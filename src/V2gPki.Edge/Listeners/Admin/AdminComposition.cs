// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Edge.Configuration;
using V2gPki.Edge.Runtime;
using V2gPki.Parties.Audit;
using V2gPki.Parties.Credentials;

namespace V2gPki.Edge.Listeners.Admin;

/// <summary>
/// Starts the admin listener of <c>v2gpki serve</c> / <c>demo</c> in one call: resolves the <c>Listeners:Admin</c>
/// section against the data directory, reads the token file, opens the audit log, builds the <see cref="AdminApi"/>
/// and binds. The returned listener owns the audit log.
/// </summary>
internal static class AdminComposition
{
    /// <summary>Starts the admin API.</summary>
    /// <param name="options">The <c>Listeners:Admin</c> options.</param>
    /// <param name="backend">The started back end: worker, CAs, registry, serving index, data directory, metrics, clock, logging.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running listener; dispose it at shutdown (before the worker and the store).</returns>
    /// <exception cref="InvalidOperationException">A start-up problem with a message for the operator: token file missing or empty, non-loopback address without HTTPS, unreadable certificate.</exception>
    /// <exception cref="IOException">The audit log cannot be opened, or the address is in use.</exception>
    public static async Task<AdminListener> StartAsync(AdminListenerOptions options, IIssuingBackend backend, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(backend);
        var settings = AdminListenerSettings.FromOptions(options, backend.DataDirectory);
        var problems = settings.Validate();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("admin listener: " + string.Join("; ", problems));
        }

        var tokens = AdminTokens.Load(settings.TokenFile);
        var audit = new JsonLinesAuditLog(settings.AuditLogFile);
        try
        {
            var api = new AdminApi(backend.Worker, backend.Directory, backend.Registry, backend.ServingIndex, tokens, audit, new AdminMetrics(backend.MetricsRegistry),
                backend.Time, backend.LoggerFactory.CreateLogger("V2gPki.Edge.Admin"), new AdminApiOptions { MaxRequestBodyBytes = settings.Limits.MaxRequestBodyBytes });
            return await AdminListener.StartAsync(settings, api, backend.LoggerFactory, audit, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            audit.Dispose();
            throw;
        }
    }
}
