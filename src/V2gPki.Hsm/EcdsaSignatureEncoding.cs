// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Hsm;

/// <summary>
/// Converts the raw ECDSA signature a PKCS#11 token returns (<c>CKM_ECDSA</c>: r‖s, each half the size of the curve
/// order) into the DER <c>ECDSA-Sig-Value</c> X.509, OCSP and CMS carry (RFC 3279 §2.2.3).
/// </summary>
public static class EcdsaSignatureEncoding
{
    /// <summary>The largest DER signature for a curve whose order takes <paramref name="fieldSize"/> bytes.</summary>
    /// <param name="fieldSize">Bytes of each of r and s in the raw form (32 for P-256, 66 for P-521), 1 to 125.</param>
    /// <returns>The upper bound in bytes (72 for P-256, 141 for P-521).</returns>
    public static int GetMaxDerLength(int fieldSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fieldSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fieldSize, 125);
        var content = 2 * (2 + fieldSize + 1);
        return (content < 0x80 ? 2 : 3) + content;
    }

    /// <summary>
    /// Writes <c>SEQUENCE { INTEGER r, INTEGER s }</c> for a raw r‖s signature. Each integer is minimal (X.690 §8.3.2):
    /// leading zero bytes are dropped (about 1 in 256 halves has one) and a 00 is prepended when the high bit is set.
    /// </summary>
    /// <param name="rawSignature">r‖s, even length, each half 1 to 125 bytes.</param>
    /// <param name="destination">Where the DER is written.</param>
    /// <param name="bytesWritten">The DER length; 0 when the method returns <see langword="false"/>.</param>
    /// <returns><see langword="false"/> when <paramref name="destination"/> is too small (nothing is written).</returns>
    /// <exception cref="ArgumentException"><paramref name="rawSignature"/> is empty, odd or too long.</exception>
    public static bool TryEncodeDer(ReadOnlySpan<byte> rawSignature, Span<byte> destination, out int bytesWritten)
    {
        var half = rawSignature.Length / 2;
        if (half == 0 || half > 125 || (rawSignature.Length & 1) != 0)
        {
            ThrowBadLength();
        }

        var r = TrimLeadingZeros(rawSignature[..half]);
        var s = TrimLeadingZeros(rawSignature[half..]);
        var rLength = r.Length + (r[0] >= 0x80 ? 1 : 0);
        var sLength = s.Length + (s[0] >= 0x80 ? 1 : 0);
        var content = 2 + rLength + 2 + sLength;
        var total = (content < 0x80 ? 2 : 3) + content;
        if (destination.Length < total)
        {
            bytesWritten = 0;
            return false;
        }

        var at = 0;
        destination[at++] = 0x30;
        if (content >= 0x80)
        {
            destination[at++] = 0x81;
        }

        destination[at++] = (byte)content;
        at = WriteInteger(r, rLength, destination, at);
        at = WriteInteger(s, sLength, destination, at);
        bytesWritten = at;
        return true;
    }

    private static ReadOnlySpan<byte> TrimLeadingZeros(ReadOnlySpan<byte> value)
    {
        var first = value.IndexOfAnyExcept((byte)0);
        // An all-zero half encodes as INTEGER 0 (one 00 byte); such signatures are invalid but still well-formed DER.
        return first < 0 ? value[^1..] : value[first..];
    }

    private static int WriteInteger(ReadOnlySpan<byte> magnitude, int length, Span<byte> destination, int at)
    {
        destination[at++] = 0x02;
        destination[at++] = (byte)length;
        if (length > magnitude.Length)
        {
            destination[at++] = 0x00;
        }

        magnitude.CopyTo(destination[at..]);
        return at + magnitude.Length;
    }

    private static void ThrowBadLength() =>
        throw new ArgumentException("A raw ECDSA signature is r‖s: an even, non-zero length of at most 250 bytes.", "rawSignature");
}
