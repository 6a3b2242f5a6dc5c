// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Metrics;

/// <summary>
/// Renders what an <see cref="IMetricsSource"/> reports as Prometheus text: one <c># HELP</c>/<c># TYPE</c> pair per
/// metric name (sources report each name's samples together), then the samples. Scrape time only.
/// </summary>
/// <param name="writer">The text writer of the scrape.</param>
internal sealed class PrometheusSourceVisitor(PrometheusTextWriter writer) : IMetricsVisitor
{
    private readonly HashSet<string> _written = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public void Counter(string name, string help, string labels, long value)
    {
        Header(name, help, MetricType.Counter);
        writer.WriteRenderedSample(name, null, labels, null, null, value);
    }

    /// <inheritdoc/>
    public void Gauge(string name, string help, string labels, double value)
    {
        Header(name, help, MetricType.Gauge);
        writer.WriteRenderedSample(name, null, labels, null, null, value);
    }

    /// <inheritdoc/>
    public void Histogram(string name, string help, ReadOnlySpan<double> upperBounds, ReadOnlySpan<long> cumulativeCounts, double sum)
    {
        Header(name, help, MetricType.Histogram);
        var total = cumulativeCounts.IsEmpty ? 0 : cumulativeCounts[^1];
        for (var i = 0; i < upperBounds.Length && i < cumulativeCounts.Length; i++)
        {
            writer.WriteRenderedSample(name, "_bucket", string.Empty, "le", PrometheusTextWriter.FormatValue(upperBounds[i]), cumulativeCounts[i]);
        }

        writer.WriteRenderedSample(name, "_bucket", string.Empty, "le", "+Inf", total);
        writer.WriteRenderedSample(name, "_sum", string.Empty, null, null, sum);
        writer.WriteRenderedSample(name, "_count", string.Empty, null, null, total);
    }

    private void Header(string name, string help, MetricType type)
    {
        // A name already written (a source reporting a labelled family sample by sample) gets no second header.
        if (_written.Add(name))
        {
            writer.WriteHeader(name, help, type);
        }
    }
}
