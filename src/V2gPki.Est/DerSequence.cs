// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Est;

/// <summary>
/// The outer framing of a DER value that must be one SEQUENCE (a CertificationRequest, a Certificate): the tag, a
/// definite minimal length, and the announced length equal to the input. The content is not looked at; the CSR rules
/// of V2gPki.Pki parse it.
/// </summary>
internal static class DerSequence
{
    /// <summary>Checks that <paramref name="der"/> is exactly one SEQUENCE.</summary>
    /// <param name="der">The bytes.</param>
    /// <param name="announcedLength">
    /// The length the header announces (header included) when the header could be read, else 0; with
    /// <see cref="DerSequenceStatus.Truncated"/> and <see cref="DerSequenceStatus.TrailingBytes"/> it differs from
    /// <paramref name="der"/>'s length.
    /// </param>
    /// <returns><see cref="DerSequenceStatus.Ok"/>, or what is wrong first.</returns>
    public static DerSequenceStatus Check(ReadOnlySpan<byte> der, out int announcedLength)
    {
        announcedLength = 0;
        if (der.IsEmpty)
        {
            return DerSequenceStatus.Truncated;
        }

        // X.690 §8.9.1, §8.1.2: SEQUENCE is universal 16, constructed.
        if (der[0] != 0x30)
        {
            return DerSequenceStatus.NotSequence;
        }

        if (der.Length < 2)
        {
            return DerSequenceStatus.Truncated;
        }

        var first = der[1];
        int headerLength;
        int contentLength;
        if (first < 0x80)
        {
            // X.690 §8.1.3.4: the short form.
            headerLength = 2;
            contentLength = first;
        }
        else if (first == 0x80)
        {
            // X.690 §10.1: DER uses the definite form only.
            return DerSequenceStatus.IndefiniteLength;
        }
        else
        {
            // X.690 §8.1.3.5: the long form; more than two octets would announce at least 64 KiB (or not be minimal).
            var octets = first & 0x7F;
            if (octets > 2)
            {
                return DerSequenceStatus.LengthTooLarge;
            }

            if (der.Length < 2 + octets)
            {
                return DerSequenceStatus.Truncated;
            }

            contentLength = octets == 1 ? der[2] : (der[2] << 8) | der[3];

            // X.690 §10.1: the fewest octets; the long form only from 128 on.
            if (contentLength < (octets == 1 ? 0x80 : 0x100))
            {
                return DerSequenceStatus.NonMinimalLength;
            }

            headerLength = 2 + octets;
        }

        announcedLength = headerLength + contentLength;
        if (announcedLength > der.Length)
        {
            return DerSequenceStatus.Truncated;
        }

        return announcedLength < der.Length ? DerSequenceStatus.TrailingBytes : DerSequenceStatus.Ok;
    }
}
