// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Der;

/// <summary>
/// Pre-encoded OBJECT IDENTIFIER content octets (X.690 §8.19) used by OCSP and PKIX. Compare them with what
/// <see cref="DerReader.TryReadObjectIdentifier"/> returns, and write them with <see cref="DerWriter.WriteObjectIdentifier"/>.
/// </summary>
public static class Oids
{
    /// <summary>id-sha1, 1.3.14.3.2.26 (RFC 3279 §2.2.1).</summary>
    public static ReadOnlySpan<byte> Sha1 => [0x2B, 0x0E, 0x03, 0x02, 0x1A];

    /// <summary>id-sha256, 2.16.840.1.101.3.4.2.1 (RFC 5754 §2).</summary>
    public static ReadOnlySpan<byte> Sha256 => [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01];

    /// <summary>id-sha384, 2.16.840.1.101.3.4.2.2 (RFC 5754 §2).</summary>
    public static ReadOnlySpan<byte> Sha384 => [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x02];

    /// <summary>id-sha512, 2.16.840.1.101.3.4.2.3 (RFC 5754 §2).</summary>
    public static ReadOnlySpan<byte> Sha512 => [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x03];

    /// <summary>ecdsa-with-SHA256, 1.2.840.10045.4.3.2 (RFC 5758 §3.2).</summary>
    public static ReadOnlySpan<byte> EcdsaWithSha256 => [0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x04, 0x03, 0x02];

    /// <summary>ecdsa-with-SHA384, 1.2.840.10045.4.3.3 (RFC 5758 §3.2).</summary>
    public static ReadOnlySpan<byte> EcdsaWithSha384 => [0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x04, 0x03, 0x03];

    /// <summary>ecdsa-with-SHA512, 1.2.840.10045.4.3.4 (RFC 5758 §3.2).</summary>
    public static ReadOnlySpan<byte> EcdsaWithSha512 => [0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x04, 0x03, 0x04];

    /// <summary>id-Ed25519, 1.3.101.112 (RFC 8410 §3).</summary>
    public static ReadOnlySpan<byte> Ed25519 => [0x2B, 0x65, 0x70];

    /// <summary>id-Ed448, 1.3.101.113 (RFC 8410 §3).</summary>
    public static ReadOnlySpan<byte> Ed448 => [0x2B, 0x65, 0x71];

    /// <summary>id-ecPublicKey, 1.2.840.10045.2.1 (RFC 5480 §2.1.1).</summary>
    public static ReadOnlySpan<byte> EcPublicKey => [0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x02, 0x01];

    /// <summary>id-kp-OCSPSigning, 1.3.6.1.5.5.7.3.9 (RFC 5280 §4.2.1.12).</summary>
    public static ReadOnlySpan<byte> KeyPurposeOcspSigning => [0x2B, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x09];

    /// <summary>id-pkix-ocsp-basic, 1.3.6.1.5.5.7.48.1.1 (RFC 6960 §4.2.1).</summary>
    public static ReadOnlySpan<byte> OcspBasic => [0x2B, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x01, 0x01];

    /// <summary>id-pkix-ocsp-nonce, 1.3.6.1.5.5.7.48.1.2 (RFC 6960 §4.4.1, RFC 9654).</summary>
    public static ReadOnlySpan<byte> OcspNonce => [0x2B, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x01, 0x02];

    /// <summary>id-pkix-ocsp-crl, 1.3.6.1.5.5.7.48.1.3 (RFC 6960 §4.4.2).</summary>
    public static ReadOnlySpan<byte> OcspCrl => [0x2B, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x01, 0x03];

    /// <summary>id-pkix-ocsp-response, 1.3.6.1.5.5.7.48.1.4, acceptable response types (RFC 6960 §4.4.3).</summary>
    public static ReadOnlySpan<byte> OcspAcceptableResponses => [0x2B, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x01, 0x04];

    /// <summary>id-pkix-ocsp-nocheck, 1.3.6.1.5.5.7.48.1.5 (RFC 6960 §4.2.2.2.1).</summary>
    public static ReadOnlySpan<byte> OcspNoCheck => [0x2B, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x01, 0x05];

    /// <summary>id-pkix-ocsp-archive-cutoff, 1.3.6.1.5.5.7.48.1.6 (RFC 6960 §4.4.4).</summary>
    public static ReadOnlySpan<byte> OcspArchiveCutoff => [0x2B, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x01, 0x06];

    /// <summary>id-pkix-ocsp-service-locator, 1.3.6.1.5.5.7.48.1.7 (RFC 6960 §4.4.6).</summary>
    public static ReadOnlySpan<byte> OcspServiceLocator => [0x2B, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x01, 0x07];

    /// <summary>id-pkix-ocsp-pref-sig-algs, 1.3.6.1.5.5.7.48.1.8 (RFC 6960 §4.4.7).</summary>
    public static ReadOnlySpan<byte> OcspPreferredSignatureAlgorithms => [0x2B, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x01, 0x08];

    /// <summary>id-pkix-ocsp-extended-revoke, 1.3.6.1.5.5.7.48.1.9 (RFC 6960 §4.4.8).</summary>
    public static ReadOnlySpan<byte> OcspExtendedRevoke => [0x2B, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x01, 0x09];
}
