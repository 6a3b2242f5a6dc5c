// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers;
using V2gPki.Der;

namespace V2gPki.Ocsp;

/// <summary>
/// The signed part of a response: what the store keeps per certificate as one opaque blob (docs/architecture.md §5).
/// </summary>
/// <remarks>
/// <para>Layout: the three leading DER elements of <c>BasicOCSPResponse</c> (RFC 6960 §4.2.1), back to back, nothing else:</para>
/// <code>
/// tbsResponseData     SEQUENCE    (30 …)  the exact bytes that were signed
/// signatureAlgorithm  SEQUENCE    (30 …)  the signer's AlgorithmIdentifier
/// signature           BIT STRING  (03 … 00 sig)  zero unused bits
/// </code>
/// <para>It is the BasicOCSPResponse contents without <c>certs</c>, so <see cref="OcspResponseAssembler"/> copies it
/// verbatim and only computes headers around it: no parsing, no re-encoding, no per-response copy of the signer
/// certificate (the certs field lies outside the signed data). The store records alongside it the id of the signer
/// whose certificate must be spliced in, and thisUpdate/nextUpdate for caching (also readable with
/// <see cref="OcspResponseReader.TryReadSignedPart"/>). Overhead over the three values is their DER headers only,
/// about 10 bytes; a two-CertID ECDSA P-256 part is about 400 bytes.</para>
/// </remarks>
public static class SignedResponsePart
{
    /// <summary>Signatures up to this size are signed into stack memory; larger ones rent from the array pool.</summary>
    private const int StackSignatureLimit = 512;

    /// <summary>The exact length of a signed part.</summary>
    /// <param name="tbsLength">Length of the DER tbsResponseData.</param>
    /// <param name="signatureAlgorithmLength">Length of the DER AlgorithmIdentifier.</param>
    /// <param name="signatureLength">Length of the signature value.</param>
    /// <returns>The length in bytes.</returns>
    public static int GetLength(int tbsLength, int signatureAlgorithmLength, int signatureLength) =>
        checked(tbsLength + signatureAlgorithmLength + DerEncoder.GetEncodedLength(signatureLength + 1));

    /// <summary>The largest signed part <paramref name="signer"/> can produce for a tbsResponseData of <paramref name="tbsLength"/> bytes.</summary>
    /// <param name="tbsLength">Length of the DER tbsResponseData.</param>
    /// <param name="signer">The signer.</param>
    /// <returns>An upper bound in bytes.</returns>
    public static int GetMaxLength(int tbsLength, IOcspSigner signer)
    {
        ArgumentNullException.ThrowIfNull(signer);
        return GetLength(tbsLength, signer.SignatureAlgorithm.Length, signer.MaxSignatureLength);
    }

    /// <summary>Writes a signed part from a signature made elsewhere (e.g. by a batching HSM worker).</summary>
    /// <param name="destination">Where the signed part goes; it may begin with <paramref name="tbsResponseData"/> itself (in place).</param>
    /// <param name="tbsResponseData">The DER tbsResponseData that was signed.</param>
    /// <param name="signatureAlgorithm">The DER AlgorithmIdentifier of the signature.</param>
    /// <param name="signature">The signature value (DER ECDSA-Sig-Value for ECDSA, raw for EdDSA).</param>
    /// <param name="bytesWritten">The signed part's length; 0 when the method returns <see langword="false"/>.</param>
    /// <returns><see langword="false"/>, with nothing written, when <paramref name="destination"/> is too short.</returns>
    /// <exception cref="ArgumentException">tbsResponseData or signatureAlgorithm is not one DER SEQUENCE, or the signature is empty.</exception>
    public static bool TryWrite(Span<byte> destination, ReadOnlySpan<byte> tbsResponseData, ReadOnlySpan<byte> signatureAlgorithm, ReadOnlySpan<byte> signature, out int bytesWritten)
    {
        CheckSequence(tbsResponseData, nameof(tbsResponseData));
        CheckSequence(signatureAlgorithm, nameof(signatureAlgorithm));
        if (signature.IsEmpty)
        {
            ThrowHelper.ThrowArgument("The signature is empty.", nameof(signature));
        }

        var length = GetLength(tbsResponseData.Length, signatureAlgorithm.Length, signature.Length);
        if (length > destination.Length)
        {
            bytesWritten = 0;
            return false;
        }

        // Copy order keeps an in-place tbsResponseData intact: it is moved (memmove) before anything follows it.
        tbsResponseData.CopyTo(destination);
        var position = tbsResponseData.Length;
        signatureAlgorithm.CopyTo(destination[position..]);
        position += signatureAlgorithm.Length;
        position += DerEncoder.WriteTagAndLength(destination[position..], DerTag.BitString, signature.Length + 1);
        destination[position++] = 0; // RFC 6960 §4.2.1 signature BIT STRING: whole octets, no unused bits.
        signature.CopyTo(destination[position..]);
        bytesWritten = length;
        return true;
    }

    /// <summary>Signs <paramref name="tbsResponseData"/> with <paramref name="signer"/> and writes the signed part.</summary>
    /// <param name="destination">Where the signed part goes; it may begin with <paramref name="tbsResponseData"/> itself (in place).</param>
    /// <param name="tbsResponseData">The DER tbsResponseData to sign.</param>
    /// <param name="signer">The signer.</param>
    /// <param name="bytesWritten">The signed part's length; 0 when the method returns <see langword="false"/>.</param>
    /// <returns><see langword="false"/>, without signing or writing, when <paramref name="destination"/> is shorter than
    /// <see cref="GetMaxLength"/>.</returns>
    public static bool TrySign(Span<byte> destination, ReadOnlySpan<byte> tbsResponseData, IOcspSigner signer, out int bytesWritten)
    {
        ArgumentNullException.ThrowIfNull(signer);
        CheckSequence(tbsResponseData, nameof(tbsResponseData));
        var max = signer.MaxSignatureLength;
        if (max < 1)
        {
            ThrowHelper.ThrowArgument("MaxSignatureLength must be positive.", nameof(signer));
        }

        if (GetMaxLength(tbsResponseData.Length, signer) > destination.Length)
        {
            bytesWritten = 0;
            return false;
        }

        byte[]? rented = null;
        var signature = max <= StackSignatureLimit
            ? stackalloc byte[StackSignatureLimit]
            : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            if (!signer.TrySign(tbsResponseData, signature[..max], out var signatureLength) || signatureLength < 1 || signatureLength > max)
            {
                ThrowHelper.ThrowInvalidOperation("The signer wrote no signature within its MaxSignatureLength.");
            }

            return TryWrite(destination, tbsResponseData, signer.SignatureAlgorithm, signature[..signatureLength], out bytesWritten);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Splits a signed part into its three elements, checking the layout strictly.</summary>
    /// <param name="signedPart">A signed part.</param>
    /// <param name="tbsResponseData">The DER tbsResponseData (the signed bytes).</param>
    /// <param name="signatureAlgorithm">The DER AlgorithmIdentifier.</param>
    /// <param name="signature">The signature value (BIT STRING contents after the unused-bits octet).</param>
    /// <returns><see cref="OcspParseStatus.Ok"/> or why the blob is not a signed part; outs are empty on failure.</returns>
    public static OcspParseStatus TryRead(ReadOnlySpan<byte> signedPart, out ReadOnlySpan<byte> tbsResponseData, out ReadOnlySpan<byte> signatureAlgorithm, out ReadOnlySpan<byte> signature)
    {
        tbsResponseData = default;
        signatureAlgorithm = default;
        signature = default;
        var reader = new DerReader(signedPart);
        var der = reader.TryReadEncodedValue(DerTag.Sequence, out var tbs);
        if (der == DerStatus.Done)
        {
            der = reader.TryReadEncodedValue(DerTag.Sequence, out signatureAlgorithm);
        }

        var unusedBits = 0;
        if (der == DerStatus.Done)
        {
            der = reader.TryReadBitString(out signature, out unusedBits);
        }

        if (der == DerStatus.Done)
        {
            der = reader.TryReadEnd();
        }

        if (der != DerStatus.Done || unusedBits != 0)
        {
            signatureAlgorithm = default;
            signature = default;
            return der != DerStatus.Done ? OcspStatusMap.FromDer(der) : OcspParseStatus.UnexpectedStructure;
        }

        tbsResponseData = tbs;
        return OcspParseStatus.Ok;
    }

    private static void CheckSequence(ReadOnlySpan<byte> encoded, string paramName)
    {
        var reader = new DerReader(encoded);
        if (reader.TryReadEncodedValue(DerTag.Sequence, out _) != DerStatus.Done || reader.HasData)
        {
            ThrowHelper.ThrowArgument("Expected exactly one DER SEQUENCE.", paramName);
        }
    }
}
