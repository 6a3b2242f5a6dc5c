// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers;
using System.Diagnostics;
using V2gPki.Der;

namespace V2gPki.Ocsp;

/// <summary>
/// Step (d), the hot path: builds the final successful <c>OCSPResponse</c> (RFC 6960 §4.2.1) from a stored signed part
/// (<see cref="SignedResponsePart"/>) and the signer certificate(s), straight into the output. Only headers are
/// computed; the signed part and the certificates are copied verbatim. No parsing, no allocation.
/// </summary>
/// <remarks>
/// <code>
/// OCSPResponse SEQUENCE {
///   responseStatus ENUMERATED successful (0A 01 00)
///   responseBytes [0] EXPLICIT SEQUENCE {
///     responseType OID id-pkix-ocsp-basic
///     response OCTET STRING { BasicOCSPResponse SEQUENCE {
///       &lt;signed part: tbsResponseData, signatureAlgorithm, signature&gt;
///       certs [0] EXPLICIT SEQUENCE OF Certificate   -- omitted when no certificate is given
/// } } } }
/// </code>
/// </remarks>
public static class OcspResponseAssembler
{
    /// <summary>responseStatus successful: ENUMERATED 0.</summary>
    private static ReadOnlySpan<byte> SuccessfulStatus => [0x0A, 0x01, 0x00];

    /// <summary>responseType: OBJECT IDENTIFIER id-pkix-ocsp-basic.</summary>
    private static ReadOnlySpan<byte> BasicResponseType => [0x06, 0x09, 0x2B, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x01, 0x01];

    /// <summary>Guards the header arithmetic against int overflow; real responses are a few KB.</summary>
    private const int MaxInputLength = int.MaxValue / 2;

    /// <summary>The exact length of the assembled response (for Content-Length or sizing a buffer).</summary>
    /// <param name="signedPartLength">Length of the signed part.</param>
    /// <param name="certificatesLength">Total length of the concatenated DER certificates; 0 to omit certs.</param>
    /// <returns>The response length in bytes.</returns>
    public static int GetLength(int signedPartLength, int certificatesLength)
    {
        var layout = ComputeLayout(signedPartLength, certificatesLength);
        return layout.Total;
    }

    /// <summary>Assembles the response at the start of <paramref name="destination"/>.</summary>
    /// <param name="signedPart">A signed part as produced by <see cref="SignedResponsePart"/> (trusted: not re-parsed).</param>
    /// <param name="certificates">Concatenated DER certificates for the certs field (normally the one delegated signer
    /// certificate recorded with the signed part); empty to omit the field.</param>
    /// <param name="destination">Where the response goes.</param>
    /// <param name="bytesWritten">The response length; 0 when the method returns <see langword="false"/>.</param>
    /// <returns><see langword="false"/>, with nothing written, when <paramref name="destination"/> is too short.</returns>
    public static bool TryAssemble(ReadOnlySpan<byte> signedPart, ReadOnlySpan<byte> certificates, Span<byte> destination, out int bytesWritten)
    {
        var layout = ComputeLayout(signedPart.Length, certificates.Length);
        if (layout.Total > destination.Length)
        {
            bytesWritten = 0;
            return false;
        }

        bytesWritten = Write(layout, signedPart, certificates, destination);
        return true;
    }

    /// <summary>Assembles the response into <paramref name="output"/> (e.g. Kestrel's response <c>PipeWriter</c>) with one GetSpan/Advance.</summary>
    /// <param name="signedPart">A signed part as produced by <see cref="SignedResponsePart"/>.</param>
    /// <param name="certificates">Concatenated DER certificates for the certs field; empty to omit it.</param>
    /// <param name="output">The buffer writer.</param>
    /// <returns>The number of bytes written and advanced.</returns>
    public static int Assemble(ReadOnlySpan<byte> signedPart, ReadOnlySpan<byte> certificates, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var layout = ComputeLayout(signedPart.Length, certificates.Length);
        var span = output.GetSpan(layout.Total);
        var written = Write(layout, signedPart, certificates, span);
        output.Advance(written);
        return written;
    }

    private static Layout ComputeLayout(int signedPartLength, int certificatesLength)
    {
        if (signedPartLength < 1 || signedPartLength > MaxInputLength)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(signedPartLength));
        }

        if (certificatesLength < 0 || certificatesLength > MaxInputLength - signedPartLength)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(certificatesLength));
        }

        Layout layout;
        layout.CertificatesLength = certificatesLength;
        layout.CertsSequence = certificatesLength == 0 ? 0 : DerEncoder.GetEncodedLength(certificatesLength);
        var certsField = certificatesLength == 0 ? 0 : DerEncoder.GetEncodedLength(layout.CertsSequence);
        layout.BasicContent = signedPartLength + certsField;
        layout.Basic = DerEncoder.GetEncodedLength(layout.BasicContent);
        layout.ResponseBytesContent = BasicResponseType.Length + DerEncoder.GetEncodedLength(layout.Basic);
        layout.ResponseBytes = DerEncoder.GetEncodedLength(layout.ResponseBytesContent);
        layout.ResponseContent = SuccessfulStatus.Length + DerEncoder.GetEncodedLength(layout.ResponseBytes);
        layout.Total = DerEncoder.GetEncodedLength(layout.ResponseContent);
        return layout;
    }

    private static int Write(in Layout layout, ReadOnlySpan<byte> signedPart, ReadOnlySpan<byte> certificates, Span<byte> destination)
    {
        var d = destination[..layout.Total];
        var p = DerEncoder.WriteTagAndLength(d, DerTag.Sequence, layout.ResponseContent);
        SuccessfulStatus.CopyTo(d[p..]);
        p += SuccessfulStatus.Length;
        p += DerEncoder.WriteTagAndLength(d[p..], 0xA0, layout.ResponseBytes);
        p += DerEncoder.WriteTagAndLength(d[p..], DerTag.Sequence, layout.ResponseBytesContent);
        BasicResponseType.CopyTo(d[p..]);
        p += BasicResponseType.Length;
        p += DerEncoder.WriteTagAndLength(d[p..], DerTag.OctetString, layout.Basic);
        p += DerEncoder.WriteTagAndLength(d[p..], DerTag.Sequence, layout.BasicContent);
        signedPart.CopyTo(d[p..]);
        p += signedPart.Length;
        if (layout.CertificatesLength != 0)
        {
            // certs [0] EXPLICIT SEQUENCE OF Certificate OPTIONAL.
            p += DerEncoder.WriteTagAndLength(d[p..], 0xA0, layout.CertsSequence);
            p += DerEncoder.WriteTagAndLength(d[p..], DerTag.Sequence, layout.CertificatesLength);
            certificates.CopyTo(d[p..]);
            p += certificates.Length;
        }

        Debug.Assert(p == layout.Total, "The layout and the writes must agree.");
        return p;
    }

    /// <summary>Content lengths of every constructed element, computed once.</summary>
    private struct Layout
    {
        public int CertificatesLength;
        public int CertsSequence;
        public int BasicContent;
        public int Basic;
        public int ResponseBytesContent;
        public int ResponseBytes;
        public int ResponseContent;
        public int Total;
    }
}
