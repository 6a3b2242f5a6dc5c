// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Metrics;

/// <summary>A monotonically increasing Prometheus counter: one <see cref="Interlocked"/> add, no allocation.</summary>
public sealed class Counter
{
    private long _value;

    /// <summary>The current value.</summary>
    public long Value => Volatile.Read(ref _value);

    /// <summary>Adds one.</summary>
    public void Increment() => Interlocked.Increment(ref _value);

    /// <summary>Adds <paramref name="amount"/>.</summary>
    /// <param name="amount">A non-negative amount.</param>
    public void Add(long amount) => Interlocked.Add(ref _value, amount);
}
