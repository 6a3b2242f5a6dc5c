// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers.Text;

namespace V2gPki.Est;

/// <summary>
/// The body of every EST answer that carries certificates: a degenerate "certs-only" CMS SignedData (RFC 5652 §5,
/// RFC 7030 §4.1.3 and §4.2.3), with the certificates in the order given, and its line-wrapped base64 form.
/// </summary>
/// <remarks>
/// <para>
/// The structure: ContentInfo { id-signedData, [0] EXPLICIT SignedData { version 1, digestAlgorithms empty,
/// encapContentInfo { id-data, no eContent }, certificates [0] IMPLICIT SET OF Certificate, no crls, signerInfos
/// empty } }. Version 1 because there are no attribute or other certificates and eContentType is id-data
/// (RFC 5652 §5.1).
/// </para>
/// <para>
/// <b>The order is part of the interface.</b> <c>cacerts</c> lists the issuing Sub-CA 2 first and the root last,
/// <c>simpleenroll</c> the issued certificate only (RFC 7030 §4.2.3), and deployed clients rely on positions: the
/// first certificate of an enrollment answer is taken as the leaf, the last of <c>cacerts</c> as the trust anchor to
/// install (docs/architecture.md §3 "EST enrollment"). DER would sort the SET OF by encoding (X.690 §11.6), which moves
/// the root wherever its bytes fall, so the SET is written by hand in the order given: the encoding is BER with
/// definite lengths and DER everywhere else (BouncyCastle calls this "DL"). CMS readers take SETs in any order
/// (RFC 5652 §5.1: certificates need not be in any order), so openssl, BouncyCastle and .NET read it as sent.
/// </para>
/// <para>
/// The certificates are not parsed, only checked to be one DER SEQUENCE each: they come from our own registry, not
/// from a peer, so a malformed one is a caller bug and throws.
/// </para>
/// </remarks>
public static class CertsOnlyPkcs7
{
    /// <summary>The base64 characters per line of <see cref="ToBase64Lines"/>: 64, as PEM (RFC 7468 §2) writes them.</summary>
    public const int Base64LineLength = 64;

    // id-signedData 1.2.840.113549.1.7.2 (RFC 5652 §5.1).
    private static ReadOnlySpan<byte> SignedDataOid => [0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x02];

    // version 1, digestAlgorithms SET {}, encapContentInfo { id-data 1.2.840.113549.1.7.1 } without eContent.
    private static ReadOnlySpan<byte> SignedDataHead =>
    [
        0x02, 0x01, 0x01,
        0x31, 0x00,
        0x30, 0x0B, 0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x01,
    ];

    // signerInfos SET {}.
    private static ReadOnlySpan<byte> SignedDataTail => [0x31, 0x00];

    /// <summary>The length of the encoding of <paramref name="certificates"/>.</summary>
    /// <param name="certificates">The DER certificates, in the order to send.</param>
    /// <returns>The exact number of bytes <see cref="TryEncode"/> writes.</returns>
    /// <exception cref="ArgumentException">No certificate, or one that is not exactly one DER SEQUENCE.</exception>
    public static int GetEncodedLength(ReadOnlySpan<ReadOnlyMemory<byte>> certificates) => Measure(certificates).Total;

    /// <summary>Encodes <paramref name="certificates"/> as a certs-only SignedData, in their order.</summary>
    /// <param name="certificates">The DER certificates, in the order to send (<c>cacerts</c>: Sub-CA 2 … root; enrollment: the leaf).</param>
    /// <param name="destination">Where to write; nothing is written when it is too short.</param>
    /// <param name="bytesWritten">The length written; 0 when the method returns <see langword="false"/>.</param>
    /// <returns>Whether <paramref name="destination"/> was long enough (<see cref="GetEncodedLength"/>).</returns>
    /// <exception cref="ArgumentException">No certificate, or one that is not exactly one DER SEQUENCE.</exception>
    public static bool TryEncode(ReadOnlySpan<ReadOnlyMemory<byte>> certificates, Span<byte> destination, out int bytesWritten)
    {
        var lengths = Measure(certificates);
        if (destination.Length < lengths.Total)
        {
            bytesWritten = 0;
            return false;
        }

        var at = WriteHeader(destination, 0x30, lengths.ContentInfo);
        SignedDataOid.CopyTo(destination[at..]);
        at += SignedDataOid.Length;
        at += WriteHeader(destination[at..], 0xA0, lengths.Explicit);
        at += WriteHeader(destination[at..], 0x30, lengths.SignedData);
        SignedDataHead.CopyTo(destination[at..]);
        at += SignedDataHead.Length;

        // certificates [0] IMPLICIT SET OF: constructed context tag 0, content in the caller's order (not sorted).
        at += WriteHeader(destination[at..], 0xA0, lengths.Certificates);
        foreach (var certificate in certificates)
        {
            certificate.Span.CopyTo(destination[at..]);
            at += certificate.Length;
        }

        SignedDataTail.CopyTo(destination[at..]);
        bytesWritten = at + SignedDataTail.Length;
        return true;
    }

    /// <summary>Encodes <paramref name="certificates"/> as a certs-only SignedData into a new array.</summary>
    /// <param name="certificates">The DER certificates, in the order to send.</param>
    /// <returns>The encoding.</returns>
    /// <exception cref="ArgumentException">No certificate, or one that is not exactly one DER SEQUENCE.</exception>
    public static byte[] Encode(ReadOnlySpan<ReadOnlyMemory<byte>> certificates)
    {
        var encoded = new byte[GetEncodedLength(certificates)];
        TryEncode(certificates, encoded, out _);
        return encoded;
    }

    /// <summary>The length of <paramref name="derLength"/> bytes in <see cref="ToBase64Lines"/> form.</summary>
    /// <param name="derLength">The length of the encoding (not negative).</param>
    /// <returns>The base64 length plus one LF per started line of <see cref="Base64LineLength"/> characters.</returns>
    public static int GetBase64LinesLength(int derLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(derLength);
        var base64 = Base64.GetMaxEncodedToUtf8Length(derLength);
        return base64 + ((base64 + Base64LineLength - 1) / Base64LineLength);
    }

    /// <summary>
    /// The body sent with <c>Content-Transfer-Encoding: base64</c>: base64 of <paramref name="der"/> in lines of
    /// <see cref="Base64LineLength"/> characters, each ended by LF, the last one too.
    /// </summary>
    /// <remarks>
    /// LF rather than CRLF: every EST client decodes either (RFC 8951 §3), and GNU <c>base64 -d</c>, which operators
    /// pipe answers through, refuses CR. Wrapped rather than one line: older libest clients read only wrapped base64.
    /// </remarks>
    /// <param name="der">The encoding (<see cref="Encode"/>); empty gives an empty string.</param>
    /// <returns>The text.</returns>
    public static string ToBase64Lines(ReadOnlySpan<byte> der) =>
        string.Create(GetBase64LinesLength(der.Length), der, static (chars, der) =>
        {
            var at = 0;
            const int BytesPerLine = Base64LineLength / 4 * 3;
            for (var i = 0; i < der.Length; i += BytesPerLine)
            {
                Convert.TryToBase64Chars(der.Slice(i, Math.Min(BytesPerLine, der.Length - i)), chars[at..], out var written);
                at += written;
                chars[at++] = '\n';
            }
        });

    /// <summary>Writes <see cref="ToBase64Lines"/> of <paramref name="der"/> as ASCII bytes, for a listener that writes bytes.</summary>
    /// <param name="der">The encoding.</param>
    /// <param name="destination">Where to write; nothing is written when it is too short.</param>
    /// <param name="bytesWritten">The length written; 0 when the method returns <see langword="false"/>.</param>
    /// <returns>Whether <paramref name="destination"/> had <see cref="GetBase64LinesLength"/> bytes.</returns>
    public static bool TryWriteBase64Lines(ReadOnlySpan<byte> der, Span<byte> destination, out int bytesWritten)
    {
        var length = GetBase64LinesLength(der.Length);
        if (destination.Length < length)
        {
            bytesWritten = 0;
            return false;
        }

        var at = 0;
        const int BytesPerLine = Base64LineLength / 4 * 3;
        for (var i = 0; i < der.Length; i += BytesPerLine)
        {
            Base64.EncodeToUtf8(der.Slice(i, Math.Min(BytesPerLine, der.Length - i)), destination[at..], out _, out var written);
            at += written;
            destination[at++] = (byte)'\n';
        }

        bytesWritten = length;
        return true;
    }

    private static Lengths Measure(ReadOnlySpan<ReadOnlyMemory<byte>> certificates)
    {
        if (certificates.IsEmpty)
        {
            ThrowHelper.ThrowArgument("A certs-only answer needs at least one certificate.", nameof(certificates));
        }

        long certs = 0;
        for (var i = 0; i < certificates.Length; i++)
        {
            if (DerSequence.Check(certificates[i].Span, out _) != DerSequenceStatus.Ok)
            {
                ThrowHelper.ThrowArgument($"Certificate {i} is not exactly one DER SEQUENCE (of at most 64 KiB).", nameof(certificates));
            }

            certs += certificates[i].Length;
        }

        if (certs > int.MaxValue / 2)
        {
            ThrowHelper.ThrowArgument("The certificates are too large for one answer.", nameof(certificates));
        }

        var certificatesContent = (int)certs;
        var signedData = SignedDataHead.Length + Tlv(certificatesContent) + SignedDataTail.Length;
        var explicitContent = Tlv(signedData);
        var contentInfo = SignedDataOid.Length + Tlv(explicitContent);
        return new Lengths(certificatesContent, signedData, explicitContent, contentInfo, Tlv(contentInfo));
    }

    // Tag, length and content: X.690 §8.1.3 short form below 128, else the long form in the fewest octets.
    private static int Tlv(int contentLength) => 1 + LengthOfLength(contentLength) + contentLength;

    private static int LengthOfLength(int length) => length switch
    {
        < 0x80 => 1,
        < 0x100 => 2,
        < 0x10000 => 3,
        < 0x1000000 => 4,
        _ => 5,
    };

    private static int WriteHeader(Span<byte> destination, byte tag, int length)
    {
        destination[0] = tag;
        var octets = LengthOfLength(length) - 1;
        if (octets == 0)
        {
            destination[1] = (byte)length;
            return 2;
        }

        destination[1] = (byte)(0x80 | octets);
        for (var i = 0; i < octets; i++)
        {
            destination[2 + i] = (byte)(length >> (8 * (octets - 1 - i)));
        }

        return 2 + octets;
    }

    private readonly record struct Lengths(int Certificates, int SignedData, int Explicit, int ContentInfo, int Total);
}
