// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Der;

public ref partial struct DerReader
{
    /// <summary>Reads an INTEGER and returns its minimal two's-complement content octets (X.690 §8.3).</summary>
    /// <param name="contents">The content octets, big-endian two's complement.</param>
    /// <param name="expectedTag">The identifier octet, <see cref="DerTag.Integer"/> unless IMPLICITly tagged.</param>
    /// <returns><see cref="DerStatus.Done"/>, <see cref="DerStatus.InvalidInteger"/>, <see cref="DerStatus.NonMinimalInteger"/>,
    /// or another reason nothing was read.</returns>
    public DerStatus TryReadInteger(out ReadOnlySpan<byte> contents, byte expectedTag = DerTag.Integer)
    {
        var saved = _data;
        var status = TryReadPrimitive(expectedTag, out contents);
        if (status != DerStatus.Done)
        {
            return status;
        }

        status = CheckIntegerContents(contents);
        if (status != DerStatus.Done)
        {
            _data = saved;
            contents = default;
        }

        return status;
    }

    /// <summary>Reads a non-negative INTEGER and returns its magnitude, unsigned big-endian without the sign octet.</summary>
    /// <param name="magnitude">The value's octets without a leading 0x00 sign octet (zero is one 0x00 octet).</param>
    /// <param name="expectedTag">The identifier octet, <see cref="DerTag.Integer"/> unless IMPLICITly tagged.</param>
    /// <returns><see cref="DerStatus.Done"/>, <see cref="DerStatus.NegativeInteger"/>, or another reason nothing was read.</returns>
    public DerStatus TryReadUnsignedInteger(out ReadOnlySpan<byte> magnitude, byte expectedTag = DerTag.Integer)
    {
        var saved = _data;
        var status = TryReadInteger(out var contents, expectedTag);
        if (status != DerStatus.Done)
        {
            magnitude = default;
            return status;
        }

        if ((contents[0] & 0x80) != 0)
        {
            _data = saved;
            magnitude = default;
            return DerStatus.NegativeInteger;
        }

        magnitude = contents.Length > 1 && contents[0] == 0 ? contents[1..] : contents;
        return DerStatus.Done;
    }

    /// <summary>Reads an INTEGER that fits a 32-bit signed integer.</summary>
    /// <param name="value">The value; 0 on failure.</param>
    /// <param name="expectedTag">The identifier octet, <see cref="DerTag.Integer"/> unless IMPLICITly tagged.</param>
    /// <returns><see cref="DerStatus.Done"/>, <see cref="DerStatus.IntegerOverflow"/>, or another reason nothing was read.</returns>
    public DerStatus TryReadInt32(out int value, byte expectedTag = DerTag.Integer)
    {
        value = 0;
        var saved = _data;
        var status = TryReadInteger(out var contents, expectedTag);
        if (status != DerStatus.Done)
        {
            return status;
        }

        if (contents.Length > sizeof(int))
        {
            _data = saved;
            return DerStatus.IntegerOverflow;
        }

        // Sign-extend from the first octet, then shift in the rest.
        int result = (sbyte)contents[0];
        for (var i = 1; i < contents.Length; i++)
        {
            result = (result << 8) | contents[i];
        }

        value = result;
        return DerStatus.Done;
    }

    /// <summary>Reads an ENUMERATED (X.690 §8.4: encoded as an INTEGER) that fits a 32-bit signed integer.</summary>
    /// <param name="value">The value; 0 on failure.</param>
    /// <param name="expectedTag">The identifier octet, <see cref="DerTag.Enumerated"/> unless IMPLICITly tagged.</param>
    /// <returns><see cref="DerStatus.Done"/> or the reason nothing was read.</returns>
    public DerStatus TryReadEnumerated(out int value, byte expectedTag = DerTag.Enumerated) => TryReadInt32(out value, expectedTag);

    /// <summary>Checks INTEGER content octets: present (X.690 §8.3.1) and minimal (X.690 §8.3.2).</summary>
    /// <param name="contents">Content octets of an INTEGER or ENUMERATED.</param>
    /// <returns><see cref="DerStatus.Done"/>, <see cref="DerStatus.InvalidInteger"/> or <see cref="DerStatus.NonMinimalInteger"/>.</returns>
    public static DerStatus CheckIntegerContents(ReadOnlySpan<byte> contents)
    {
        if (contents.IsEmpty)
        {
            // X.690 §8.3.1: one or more content octets.
            return DerStatus.InvalidInteger;
        }

        if (contents.Length > 1)
        {
            // X.690 §8.3.2: the first nine bits are neither all ones nor all zeros.
            var firstNine = (contents[0] << 1) | (contents[1] >> 7);
            if (firstNine == 0 || firstNine == 0x1FF)
            {
                return DerStatus.NonMinimalInteger;
            }
        }

        return DerStatus.Done;
    }
}
