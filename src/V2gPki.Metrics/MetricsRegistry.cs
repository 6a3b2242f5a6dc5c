// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers;

namespace V2gPki.Metrics;

/// <summary>
/// A small Prometheus registry: counters, gauges and fixed-bucket histograms whose children are created up front,
/// updated with <see cref="Interlocked"/> and no allocation, and written in the text exposition format 0.0.4 by
/// <see cref="WriteTo"/> (scrape time only, where allocation is fine).
/// </summary>
public sealed class MetricsRegistry
{
    private readonly List<object> _families = [];
    private readonly List<IMetricsSource> _sources = [];
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Registers a counter family.</summary>
    /// <param name="name">The metric name, ending in <c>_total</c> by convention.</param>
    /// <param name="help">One line of help.</param>
    /// <param name="labelNames">Label names; none for a single unlabelled counter.</param>
    /// <returns>The family; take children with <see cref="MetricFamily{T}.WithLabels"/>.</returns>
    public MetricFamily<Counter> CreateCounter(string name, string help, params string[] labelNames) =>
        Add(new MetricFamily<Counter>(name, help, MetricType.Counter, labelNames, static () => new Counter()));

    /// <summary>Registers a gauge family.</summary>
    /// <param name="name">The metric name.</param>
    /// <param name="help">One line of help.</param>
    /// <param name="labelNames">Label names.</param>
    /// <returns>The family.</returns>
    public MetricFamily<Gauge> CreateGauge(string name, string help, params string[] labelNames) =>
        Add(new MetricFamily<Gauge>(name, help, MetricType.Gauge, labelNames, static () => new Gauge()));

    /// <summary>Registers a histogram family.</summary>
    /// <param name="name">The metric name, with its base unit (<c>_seconds</c>, <c>_bytes</c>).</param>
    /// <param name="help">One line of help.</param>
    /// <param name="upperBounds">Inclusive bucket bounds in the base unit, ascending.</param>
    /// <param name="unitInBaseUnits">Size of one observation unit in the base unit (1 when observing base units).</param>
    /// <param name="labelNames">Label names.</param>
    /// <returns>The family.</returns>
    public MetricFamily<Histogram> CreateHistogram(string name, string help, double[] upperBounds, double unitInBaseUnits, params string[] labelNames)
    {
        ArgumentNullException.ThrowIfNull(upperBounds);
        var bounds = (double[])upperBounds.Clone();
        _ = new Histogram(bounds, unitInBaseUnits); // checks the buckets at registration, not at the first child
        return Add(new MetricFamily<Histogram>(name, help, MetricType.Histogram, labelNames, () => new Histogram(bounds, unitInBaseUnits)));
    }

    /// <summary>Registers a value read at scrape time (process figures, sizes owned by other modules).</summary>
    /// <param name="name">The metric name.</param>
    /// <param name="help">One line of help.</param>
    /// <param name="type"><see cref="MetricType.Counter"/> or <see cref="MetricType.Gauge"/>.</param>
    /// <param name="read">Reads the value; called under the scrape, must be cheap and thread-safe.</param>
    public void CreateCallback(string name, string help, MetricType type, Func<double> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (type == MetricType.Histogram)
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "callbacks are counters or gauges");
        }

        Add(new CallbackMetric(name, help, type, read));
    }

    /// <summary>
    /// Registers a module whose metrics are read at scrape time through <see cref="IMetricsVisitor"/> (the issuing
    /// worker, the answering sources, the CRL publisher, store and HSM figures). Its samples are written after the
    /// registry's own families, in the order the source reports them; a source reports each name's samples together.
    /// </summary>
    /// <param name="source">The source; kept for the life of the registry.</param>
    public void AddSource(IMetricsSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        lock (_lock)
        {
            _sources.Add(source);
        }
    }

    /// <summary>Writes every metric in the Prometheus text format (version 0.0.4).</summary>
    /// <param name="output">Receives UTF-8 text.</param>
    public void WriteTo(IBufferWriter<byte> output)
    {
        object[] families;
        IMetricsSource[] sources;
        lock (_lock)
        {
            families = [.. _families];
            sources = [.. _sources];
        }

        var writer = new PrometheusTextWriter(output);
        foreach (var family in families)
        {
            switch (family)
            {
                case MetricFamily<Counter> counters:
                    writer.WriteHeader(counters.Name, counters.Help, counters.Type);
                    foreach (var (labels, counter) in counters.SnapshotChildren())
                    {
                        writer.WriteSample(counters.Name, null, counters.LabelNames, labels, null, null, counter.Value);
                    }

                    break;
                case MetricFamily<Gauge> gauges:
                    writer.WriteHeader(gauges.Name, gauges.Help, gauges.Type);
                    foreach (var (labels, gauge) in gauges.SnapshotChildren())
                    {
                        writer.WriteSample(gauges.Name, null, gauges.LabelNames, labels, null, null, gauge.Value);
                    }

                    break;
                case MetricFamily<Histogram> histograms:
                    writer.WriteHeader(histograms.Name, histograms.Help, histograms.Type);
                    foreach (var (labels, histogram) in histograms.SnapshotChildren())
                    {
                        writer.WriteHistogram(histograms.Name, histograms.LabelNames, labels, histogram);
                    }

                    break;
                case CallbackMetric callback:
                    writer.WriteHeader(callback.Name, callback.Help, callback.Type);
                    writer.WriteSample(callback.Name, null, [], [], null, null, callback.Read());
                    break;
            }
        }

        if (sources.Length > 0)
        {
            var visitor = new PrometheusSourceVisitor(writer);
            foreach (var source in sources)
            {
                source.Collect(visitor);
            }
        }
    }

    private T Add<T>(T family)
        where T : class
    {
        var name = family switch
        {
            MetricFamily<Counter> c => c.Name,
            MetricFamily<Gauge> g => g.Name,
            MetricFamily<Histogram> h => h.Name,
            CallbackMetric m => m.Name,
            _ => throw new ArgumentException("unknown family", nameof(family)),
        };
        PrometheusTextWriter.ValidateName(name);
        lock (_lock)
        {
            if (!_names.Add(name))
            {
                throw new InvalidOperationException($"metric {name} is already registered");
            }

            _families.Add(family);
        }

        return family;
    }

    private sealed class CallbackMetric(string name, string help, MetricType type, Func<double> read)
    {
        public string Name { get; } = name;

        public string Help { get; } = help;

        public MetricType Type { get; } = type;

        public Func<double> Read { get; } = read;
    }
}
