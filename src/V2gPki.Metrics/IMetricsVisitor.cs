// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Metrics;

/// <summary>
/// Receives metric values from an <see cref="IMetricsSource"/>; the host renders them (Prometheus text on /metrics)
/// without this assembly depending on ASP.NET or a metrics library.
/// </summary>
public interface IMetricsVisitor
{
    /// <summary>A monotonically increasing count.</summary>
    /// <param name="name">Metric name (snake case, <c>v2gpki_issuer_…</c>).</param>
    /// <param name="help">One-line description.</param>
    /// <param name="labels">Pre-rendered label pairs (<c>ca="cpo-sub2"</c>) or empty.</param>
    /// <param name="value">The count.</param>
    void Counter(string name, string help, string labels, long value);

    /// <summary>A value that goes up and down.</summary>
    /// <param name="name">Metric name.</param>
    /// <param name="help">One-line description.</param>
    /// <param name="labels">Pre-rendered label pairs or empty.</param>
    /// <param name="value">The value.</param>
    void Gauge(string name, string help, string labels, double value);

    /// <summary>A histogram (cumulative buckets as Prometheus defines them).</summary>
    /// <param name="name">Metric name.</param>
    /// <param name="help">One-line description.</param>
    /// <param name="upperBounds">Bucket upper bounds, ascending (the +Inf bucket is implied).</param>
    /// <param name="cumulativeCounts">Observations ≤ each bound; one more entry than bounds for +Inf.</param>
    /// <param name="sum">Sum of observations.</param>
    void Histogram(string name, string help, ReadOnlySpan<double> upperBounds, ReadOnlySpan<long> cumulativeCounts, double sum);
}
