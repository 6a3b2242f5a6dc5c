// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Der;

/// <summary>Forward encoding of identifier and length octets and length arithmetic (X.690 §8.1.3, §10.1).</summary>
public static class DerEncoder
{
    /// <summary>How many length octets DER uses for <paramref name="contentLength"/>: 1 below 128, else 1 + the value's octets.</summary>
    /// <param name="contentLength">The content length, 0 or more.</param>
    /// <returns>1–5.</returns>
    public static int GetLengthOctetCount(int contentLength) => contentLength switch
    {
        < 0x80 => 1,
        <= 0xFF => 2,
        <= 0xFFFF => 3,
        <= 0xFF_FFFF => 4,
        _ => 5,
    };

    /// <summary>The full length of an element with a one-octet tag and <paramref name="contentLength"/> content bytes.</summary>
    /// <param name="contentLength">The content length, 0 or more.</param>
    /// <returns>1 + length octets + <paramref name="contentLength"/>.</returns>
    public static int GetEncodedLength(int contentLength) => 1 + GetLengthOctetCount(contentLength) + contentLength;

    /// <summary>Writes an identifier octet and minimal definite length octets at the start of <paramref name="destination"/>.</summary>
    /// <param name="destination">At least 1 + <see cref="GetLengthOctetCount"/> bytes.</param>
    /// <param name="tag">The identifier octet.</param>
    /// <param name="contentLength">The content length, 0 or more.</param>
    /// <returns>The number of bytes written.</returns>
    public static int WriteTagAndLength(Span<byte> destination, byte tag, int contentLength)
    {
        if (contentLength < 0)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(contentLength));
        }

        var lengthOctets = GetLengthOctetCount(contentLength);
        if (destination.Length < 1 + lengthOctets)
        {
            ThrowHelper.ThrowArgument("The destination is too short for the header.", nameof(destination));
        }

        destination[0] = tag;
        if (lengthOctets == 1)
        {
            // X.690 §8.1.3.4: short form below 128.
            destination[1] = (byte)contentLength;
            return 2;
        }

        // X.690 §8.1.3.5, §10.1: long form with the fewest octets.
        var valueOctets = lengthOctets - 1;
        destination[1] = (byte)(0x80 | valueOctets);
        for (var i = valueOctets; i >= 1; i--)
        {
            destination[1 + i] = (byte)contentLength;
            contentLength >>= 8;
        }

        return 1 + lengthOctets;
    }
}
