// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Metrics;

/// <summary>
/// A Prometheus histogram with fixed buckets, the one histogram type of every module. Observations are integers in an
/// observation unit of the owner's choice (<see cref="System.Diagnostics.Stopwatch"/> ticks for request latency,
/// microseconds for the issuer's latencies and ages) so the hot path is two <see cref="Interlocked"/> adds and a short
/// scan, with no lock and no allocation; the exposition converts to the base unit.
/// </summary>
public sealed class Histogram
{
    private readonly long[] _upperBounds;
    private readonly double[] _upperBoundsInBaseUnits;
    private readonly long[] _counts;
    private readonly long _unitsPerBaseUnit;
    private long _sum;

    /// <summary>Creates a histogram.</summary>
    /// <param name="upperBounds">Inclusive bucket bounds in the base unit (seconds, hours, bytes), ascending; +Inf is implicit.</param>
    /// <param name="unitInBaseUnits">
    /// The size of one observation unit in the base unit (1 / Stopwatch.Frequency for ticks as seconds, 1e-6 for
    /// micro-units); each bound must stay distinct once rounded to whole units.
    /// </param>
    /// <exception cref="ArgumentException">The bounds do not ascend in whole observation units.</exception>
    public Histogram(double[] upperBounds, double unitInBaseUnits)
    {
        ArgumentNullException.ThrowIfNull(upperBounds);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(unitInBaseUnits);
        _upperBounds = new long[upperBounds.Length];
        for (var i = 0; i < upperBounds.Length; i++)
        {
            _upperBounds[i] = (long)Math.Round(upperBounds[i] / unitInBaseUnits);
            if (i > 0 && _upperBounds[i] <= _upperBounds[i - 1])
            {
                throw new ArgumentException("bucket bounds must ascend", nameof(upperBounds));
            }
        }

        _upperBoundsInBaseUnits = (double[])upperBounds.Clone();
        _counts = new long[upperBounds.Length + 1];
        UnitInBaseUnits = unitInBaseUnits;

        // Dividing by a whole number of units per base unit (1,000,000 for micro-units) keeps sums such as 0.056 exact
        // in the text; a unit that is no such fraction is multiplied instead.
        var perBase = Math.Round(1 / unitInBaseUnits);
        _unitsPerBaseUnit = perBase >= 1 && Math.Abs(perBase * unitInBaseUnits - 1) < 1e-12 ? (long)perBase : 0;
    }

    /// <summary>Gets the size of one observation unit in the exposed base unit.</summary>
    public double UnitInBaseUnits { get; }

    /// <summary>Gets the bucket upper bounds in the base unit (the +Inf bucket is implied).</summary>
    public ReadOnlySpan<double> UpperBounds => _upperBoundsInBaseUnits;

    /// <summary>Gets the total number of observations.</summary>
    public long Count
    {
        get
        {
            long total = 0;
            for (var i = 0; i < _counts.Length; i++)
            {
                total += Volatile.Read(ref _counts[i]);
            }

            return total;
        }
    }

    /// <summary>Gets the number of buckets, +Inf included.</summary>
    internal int BucketCount => _counts.Length;

    /// <summary>Records one observation (hot path).</summary>
    /// <param name="units">The observed value in observation units.</param>
    public void Observe(long units)
    {
        var bounds = _upperBounds;
        var i = 0;
        while ((uint)i < (uint)bounds.Length && units > bounds[i])
        {
            i++;
        }

        Interlocked.Increment(ref _counts[i]);
        Interlocked.Add(ref _sum, units);
    }

    /// <summary>Records one observation given in the base unit (rounded to whole observation units).</summary>
    /// <param name="value">The observed value, for example seconds.</param>
    public void ObserveBaseUnits(double value) => Observe((long)Math.Round(value / UnitInBaseUnits));

    /// <summary>Clears every bucket (for a histogram rebuilt by each scan).</summary>
    public void Reset()
    {
        for (var i = 0; i < _counts.Length; i++)
        {
            Interlocked.Exchange(ref _counts[i], 0);
        }

        Interlocked.Exchange(ref _sum, 0);
    }

    /// <summary>Copies the state of another histogram with the same bounds and unit into this one.</summary>
    /// <param name="other">The source.</param>
    /// <exception cref="ArgumentException">The buckets differ.</exception>
    public void CopyFrom(Histogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!other._upperBounds.AsSpan().SequenceEqual(_upperBounds))
        {
            throw new ArgumentException("the histograms have different buckets", nameof(other));
        }

        for (var i = 0; i < _counts.Length; i++)
        {
            Interlocked.Exchange(ref _counts[i], Volatile.Read(ref other._counts[i]));
        }

        Interlocked.Exchange(ref _sum, Volatile.Read(ref other._sum));
    }

    /// <summary>Reports the histogram to a module's metrics visitor.</summary>
    /// <param name="visitor">The receiver.</param>
    /// <param name="name">Metric name, with its base unit (<c>_seconds</c>, <c>_hours</c>).</param>
    /// <param name="help">One-line description.</param>
    public void Report(IMetricsVisitor visitor, string name, string help)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        Span<long> cumulative = stackalloc long[_counts.Length];
        var sum = Snapshot(cumulative);
        for (var i = 1; i < cumulative.Length; i++)
        {
            cumulative[i] += cumulative[i - 1];
        }

        visitor.Histogram(name, help, _upperBoundsInBaseUnits, cumulative, ToBaseUnits(sum));
    }

    /// <summary>Converts a value in observation units (a sum) to the base unit.</summary>
    /// <param name="units">The value in observation units.</param>
    /// <returns>The value in the base unit.</returns>
    internal double ToBaseUnits(long units) => _unitsPerBaseUnit > 0 ? units / (double)_unitsPerBaseUnit : units * UnitInBaseUnits;

    /// <summary>Copies the per-bucket (not cumulative) counts; the last is the +Inf bucket.</summary>
    /// <param name="destination">At least <see cref="BucketCount"/> elements.</param>
    /// <returns>The sum of all observations, in observation units.</returns>
    internal long Snapshot(Span<long> destination)
    {
        for (var i = 0; i < _counts.Length; i++)
        {
            destination[i] = Volatile.Read(ref _counts[i]);
        }

        return Volatile.Read(ref _sum);
    }
}
