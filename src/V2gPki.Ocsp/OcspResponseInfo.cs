// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Ocsp;

/// <summary>
/// A read <c>OCSPResponse</c> (RFC 6960 §4.2.1) as views into its bytes, for tests and tooling. For an unsuccessful
/// response only <see cref="ResponseStatus"/> is set.
/// </summary>
public readonly ref struct OcspResponseInfo
{
    /// <summary>responseStatus.</summary>
    public OcspResponseStatus ResponseStatus { get; internal init; }

    /// <summary>The whole DER BasicOCSPResponse (the responseBytes OCTET STRING contents).</summary>
    public ReadOnlySpan<byte> BasicResponse { get; internal init; }

    /// <summary>tbsResponseData, signatureAlgorithm and signature together: the signed part as the store keeps it.</summary>
    public ReadOnlySpan<byte> SignedPart { get; internal init; }

    /// <summary>The DER tbsResponseData: exactly the bytes the signature covers.</summary>
    public ReadOnlySpan<byte> TbsResponseData { get; internal init; }

    /// <summary>ResponseData version (0 = v1).</summary>
    public int Version { get; internal init; }

    /// <summary>Whether the DEFAULT version was encoded explicitly.</summary>
    public bool HasExplicitVersion { get; internal init; }

    /// <summary>responderID.</summary>
    public ResponderId ResponderId { get; internal init; }

    /// <summary>producedAt.</summary>
    public DateTimeOffset ProducedAt { get; internal init; }

    /// <summary>How many SingleResponses.</summary>
    public int ResponseCount { get; internal init; }

    /// <summary>The contents of the responses SEQUENCE (read them with <see cref="GetResponses"/>).</summary>
    public ReadOnlySpan<byte> Responses { get; internal init; }

    /// <summary>responseExtensions as concatenated Extension elements; empty when absent.</summary>
    public ReadOnlySpan<byte> ResponseExtensions { get; internal init; }

    /// <summary>Whether a nonce extension is present.</summary>
    public bool HasNonce { get; internal init; }

    /// <summary>The nonce extension's extnValue contents.</summary>
    public ReadOnlySpan<byte> NonceExtensionValue { get; internal init; }

    /// <summary>Whether the Extended Revoked Definition extension (RFC 6960 §4.4.8) is present.</summary>
    public bool HasExtendedRevokedDefinition { get; internal init; }

    /// <summary>The DER signatureAlgorithm AlgorithmIdentifier.</summary>
    public ReadOnlySpan<byte> SignatureAlgorithm { get; internal init; }

    /// <summary>The signature algorithm's OBJECT IDENTIFIER content octets.</summary>
    public ReadOnlySpan<byte> SignatureAlgorithmOid { get; internal init; }

    /// <summary>The signature value (BIT STRING contents after the unused-bits octet).</summary>
    public ReadOnlySpan<byte> Signature { get; internal init; }

    /// <summary>The certs SEQUENCE OF contents: concatenated DER certificates; empty when absent.</summary>
    public ReadOnlySpan<byte> Certificates { get; internal init; }

    /// <summary>How many certificates the certs field holds.</summary>
    public int CertificateCount { get; internal init; }

    /// <summary>Enumerates the SingleResponses.</summary>
    /// <returns>The enumerator.</returns>
    public SingleResponseEnumerator GetResponses() => new(Responses);

    /// <summary>Enumerates the certificates of the certs field.</summary>
    /// <returns>The enumerator.</returns>
    public CertificateEnumerator GetCertificates() => new(Certificates);
}
