// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Est;
using V2gPki.Metrics;

namespace V2gPki.Edge.Listeners.Est;

/// <summary><c>v2gpki_est_requests_total{operation,outcome}</c>, every child created up front. Register once per registry.</summary>
internal sealed class EstMetrics
{
    private const int OperationCount = (int)EstOperation.FullCmc + 1;
    private const int OutcomeCount = (int)EstOutcome.InternalError + 1;
    private readonly Counter[] _requests = new Counter[OperationCount * OutcomeCount];

    /// <summary>Creates and registers the metrics.</summary>
    /// <param name="registry">The registry served at <c>/metrics</c>.</param>
    public EstMetrics(MetricsRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var family = registry.CreateCounter("v2gpki_est_requests_total", "EST requests by operation and outcome.", "operation", "outcome");
        for (var o = 0; o < OperationCount; o++)
        {
            for (var r = 0; r < OutcomeCount; r++)
            {
                _requests[(o * OutcomeCount) + r] = family.WithLabels(EstOutcomes.Name((EstOperation)o), EstOutcomes.Name((EstOutcome)r));
            }
        }
    }

    /// <summary>Counts one request.</summary>
    /// <param name="operation">Its operation (<see cref="EstOperation.None"/> for a path that is no EST route).</param>
    /// <param name="outcome">Its outcome.</param>
    public void Count(EstOperation operation, EstOutcome outcome) => _requests[((int)operation * OutcomeCount) + (int)outcome].Increment();

    /// <summary>The count for an operation and outcome.</summary>
    /// <param name="operation">The operation.</param>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The counter value.</returns>
    public long RequestCount(EstOperation operation, EstOutcome outcome) => _requests[((int)operation * OutcomeCount) + (int)outcome].Value;
}
