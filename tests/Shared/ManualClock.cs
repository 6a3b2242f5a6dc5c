// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.TestSupport;

/// <summary>
/// A clock whose date the caller moves, forwards or backwards, while its timers and timestamps stay on the real clock
/// (linked into each project that needs it). Where only the date matters, use <c>FakeTimeProvider</c>
/// (Microsoft.Extensions.TimeProvider.Testing): <c>Advance</c> and <c>SetUtcNow</c> move it forward, and
/// <c>AdjustTime</c> turns it back. This clock exists for what that one cannot do: keep timers and timestamps real
/// while the date is moved. <c>FakeTimeProvider</c>'s timers fire, and its <c>GetTimestamp</c> moves, only when the
/// date is moved (backwards too, with <c>AdjustTime</c>). A running issuing worker takes its retry back-off
/// (<c>Task.Delay</c> on the clock), its live-signing and rollover rate limits (token buckets on
/// <c>GetTimestamp</c>) and its latency metrics from the clock, so under <c>FakeTimeProvider</c> it would stall or
/// measure nothing; its tests, the issuer kill-test child and the issuer benchmark (which pushes a whole store past its
/// re-sign time) need the date moved, turned back for the worker's clock-jump refusal, and everything else on the wall
/// clock. So this class overrides <see cref="TimeProvider.GetUtcNow"/> only.
/// </summary>
internal sealed class ManualClock : TimeProvider
{
    private readonly bool _followsWallClock;

    // Standing still: the UTC ticks of the date. Following the wall clock: the offset added to it, in ticks.
    private long _ticks;

    private ManualClock(long ticks, bool followsWallClock)
    {
        _ticks = ticks;
        _followsWallClock = followsWallClock;
    }

    /// <summary>A date that stands still at <paramref name="start"/> until <see cref="Advance"/> moves it.</summary>
    /// <param name="start">The first date.</param>
    /// <returns>The clock.</returns>
    public static ManualClock StandingAt(DateTimeOffset start) => new(start.UtcTicks, followsWallClock: false);

    /// <summary>The wall clock's date plus whatever <see cref="Advance"/> has added (zero at first).</summary>
    /// <returns>The clock.</returns>
    public static ManualClock FollowingWallClock() => new(0, followsWallClock: true);

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow()
    {
        var ticks = Interlocked.Read(ref _ticks);
        return _followsWallClock ? System.GetUtcNow() + TimeSpan.FromTicks(ticks) : new DateTimeOffset(ticks, TimeSpan.Zero);
    }

    /// <summary>Moves the date by <paramref name="by"/>; a negative value turns it back.</summary>
    /// <param name="by">How far.</param>
    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
