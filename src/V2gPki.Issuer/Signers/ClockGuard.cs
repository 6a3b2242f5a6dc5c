// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Issuer.Signers;

/// <summary>
/// Refuses to sign when the clock stepped backwards beyond a tolerance (docs/architecture.md §9: signing refuses to run when the clock
/// jumps): responses signed with a rewound clock would carry thisUpdate values older than ones already served, and a
/// re-sign would be refused as stale or, worse, shorten validity. Keeps the highest time seen.
/// </summary>
public sealed class ClockGuard
{
    private readonly TimeProvider _time;
    private readonly long _toleranceTicks;
    private long _highWaterTicks;
    private long _refusals;

    /// <summary>Creates a guard.</summary>
    /// <param name="time">The clock.</param>
    /// <param name="tolerance">How far back the clock may step.</param>
    public ClockGuard(TimeProvider time, TimeSpan tolerance)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _toleranceTicks = tolerance.Ticks;
    }

    /// <summary>Gets the number of signing attempts refused because the clock had jumped back.</summary>
    public long Refusals => Volatile.Read(ref _refusals);

    /// <summary>Gets the current time for signing.</summary>
    /// <param name="now">The current time, whole seconds (OCSP encodes whole seconds); default when refused.</param>
    /// <returns>False when the clock is more than the tolerance behind the latest time seen.</returns>
    public bool TryGetSigningTime(out DateTimeOffset now)
    {
        var ticks = _time.GetUtcNow().UtcTicks;
        var high = Volatile.Read(ref _highWaterTicks);
        if (ticks < high - _toleranceTicks)
        {
            Interlocked.Increment(ref _refusals);
            now = default;
            return false;
        }

        while (ticks > high)
        {
            var seen = Interlocked.CompareExchange(ref _highWaterTicks, ticks, high);
            if (seen == high)
            {
                break;
            }

            high = seen;
        }

        now = new DateTimeOffset(ticks - ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        return true;
    }
}
