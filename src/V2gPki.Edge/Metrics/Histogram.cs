// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Metrics;

/// <summary>
/// A Prometheus histogram with fixed buckets. Observations are integers in a unit of the caller's choice
/// (<see cref="System.Diagnostics.Stopwatch"/> ticks for latency, seconds for ages) so the hot path is two
/// <see cref="Interlocked"/> adds and a short scan; the exposition converts to the base unit.
/// </summary>
public sealed class Histogram
{
    private readonly long[] _upperBounds;
    private readonly long[] _counts;
    private long _sum;

    /// <summary>Creates a histogram.</summary>
    /// <param name="upperBoundsInUnits">Inclusive bucket bounds in observation units, ascending; +Inf is implicit.</param>
    /// <param name="unitInBaseUnits">The size of one observation unit in the base unit (e.g. 1 / Stopwatch.Frequency seconds).</param>
    internal Histogram(long[] upperBoundsInUnits, double unitInBaseUnits)
    {
        _upperBounds = upperBoundsInUnits;
        _counts = new long[upperBoundsInUnits.Length + 1];
        UnitInBaseUnits = unitInBaseUnits;
    }

    /// <summary>The size of one observation unit in the exposed base unit.</summary>
    public double UnitInBaseUnits { get; }

    /// <summary>Bucket bounds in observation units.</summary>
    internal ReadOnlySpan<long> UpperBounds => _upperBounds;

    /// <summary>Records one observation.</summary>
    /// <param name="value">The observed value in observation units.</param>
    public void Observe(long value)
    {
        var bounds = _upperBounds;
        var i = 0;
        while ((uint)i < (uint)bounds.Length && value > bounds[i])
        {
            i++;
        }

        Interlocked.Increment(ref _counts[i]);
        Interlocked.Add(ref _sum, value);
    }

    /// <summary>Copies the per-bucket (not cumulative) counts; the last is the +Inf bucket.</summary>
    /// <param name="destination">At least <c>UpperBounds.Length + 1</c> elements.</param>
    /// <returns>The sum of all observations, in observation units.</returns>
    internal long Snapshot(Span<long> destination)
    {
        for (var i = 0; i < _counts.Length; i++)
        {
            destination[i] = Volatile.Read(ref _counts[i]);
        }

        return Volatile.Read(ref _sum);
    }

    /// <summary>The number of buckets, +Inf included.</summary>
    internal int BucketCount => _counts.Length;
}
