// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers;
using System.Text;

namespace V2gPki.Metrics.Tests;

public sealed class MetricsRegistryTests
{
    internal static string Expose(MetricsRegistry registry)
    {
        var buffer = new ArrayBufferWriter<byte>();
        registry.WriteTo(buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [Fact]
    public void WriteTo_CounterWithLabels_PrometheusTextFormat()
    {
        var registry = new MetricsRegistry();
        var family = registry.CreateCounter("test_requests_total", "Requests.", "route", "outcome");
        family.WithLabels("post", "ok").Add(3);
        family.WithLabels("get", "we\"ird\\").Increment();

        var text = Expose(registry);

        Assert.Contains("# HELP test_requests_total Requests.\n# TYPE test_requests_total counter\n", text, StringComparison.Ordinal);
        Assert.Contains("test_requests_total{route=\"post\",outcome=\"ok\"} 3\n", text, StringComparison.Ordinal);
        Assert.Contains("test_requests_total{route=\"get\",outcome=\"we\\\"ird\\\\\"} 1\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteTo_Histogram_CumulativeBucketsSumAndCount()
    {
        var registry = new MetricsRegistry();
        var histogram = registry.CreateHistogram("test_seconds", "Latency.", [0.001, 0.01], 1e-3).WithLabels();
        histogram.Observe(0);   // 0 ms
        histogram.Observe(1);   // 1 ms: the bound is inclusive
        histogram.Observe(5);   // 5 ms
        histogram.Observe(50);  // 50 ms

        var text = Expose(registry);

        Assert.Contains("test_seconds_bucket{le=\"0.001\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("test_seconds_bucket{le=\"0.01\"} 3\n", text, StringComparison.Ordinal);
        Assert.Contains("test_seconds_bucket{le=\"+Inf\"} 4\n", text, StringComparison.Ordinal);
        Assert.Contains("test_seconds_sum 0.056\n", text, StringComparison.Ordinal);
        Assert.Contains("test_seconds_count 4\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void WithLabels_SameValues_SameChild()
    {
        var family = new MetricsRegistry().CreateGauge("test_depth", "Depth.", "queue");

        Assert.Same(family.WithLabels("a"), family.WithLabels("a"));
        Assert.NotSame(family.WithLabels("a"), family.WithLabels("b"));
        Assert.Throws<ArgumentException>(() => family.WithLabels("a", "b"));
    }

    [Fact]
    public void Create_DuplicateOrInvalidName_Throws()
    {
        var registry = new MetricsRegistry();
        registry.CreateCounter("test_total", "x");

        Assert.Throws<InvalidOperationException>(() => registry.CreateCounter("test_total", "x"));
        Assert.Throws<ArgumentException>(() => registry.CreateCounter("1bad", "x"));
        Assert.Throws<ArgumentException>(() => registry.CreateCounter("bad-name", "x"));
    }
}
