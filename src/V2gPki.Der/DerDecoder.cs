// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Der;

/// <summary>
/// Stateless strict-DER decoding of identifier and length octets, the core under <see cref="DerReader"/>.
/// Never throws on input; on failure every <c>out</c> value is zero.
/// </summary>
public static class DerDecoder
{
    /// <summary>The most length octets accepted after the 0x8n octet: 4 (a length up to <see cref="int.MaxValue"/>).</summary>
    public const int MaxLengthOctets = 4;

    /// <summary>Decodes the length octets at the start of <paramref name="source"/> (X.690 §8.1.3, §10.1).</summary>
    /// <param name="source">Bytes starting with the first length octet.</param>
    /// <param name="length">The content length; 0 on failure.</param>
    /// <param name="bytesConsumed">How many length octets were read; 0 on failure.</param>
    /// <returns><see cref="DerStatus.Done"/>, <see cref="DerStatus.NeedMoreData"/> when <paramref name="source"/> ends
    /// inside the length octets, or the DER violation.</returns>
    public static DerStatus TryReadLength(ReadOnlySpan<byte> source, out int length, out int bytesConsumed)
    {
        length = 0;
        bytesConsumed = 0;
        if (source.IsEmpty)
        {
            return DerStatus.NeedMoreData;
        }

        var first = source[0];
        if (first < 0x80)
        {
            // X.690 §8.1.3.4: short form.
            length = first;
            bytesConsumed = 1;
            return DerStatus.Done;
        }

        if (first == 0x80)
        {
            // X.690 §10.1: DER uses the definite form only.
            return DerStatus.IndefiniteLength;
        }

        if (first == 0xFF)
        {
            // X.690 §8.1.3.5 c): 0xFF is reserved.
            return DerStatus.InvalidLength;
        }

        var count = first & 0x7F;
        if (count > MaxLengthOctets)
        {
            // A fifth octet is either a leading zero (non-minimal) or a length beyond int.MaxValue.
            return source.Length > 1 && source[1] == 0 ? DerStatus.NonMinimalLength : DerStatus.InvalidLength;
        }

        if (source.Length - 1 < count)
        {
            return DerStatus.NeedMoreData;
        }

        if (source[1] == 0)
        {
            // X.690 §10.1: the fewest octets, so no leading zero octet.
            return DerStatus.NonMinimalLength;
        }

        uint value = 0;
        for (var i = 1; i <= count; i++)
        {
            value = (value << 8) | source[i];
        }

        if (value < 0x80)
        {
            // X.690 §10.1: lengths below 128 use the short form.
            return DerStatus.NonMinimalLength;
        }

        if (value > int.MaxValue)
        {
            return DerStatus.InvalidLength;
        }

        length = (int)value;
        bytesConsumed = count + 1;
        return DerStatus.Done;
    }

    /// <summary>
    /// Decodes the identifier and length octets of the element at the start of <paramref name="source"/> and checks that
    /// its contents are present.
    /// </summary>
    /// <param name="source">Bytes starting with the identifier octet.</param>
    /// <param name="tag">The identifier octet; 0 on failure.</param>
    /// <param name="headerLength">Identifier plus length octets; 0 on failure.</param>
    /// <param name="contentLength">The content length; 0 on failure.</param>
    /// <returns><see cref="DerStatus.Done"/> when the whole element lies within <paramref name="source"/>;
    /// <see cref="DerStatus.NeedMoreData"/> when <paramref name="source"/> ends inside it; otherwise the violation.</returns>
    public static DerStatus TryReadHeader(ReadOnlySpan<byte> source, out byte tag, out int headerLength, out int contentLength)
    {
        tag = 0;
        headerLength = 0;
        contentLength = 0;
        if (source.IsEmpty)
        {
            return DerStatus.NeedMoreData;
        }

        var t = source[0];
        if (t == 0 || (t & 0x1F) == 0x1F)
        {
            // X.690 §8.1.5: end-of-contents only exists in the indefinite form; §8.1.2.4: high tag numbers are not used by PKIX.
            return DerStatus.InvalidTag;
        }

        var status = TryReadLength(source[1..], out var length, out var lengthOctets);
        if (status != DerStatus.Done)
        {
            return status;
        }

        if (length > source.Length - 1 - lengthOctets)
        {
            return DerStatus.NeedMoreData;
        }

        tag = t;
        headerLength = 1 + lengthOctets;
        contentLength = length;
        return DerStatus.Done;
    }
}
