// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Ocsp;

/// <summary>
/// The outcome of reading an OCSP request or response (docs/style.md §15): one enum for the protocol, explicit values
/// never reused. The HTTP layer maps every value but <see cref="Ok"/> to <c>malformedRequest</c> (RFC 6960 §2.3) in one
/// switch.
/// </summary>
public enum OcspParseStatus
{
    /// <summary>The message was read.</summary>
    Ok = 0,

    /// <summary>The input ends inside the message.</summary>
    Truncated = 1,

    /// <summary>A strict-DER rule is broken (length form, minimal INTEGER, BOOLEAN, time, nesting depth, …).</summary>
    InvalidDer = 2,

    /// <summary>Well-formed DER that is not the RFC 6960 structure: wrong tag, missing or extra field.</summary>
    UnexpectedStructure = 3,

    /// <summary>Bytes follow the outer SEQUENCE.</summary>
    TrailingData = 4,

    /// <summary>A version other than v1 (RFC 6960 §4.1.1, §4.2.1).</summary>
    UnsupportedVersion = 5,

    /// <summary>The request list is empty.</summary>
    EmptyRequestList = 6,

    /// <summary>A CertID hash algorithm other than SHA-1, SHA-256, SHA-384 or SHA-512, or with parameters other than NULL.</summary>
    UnsupportedHashAlgorithm = 7,

    /// <summary>A CertID hash of the wrong length for its algorithm, or a serial number longer than 20 octets (RFC 5280 §4.1.2.2).</summary>
    InvalidCertId = 8,

    /// <summary>An extension marked critical that the responder does not understand (RFC 5280 §4.2).</summary>
    UnknownCriticalExtension = 9,

    /// <summary>The same extension twice where the responder must pick one (the nonce).</summary>
    DuplicateExtension = 10,

    /// <summary>The nonce policy is on and the nonce is not 1–128 octets (RFC 9654 §2.1).</summary>
    InvalidNonce = 11,

    /// <summary>A response type other than id-pkix-ocsp-basic (RFC 6960 §4.2.1).</summary>
    UnsupportedResponseType = 12,

    /// <summary>A responseStatus value RFC 6960 §4.2.1 does not define, or responseBytes missing from a successful response.</summary>
    InvalidResponseStatus = 13,
}
