// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using Microsoft.Extensions.Primitives;

namespace V2gPki.Edge.Listeners.Public;

/// <summary>Evaluates <c>If-None-Match</c> (RFC 9110 §13.1.2) against our entity tag without allocating.</summary>
internal static class IfNoneMatch
{
    /// <summary>True when the header lists <paramref name="tag"/> (weak comparison, as §13.1.2 requires) or is <c>*</c>.</summary>
    /// <param name="header">The request's <c>If-None-Match</c> values (each may be a comma-separated list).</param>
    /// <param name="tag">Our entity tag.</param>
    /// <returns>True when a 304 is due.</returns>
    public static bool Matches(StringValues header, UInt128 tag)
    {
        if (header.Count == 0)
        {
            return false;
        }

        Span<char> hex = stackalloc char[EntityTagCache.HexLength];
        EntityTagCache.FormatHex(tag, hex);
        for (var i = 0; i < header.Count; i++)
        {
            if (ListMatches(header[i], hex))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the comma-separated list <paramref name="value"/> holds <c>*</c> or an opaque tag equal to <paramref name="hex"/>.</summary>
    /// <param name="value">One header line.</param>
    /// <param name="hex">Our tag's hex digits.</param>
    /// <returns>Whether the list matches.</returns>
    public static bool ListMatches(ReadOnlySpan<char> value, ReadOnlySpan<char> hex)
    {
        var i = 0;
        while (i < value.Length)
        {
            var c = value[i];
            if (c is ' ' or '\t' or ',')
            {
                i++;
                continue;
            }

            if (c == '*')
            {
                return true;
            }

            if (c == 'W' && i + 1 < value.Length && value[i + 1] == '/')
            {
                i += 2;
            }

            if (i >= value.Length || value[i] != '"')
            {
                // Not an entity tag: skip to the next list element.
                var skip = value[i..].IndexOf(',');
                if (skip < 0)
                {
                    return false;
                }

                i += skip + 1;
                continue;
            }

            var close = value[(i + 1)..].IndexOf('"');
            if (close < 0)
            {
                return false;
            }

            if (value.Slice(i + 1, close).SequenceEqual(hex))
            {
                return true;
            }

            i += close + 2;
        }

        return false;
    }
}
