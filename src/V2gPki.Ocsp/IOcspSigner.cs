// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Ocsp;

/// <summary>
/// An external signer of <c>tbsResponseData</c> (RFC 6960 §4.2.1). The HSM module implements it; pure codec
/// tests may use an in-process software key. The signer hashes on the host as its algorithm requires.
/// </summary>
public interface IOcspSigner
{
    /// <summary>The DER <c>AlgorithmIdentifier</c> (a complete SEQUENCE) of the signature, e.g. ecdsa-with-SHA256.</summary>
    ReadOnlySpan<byte> SignatureAlgorithm { get; }

    /// <summary>An upper bound, in bytes, of the signature value this signer writes.</summary>
    int MaxSignatureLength { get; }

    /// <summary>
    /// Signs <paramref name="data"/> and writes the signature value as it goes into the response's
    /// <c>signature</c> BIT STRING (a DER <c>ECDSA-Sig-Value</c> for ECDSA, the raw 114 bytes for Ed448).
    /// </summary>
    /// <param name="data">The exact bytes to sign (the DER <c>tbsResponseData</c>).</param>
    /// <param name="destination">Where the signature is written.</param>
    /// <param name="bytesWritten">The signature length; 0 when the method returns <see langword="false"/>.</param>
    /// <returns><see langword="false"/> only when <paramref name="destination"/> is too small; signing failures throw.</returns>
    bool TrySign(ReadOnlySpan<byte> data, Span<byte> destination, out int bytesWritten);
}
