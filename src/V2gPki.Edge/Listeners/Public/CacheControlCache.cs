// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Globalization;

namespace V2gPki.Edge.Listeners.Public;

/// <summary>
/// The RFC 5019 §6.2 / RFC 9919 <c>Cache-Control</c> values, <c>max-age=N, public, no-transform, must-revalidate</c>,
/// made once per distinct value and reused.
/// </summary>
/// <remarks>
/// Quantisation (docs/decisions/0008-ocsp-caching-headers.md): below one hour <c>N</c> is exact; from one hour on it
/// is rounded <em>down</em> to a whole minute. Rounding down only shortens freshness (a cache asks up to 59 s early,
/// which costs nothing next to the 2-day re-sign margin) and never lets a cache keep a response past the time we
/// replace it. That bounds the table to 3,600 + one string per minute of the longest validity (14,400 for
/// 10 days), made lazily; beyond <see cref="MaxSeconds"/> the value is clamped down to it.
/// </remarks>
internal sealed class CacheControlCache
{
    private const int ExactBelow = 3600;
    private const string Suffix = ", public, no-transform, must-revalidate";

    private readonly string?[] _exact = new string?[ExactBelow];
    private readonly string?[] _minutes;

    /// <summary>Creates a cache for max-age values up to <paramref name="maxSeconds"/>.</summary>
    /// <param name="maxSeconds">The largest max-age ever sent; larger values are clamped to it.</param>
    public CacheControlCache(long maxSeconds = 400L * 86400)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSeconds, ExactBelow);
        MaxSeconds = maxSeconds;
        _minutes = new string?[(maxSeconds / 60) + 1];
    }

    /// <summary>The largest max-age this cache sends.</summary>
    public long MaxSeconds { get; }

    /// <summary>The header value used for answers that must not be stored (errors, live answers).</summary>
    public static string NoStore => "no-store";

    /// <summary>The <c>Cache-Control</c> value for a remaining freshness of <paramref name="seconds"/>.</summary>
    /// <param name="seconds">Seconds until the response should no longer be served; negative means 0.</param>
    /// <returns>The cached header value.</returns>
    public string Get(long seconds)
    {
        if (seconds < ExactBelow)
        {
            var index = seconds < 0 ? 0 : (int)seconds;
            return _exact[index] ?? Create(ref _exact[index], index);
        }

        var minute = (int)(Math.Min(seconds, MaxSeconds) / 60);
        return _minutes[minute] ?? Create(ref _minutes[minute], minute * 60L);
    }

    private static string Create(ref string? slot, long seconds)
    {
        var value = "max-age=" + seconds.ToString(CultureInfo.InvariantCulture) + Suffix;
        Volatile.Write(ref slot, value);
        return value;
    }
}
