// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Metrics;

namespace V2gPki.Edge.Listeners.Ocpp;

/// <summary><c>v2gpki_ocpp_certificate_status_total{outcome}</c>, every child created up front. Register once per registry.</summary>
internal sealed class OcppMetrics
{
    private const int OutcomeCount = (int)OcppOutcome.MethodNotAllowed + 1;

    private readonly Counter[] _requests = new Counter[OutcomeCount];

    /// <summary>Creates and registers the metrics.</summary>
    /// <param name="registry">The registry served at <c>/metrics</c>.</param>
    public OcppMetrics(MetricsRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var family = registry.CreateCounter("v2gpki_ocpp_certificate_status_total", "OCPP 2.0.1 GetCertificateStatus adapter requests by outcome.", "outcome");
        for (var i = 0; i < OutcomeCount; i++)
        {
            _requests[i] = family.WithLabels(OcppOutcomes.Name((OcppOutcome)i));
        }
    }

    /// <summary>Counts one request.</summary>
    /// <param name="outcome">The outcome.</param>
    public void Count(OcppOutcome outcome) => _requests[(int)outcome].Increment();

    /// <summary>The count for an outcome.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The counter value.</returns>
    public long RequestCount(OcppOutcome outcome) => _requests[(int)outcome].Value;
}
