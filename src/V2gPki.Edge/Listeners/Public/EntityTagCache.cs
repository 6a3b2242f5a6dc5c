// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Edge.Listeners.Kestrel;

namespace V2gPki.Edge.Listeners.Public;

/// <summary>
/// Strong <c>ETag</c> strings (RFC 9110 §8.8.3) of the form <c>"&lt;32 lowercase hex digits&gt;"</c> for the
/// 128-bit entity tags the responder supplies, cached in a direct-mapped table (same reasoning as
/// <see cref="HttpDateCache"/>: a hot response costs no allocation, a miss costs one string and one entry).
/// </summary>
internal sealed class EntityTagCache
{
    /// <summary>The length of the tag inside the quotes.</summary>
    public const int HexLength = 32;

    private readonly Entry?[] _entries;
    private readonly int _mask;

    /// <summary>Creates a cache of <paramref name="size"/> slots.</summary>
    /// <param name="size">A power of two.</param>
    public EntityTagCache(int size = 16384)
    {
        if (size <= 0 || (size & (size - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "must be a power of two");
        }

        _entries = new Entry?[size];
        _mask = size - 1;
    }

    /// <summary>The quoted <c>ETag</c> value of <paramref name="tag"/>.</summary>
    /// <param name="tag">The responder's entity tag (not zero).</param>
    /// <returns>The header value, e.g. <c>"00112233445566778899aabbccddeeff"</c>.</returns>
    public string Get(UInt128 tag)
    {
        ref var slot = ref _entries[(int)(ulong)tag & _mask];
        var entry = Volatile.Read(ref slot);
        if (entry is not null && entry.Tag == tag)
        {
            return entry.Value;
        }

        entry = new Entry(tag, Format(tag));
        Volatile.Write(ref slot, entry);
        return entry.Value;
    }

    /// <summary>Writes the 32 lowercase hex digits of <paramref name="tag"/>, most significant first.</summary>
    /// <param name="tag">The entity tag.</param>
    /// <param name="destination">At least <see cref="HexLength"/> characters.</param>
    public static void FormatHex(UInt128 tag, Span<char> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, HexLength);
        for (var i = HexLength - 1; i >= 0; i--)
        {
            destination[i] = "0123456789abcdef"[(int)(ulong)tag & 0xF];
            tag >>= 4;
        }
    }

    /// <summary>Formats <paramref name="tag"/> as a quoted strong entity tag.</summary>
    /// <param name="tag">The entity tag.</param>
    /// <returns>The new string.</returns>
    public static string Format(UInt128 tag) => string.Create(HexLength + 2, tag, static (span, t) =>
    {
        span[0] = '"';
        FormatHex(t, span[1..]);
        span[^1] = '"';
    });

    private sealed class Entry(UInt128 tag, string value)
    {
        public UInt128 Tag { get; } = tag;

        public string Value { get; } = value;
    }
}
