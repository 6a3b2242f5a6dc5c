// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Bench.Issuer;

/// <summary>Wall time that can be pushed forward (to make a whole store due for re-signing); timers stay real.</summary>
internal sealed class BenchClock : TimeProvider
{
    private long _offset;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offset));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offset, by.Ticks);
}
