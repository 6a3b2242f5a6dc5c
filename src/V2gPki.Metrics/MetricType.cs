// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Metrics;

/// <summary>The Prometheus metric types this registry exposes.</summary>
public enum MetricType : byte
{
    /// <summary>A monotonically increasing count.</summary>
    Counter = 0,

    /// <summary>A value that goes up and down.</summary>
    Gauge = 1,

    /// <summary>Counts of observations in fixed buckets, with their sum.</summary>
    Histogram = 2,
}
