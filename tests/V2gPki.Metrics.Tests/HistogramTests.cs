// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Metrics.Tests;

public sealed class HistogramTests
{
    [Fact]
    public void ObserveBaseUnits_MicroUnits_BucketsInclusiveAndSumExact()
    {
        var histogram = new Histogram([0.001, 0.01], 1e-6);
        histogram.ObserveBaseUnits(0.0005);
        histogram.ObserveBaseUnits(0.001);   // the bound is inclusive
        histogram.ObserveBaseUnits(0.0025);
        histogram.ObserveBaseUnits(3);

        var visitor = new RecordingVisitor();
        histogram.Report(visitor, "test_seconds", "help");

        Assert.Equal([0.001, 0.01], visitor.Bounds);
        Assert.Equal([2L, 3, 4], visitor.Cumulative);
        Assert.Equal(3.004, visitor.Sum);
        Assert.Equal(4, histogram.Count);
    }

    [Fact]
    public void Observe_TicksAsSeconds_ExposedInSeconds()
    {
        var registry = new MetricsRegistry();
        var histogram = registry.CreateHistogram("test_latency_seconds", "Latency.", [0.001], 1e-9).WithLabels();
        histogram.Observe(500_000);       // 0.5 ms in nanosecond ticks
        histogram.Observe(2_000_000);     // 2 ms

        var text = MetricsRegistryTests.Expose(registry);

        Assert.Contains("test_latency_seconds_bucket{le=\"0.001\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("test_latency_seconds_bucket{le=\"+Inf\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("test_latency_seconds_sum 0.0025\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ResetAndCopyFrom_ScanRebuild_ReplacesTheServedState()
    {
        var served = new Histogram([1, 24], 1e-6);
        var building = new Histogram([1, 24], 1e-6);
        served.ObserveBaseUnits(100);
        building.ObserveBaseUnits(0.5);
        building.ObserveBaseUnits(2);

        served.CopyFrom(building);
        building.Reset();

        Assert.Equal(2, served.Count);
        Assert.Equal(0, building.Count);
        var visitor = new RecordingVisitor();
        served.Report(visitor, "test_age_hours", "help");
        Assert.Equal([1L, 2, 2], visitor.Cumulative);
        Assert.Equal(2.5, visitor.Sum);
    }

    [Fact]
    public void CopyFrom_OtherBuckets_Throws()
    {
        var histogram = new Histogram([1, 2], 1);
        Assert.Throws<ArgumentException>(() => histogram.CopyFrom(new Histogram([1, 3], 1)));
    }

    [Theory]
    [InlineData(new[] { 0.002, 0.001 }, 1e-3)]      // descending
    [InlineData(new[] { 0.0011, 0.0012 }, 1e-3)]    // equal once rounded to whole units
    public void Constructor_BoundsNotAscendingInUnits_Throws(double[] bounds, double unit)
    {
        Assert.Throws<ArgumentException>(() => new Histogram(bounds, unit));
    }

    [Fact]
    public void Observe_HotPath_AllocatesNothing()
    {
        var histogram = new Histogram([0.001, 0.01, 0.1], 1e-9);
        Assert.Equal(0, AllocationProbe.LeastPerRound(i => histogram.Observe(i * 1000L)));
    }

    private sealed class RecordingVisitor : IMetricsVisitor
    {
        public double[] Bounds { get; private set; } = [];

        public long[] Cumulative { get; private set; } = [];

        public double Sum { get; private set; }

        public void Counter(string name, string help, string labels, long value)
        {
        }

        public void Gauge(string name, string help, string labels, double value)
        {
        }

        public void Histogram(string name, string help, ReadOnlySpan<double> upperBounds, ReadOnlySpan<long> cumulativeCounts, double sum)
        {
            Bounds = upperBounds.ToArray();
            Cumulative = cumulativeCounts.ToArray();
            Sum = sum;
        }
    }
}
