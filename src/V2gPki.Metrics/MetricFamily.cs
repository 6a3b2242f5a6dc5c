// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Metrics;

/// <summary>
/// One named metric with its label names and one child per label-value set. Children are created at start-up
/// (or on first wiring) and kept by their users, so the hot path never looks a child up.
/// </summary>
/// <typeparam name="T">The child type: <see cref="Counter"/>, <see cref="Gauge"/> or <see cref="Histogram"/>.</typeparam>
public sealed class MetricFamily<T>
    where T : class
{
    private readonly Func<T> _factory;
    private readonly List<KeyValuePair<string[], T>> _children = [];
    private readonly Lock _lock = new();

    /// <summary>Creates a family; use <see cref="MetricsRegistry"/>.</summary>
    /// <param name="name">The metric name (<c>[a-zA-Z_:][a-zA-Z0-9_:]*</c>).</param>
    /// <param name="help">One line of help.</param>
    /// <param name="type">The Prometheus type.</param>
    /// <param name="labelNames">The label names; empty for an unlabelled metric.</param>
    /// <param name="factory">Creates a child.</param>
    internal MetricFamily(string name, string help, MetricType type, string[] labelNames, Func<T> factory)
    {
        Name = name;
        Help = help;
        Type = type;
        LabelNames = labelNames;
        _factory = factory;
    }

    /// <summary>The metric name.</summary>
    public string Name { get; }

    /// <summary>The help line.</summary>
    public string Help { get; }

    /// <summary>The Prometheus type.</summary>
    public MetricType Type { get; }

    /// <summary>The label names.</summary>
    public IReadOnlyList<string> LabelNames { get; }

    /// <summary>
    /// The child for <paramref name="labelValues"/>, created on first use. Call at wiring time and keep the result:
    /// this method takes a lock and compares strings. No EMAID or PCID in label values (docs/architecture.md §9).
    /// </summary>
    /// <param name="labelValues">One value per label name, in order.</param>
    /// <returns>The child instance.</returns>
    public T WithLabels(params string[] labelValues)
    {
        ArgumentNullException.ThrowIfNull(labelValues);
        if (labelValues.Length != LabelNames.Count)
        {
            throw new ArgumentException($"{Name} has {LabelNames.Count} labels, got {labelValues.Length} values", nameof(labelValues));
        }

        lock (_lock)
        {
            foreach (var child in _children)
            {
                if (child.Key.AsSpan().SequenceEqual(labelValues))
                {
                    return child.Value;
                }
            }

            var created = _factory();
            _children.Add(new((string[])labelValues.Clone(), created));
            return created;
        }
    }

    /// <summary>Copies the children for exposition (scrape time only).</summary>
    /// <returns>A snapshot of label values and children.</returns>
    internal KeyValuePair<string[], T>[] SnapshotChildren()
    {
        lock (_lock)
        {
            return [.. _children];
        }
    }
}
