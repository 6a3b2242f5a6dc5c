// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Der;

public ref partial struct DerWriter
{
    /// <summary>
    /// Prepends a non-negative INTEGER from its unsigned big-endian magnitude: leading zero octets are dropped and a 0x00
    /// sign octet is added when the high bit is set (X.690 §8.3.2), so the encoding is minimal. Empty means zero.
    /// </summary>
    /// <param name="magnitude">The unsigned big-endian value.</param>
    /// <param name="tag">The identifier octet, <see cref="DerTag.Integer"/> unless IMPLICITly tagged.</param>
    public void WriteInteger(scoped ReadOnlySpan<byte> magnitude, byte tag = DerTag.Integer)
    {
        var start = magnitude.IndexOfAnyExcept((byte)0);
        var significant = start < 0 ? ReadOnlySpan<byte>.Empty : magnitude[start..];
        var mark = Mark;
        WriteEncoded(significant);
        if (significant.IsEmpty || (significant[0] & 0x80) != 0)
        {
            WriteByte(0);
        }

        Wrap(tag, mark);
    }

    /// <summary>Prepends an INTEGER from its two's-complement content octets, which must already be minimal (e.g. a parsed serial number).</summary>
    /// <param name="contents">Minimal two's-complement content octets (X.690 §8.3).</param>
    /// <param name="tag">The identifier octet, <see cref="DerTag.Integer"/> unless IMPLICITly tagged.</param>
    /// <exception cref="ArgumentException"><paramref name="contents"/> is empty or not minimal.</exception>
    public void WriteIntegerContents(scoped ReadOnlySpan<byte> contents, byte tag = DerTag.Integer)
    {
        if (DerReader.CheckIntegerContents(contents) != DerStatus.Done)
        {
            ThrowHelper.ThrowArgument("INTEGER contents must be one or more octets in minimal form.", nameof(contents));
        }

        var mark = Mark;
        WriteEncoded(contents);
        Wrap(tag, mark);
    }

    /// <summary>Prepends an INTEGER holding <paramref name="value"/> in minimal two's complement (X.690 §8.3).</summary>
    /// <param name="value">The value.</param>
    /// <param name="tag">The identifier octet, <see cref="DerTag.Integer"/> unless IMPLICITly tagged.</param>
    public void WriteInteger(long value, byte tag = DerTag.Integer)
    {
        var mark = Mark;
        var v = value;
        while (true)
        {
            WriteByte((byte)v);
            var rest = v >> 8;

            // Stop once the remaining octets are pure sign extension of the octet just written.
            if ((rest == 0 && (v & 0x80) == 0) || (rest == -1 && (v & 0x80) != 0))
            {
                break;
            }

            v = rest;
        }

        Wrap(tag, mark);
    }

    /// <summary>Prepends an ENUMERATED (X.690 §8.4).</summary>
    /// <param name="value">The value.</param>
    /// <param name="tag">The identifier octet, <see cref="DerTag.Enumerated"/> unless IMPLICITly tagged.</param>
    public void WriteEnumerated(int value, byte tag = DerTag.Enumerated) => WriteInteger(value, tag);
}
