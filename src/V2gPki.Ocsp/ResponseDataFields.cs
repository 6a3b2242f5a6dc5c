// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Ocsp;

/// <summary>
/// The fields of <c>ResponseData</c> (RFC 6960 §4.2.1) other than the SingleResponses: version is always v1 (the
/// DEFAULT, so not encoded), responderID, producedAt, and the responseExtensions.
/// </summary>
public readonly ref struct ResponseDataFields
{
    /// <summary>responderID.</summary>
    public required ResponderId ResponderId { get; init; }

    /// <summary>producedAt, written as whole UTC seconds.</summary>
    public required DateTimeOffset ProducedAt { get; init; }

    /// <summary>
    /// The nonce to echo (RFC 6960 §4.4.1), as the extnValue contents the client sent
    /// (<see cref="OcspRequest.NonceExtensionValue"/>), so clients that compare extnValues byte-wise match; empty for no nonce.
    /// </summary>
    public ReadOnlySpan<byte> NonceExtensionValue { get; init; }

    /// <summary>Whether to add the Extended Revoked Definition extension (RFC 6960 §4.4.8), required with <see cref="CertStatusInfo.NotIssued"/>.</summary>
    public bool ExtendedRevokedDefinition { get; init; }

    /// <summary>Further responseExtensions as concatenated DER <c>Extension</c> elements, written after the others; empty for none.</summary>
    public ReadOnlySpan<byte> AdditionalExtensions { get; init; }
}
