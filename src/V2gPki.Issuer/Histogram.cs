// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Issuer;

/// <summary>A fixed-bucket histogram updated with interlocked increments (no lock, no allocation per observation).</summary>
public sealed class Histogram
{
    private readonly double[] _bounds;
    private readonly long[] _counts;
    private long _sumMicros;

    /// <summary>Creates a histogram.</summary>
    /// <param name="upperBounds">Bucket upper bounds, ascending.</param>
    public Histogram(params double[] upperBounds)
    {
        ArgumentNullException.ThrowIfNull(upperBounds);
        _bounds = upperBounds;
        _counts = new long[upperBounds.Length + 1];
    }

    /// <summary>Gets the bucket upper bounds.</summary>
    public ReadOnlySpan<double> UpperBounds => _bounds;

    /// <summary>Gets the total number of observations.</summary>
    public long Count
    {
        get
        {
            long total = 0;
            for (var i = 0; i < _counts.Length; i++)
                total += Volatile.Read(ref _counts[i]);
            return total;
        }
    }

    /// <summary>Records a value.</summary>
    /// <param name="value">The observation.</param>
    public void Observe(double value)
    {
        var i = 0;
        while (i < _bounds.Length && value > _bounds[i])
            i++;
        Interlocked.Increment(ref _counts[i]);
        Interlocked.Add(ref _sumMicros, (long)(value * 1e6));
    }

    /// <summary>Clears every bucket (for gauges-like histograms rebuilt by each scan).</summary>
    public void Reset()
    {
        for (var i = 0; i < _counts.Length; i++)
            Interlocked.Exchange(ref _counts[i], 0);
        Interlocked.Exchange(ref _sumMicros, 0);
    }

    /// <summary>Copies the state of another histogram with the same bounds into this one.</summary>
    /// <param name="other">The source.</param>
    public void CopyFrom(Histogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var i = 0; i < _counts.Length; i++)
            Interlocked.Exchange(ref _counts[i], Volatile.Read(ref other._counts[i]));
        Interlocked.Exchange(ref _sumMicros, Volatile.Read(ref other._sumMicros));
    }

    /// <summary>Estimates a quantile from the buckets (the upper bound of the bucket holding it).</summary>
    /// <param name="quantile">0–1.</param>
    /// <returns>The bound, or +Inf when it falls in the last bucket, or NaN when empty.</returns>
    public double Quantile(double quantile)
    {
        var total = Count;
        if (total == 0)
            return double.NaN;
        var target = (long)Math.Ceiling(quantile * total);
        long running = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            running += Volatile.Read(ref _counts[i]);
            if (running >= target)
                return i < _bounds.Length ? _bounds[i] : double.PositiveInfinity;
        }

        return double.PositiveInfinity;
    }

    /// <summary>Reports the histogram.</summary>
    /// <param name="visitor">The receiver.</param>
    /// <param name="name">Metric name.</param>
    /// <param name="help">Description.</param>
    public void Report(IMetricsVisitor visitor, string name, string help)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        Span<long> cumulative = stackalloc long[_counts.Length];
        long running = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            running += Volatile.Read(ref _counts[i]);
            cumulative[i] = running;
        }

        visitor.Histogram(name, help, _bounds, cumulative, Volatile.Read(ref _sumMicros) / 1e6);
    }
}
