// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Ocsp;

/// <summary>
/// What the lenient parts of the request parser skipped or tolerated (docs/architecture.md §3 "Parsing"): the request
/// is still answered, and the caller counts each flag in metrics. Values are explicit and never reused.
/// </summary>
[Flags]
public enum OcspRequestQuirks
{
    /// <summary>Nothing odd.</summary>
    None = 0,

    /// <summary>The DEFAULT version v1 was encoded explicitly (DER says omit it, X.690 §11.5).</summary>
    ExplicitDefaultVersion = 1 << 0,

    /// <summary>A requestorName was present and ignored.</summary>
    RequestorName = 1 << 1,

    /// <summary>An optionalSignature was present and ignored (not verified).</summary>
    Signature = 1 << 2,

    /// <summary>A non-critical request extension other than the nonce was ignored.</summary>
    IgnoredRequestExtension = 1 << 3,

    /// <summary>A non-critical singleRequestExtension was ignored.</summary>
    IgnoredSingleRequestExtension = 1 << 4,

    /// <summary>The nonce extnValue did not hold an OCTET STRING (RFC 6960 §4.4.1, RFC 9654 §2.1); its bytes are the nonce.</summary>
    NonceWithoutOctetString = 1 << 5,

    /// <summary>The nonce is not 1–128 octets (RFC 9654 §2.1) and the nonce policy is off.</summary>
    NonceLengthOutOfRange = 1 << 6,

    /// <summary>An extension encoded its DEFAULT FALSE critical flag explicitly.</summary>
    ExplicitDefaultCritical = 1 << 7,
}
