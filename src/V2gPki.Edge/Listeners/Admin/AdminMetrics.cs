// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Metrics;

namespace V2gPki.Edge.Listeners.Admin;

/// <summary>
/// The admin API's metrics: <c>v2gpki_admin_requests_total{action, outcome}</c> (every child created up front) and
/// <c>v2gpki_admin_audit_failures_total</c>. Register once per <see cref="MetricsRegistry"/>.
/// </summary>
internal sealed class AdminMetrics
{
    private const int ActionCount = (int)AdminAction.Cas + 1;
    private const int OutcomeCount = (int)AdminOutcome.Error + 1;

    private readonly Counter[] _requests = new Counter[ActionCount * OutcomeCount];

    /// <summary>Creates and registers the metrics.</summary>
    /// <param name="registry">The registry served at <c>/metrics</c>.</param>
    public AdminMetrics(MetricsRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var requests = registry.CreateCounter("v2gpki_admin_requests_total", "Admin API requests by action and outcome.", "action", "outcome");
        for (var a = 0; a < ActionCount; a++)
        {
            for (var o = 0; o < OutcomeCount; o++)
            {
                _requests[(a * OutcomeCount) + o] = requests.WithLabels(AdminOutcomes.Name((AdminAction)a), AdminOutcomes.Name((AdminOutcome)o));
            }
        }

        AuditFailures = registry.CreateCounter("v2gpki_admin_audit_failures_total", "Audit log lines that could not be written.").WithLabels();
    }

    /// <summary>Audit log lines that could not be written (a state change is refused when its first line fails).</summary>
    public Counter AuditFailures { get; }

    /// <summary>Counts one request.</summary>
    /// <param name="action">The action.</param>
    /// <param name="outcome">The outcome.</param>
    public void Count(AdminAction action, AdminOutcome outcome) => _requests[((int)action * OutcomeCount) + (int)outcome].Increment();

    /// <summary>The count for an action and outcome.</summary>
    /// <param name="action">The action.</param>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The counter value.</returns>
    public long RequestCount(AdminAction action, AdminOutcome outcome) => _requests[((int)action * OutcomeCount) + (int)outcome].Value;
}
