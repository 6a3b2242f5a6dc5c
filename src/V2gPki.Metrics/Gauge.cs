// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Metrics;

/// <summary>A Prometheus gauge holding an integer (sizes, depths, counts in flight); no allocation.</summary>
public sealed class Gauge
{
    private long _value;

    /// <summary>The current value.</summary>
    public long Value => Volatile.Read(ref _value);

    /// <summary>Sets the value.</summary>
    /// <param name="value">The new value.</param>
    public void Set(long value) => Volatile.Write(ref _value, value);

    /// <summary>Adds <paramref name="amount"/> (negative to subtract).</summary>
    /// <param name="amount">The change.</param>
    public void Add(long amount) => Interlocked.Add(ref _value, amount);
}
