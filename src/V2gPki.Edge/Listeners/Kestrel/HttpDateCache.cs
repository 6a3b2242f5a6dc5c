// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Globalization;

namespace V2gPki.Edge.Listeners.Kestrel;

/// <summary>
/// IMF-fixdate strings (RFC 9110 §5.6.7) for <c>Last-Modified</c> and <c>Expires</c>, cached per second in a
/// direct-mapped table so a hot response costs no allocation.
/// </summary>
/// <remarks>
/// Kestrel takes header values as strings, so each distinct second costs one string. Pre-signed responses share
/// thisUpdate/nextUpdate seconds in batches (a signing wave stamps thousands of responses per second) and hot
/// certificates are asked again and again, so a small table hits nearly always; a miss allocates one ~30-character
/// string and one entry and replaces the slot. Races only lose a cache entry, never return a wrong value: the
/// entry holding second and string is immutable and published with one reference write.
/// </remarks>
internal sealed class HttpDateCache
{
    private readonly Entry?[] _entries;
    private readonly int _mask;

    /// <summary>Creates a cache of <paramref name="size"/> slots.</summary>
    /// <param name="size">A power of two.</param>
    public HttpDateCache(int size = 4096)
    {
        if (size <= 0 || (size & (size - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "must be a power of two");
        }

        _entries = new Entry?[size];
        _mask = size - 1;
    }

    /// <summary>The HTTP-date of <paramref name="utcTicks"/>, sub-second part dropped.</summary>
    /// <param name="utcTicks">UTC <see cref="DateTime.Ticks"/>.</param>
    /// <returns>A string such as <c>Sun, 06 Nov 1994 08:49:37 GMT</c>.</returns>
    public string Get(long utcTicks)
    {
        var seconds = utcTicks / TimeSpan.TicksPerSecond;
        ref var slot = ref _entries[(int)seconds & _mask];
        var entry = Volatile.Read(ref slot);
        if (entry is not null && entry.Seconds == seconds)
        {
            return entry.Value;
        }

        return Miss(ref slot, seconds);
    }

    /// <summary>Formats <paramref name="seconds"/> (since 0001-01-01 UTC) as an IMF-fixdate.</summary>
    /// <param name="seconds">Whole seconds since 0001-01-01T00:00:00Z.</param>
    /// <returns>The HTTP-date string.</returns>
    public static string Format(long seconds) =>
        new DateTime(seconds * TimeSpan.TicksPerSecond, DateTimeKind.Utc).ToString("R", CultureInfo.InvariantCulture);

    private static string Miss(ref Entry? slot, long seconds)
    {
        var entry = new Entry(seconds, Format(seconds));
        Volatile.Write(ref slot, entry);
        return entry.Value;
    }

    private sealed class Entry(long seconds, string value)
    {
        public long Seconds { get; } = seconds;

        public string Value { get; } = value;
    }
}
