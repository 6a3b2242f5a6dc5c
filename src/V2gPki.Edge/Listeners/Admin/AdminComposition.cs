// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Edge.Configuration;
using V2gPki.Issuer;
using V2gPki.Issuer.Worker;
using V2gPki.Metrics;
using V2gPki.Parties.Audit;
using V2gPki.Parties.Credentials;
using V2gPki.Store;

namespace V2gPki.Edge.Listeners.Admin;

/// <summary>
/// Starts the admin listener of <c>v2gpki serve</c> / <c>demo</c> in one call: resolves the <c>Listeners:Admin</c>
/// section against the data directory, reads the token file, opens the audit log, builds the <see cref="AdminApi"/>
/// and binds. The returned listener owns the audit log.
/// </summary>
public static class AdminComposition
{
    /// <summary>Starts the admin API.</summary>
    /// <param name="options">The <c>Listeners:Admin</c> options.</param>
    /// <param name="dataDirectory">The data directory the options' relative paths are under.</param>
    /// <param name="worker">The running issuing worker.</param>
    /// <param name="directory">The CAs (the worker's <see cref="IssuingWorker.Directory"/>).</param>
    /// <param name="registry">The certificate registry (a <see cref="FasterStore"/>).</param>
    /// <param name="serving">The serving index (the same store).</param>
    /// <param name="metrics">The registry served at <c>/metrics</c>.</param>
    /// <param name="time">The clock.</param>
    /// <param name="loggerFactory">Logging; null for none.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running listener; dispose it at shutdown (before the worker and the store).</returns>
    /// <exception cref="InvalidOperationException">A start-up problem with a message for the operator: token file missing or empty, non-loopback address without HTTPS, unreadable certificate.</exception>
    /// <exception cref="IOException">The audit log cannot be opened, or the address is in use.</exception>
    public static async Task<AdminListener> StartAsync(AdminListenerOptions options, string dataDirectory, IssuingWorker worker, IssuerDirectory directory,
        ICertificateRegistry registry, IServingIndex serving, MetricsRegistry metrics, TimeProvider time, ILoggerFactory? loggerFactory = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(metrics);
        var settings = AdminListenerSettings.FromOptions(options, dataDirectory);
        var problems = settings.Validate();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("admin listener: " + string.Join("; ", problems));
        }

        var tokens = AdminTokens.Load(settings.TokenFile);
        var audit = new JsonLinesAuditLog(settings.AuditLogFile);
        try
        {
            var api = new AdminApi(worker, directory, registry, serving, tokens, audit, new AdminMetrics(metrics), time,
                loggerFactory?.CreateLogger("V2gPki.Edge.Admin"), new AdminApiOptions { MaxRequestBodyBytes = settings.Limits.MaxRequestBodyBytes });
            return await AdminListener.StartAsync(settings, api, loggerFactory, audit, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            audit.Dispose();
            throw;
        }
    }
}
