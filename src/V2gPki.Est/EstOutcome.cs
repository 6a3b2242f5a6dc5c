// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Est;

/// <summary>
/// How an EST request ended: the one outcome vocabulary of EST, mapped to HTTP in one switch by the exe's EST listener
/// (docs/style.md §15). Values are explicit and never reused.
/// </summary>
public enum EstOutcome : byte
{
    /// <summary>Answered: the CA certificates, the CSR attributes, or the issued certificate (HTTP 200).</summary>
    Ok = 0,

    /// <summary>Accepted for manual approval: ask again later with the same CSR (HTTP 202 + Retry-After, RFC 7030 §4.2.3).</summary>
    Pending = 1,

    /// <summary>The body is not a base64 PKCS#10 request, or the CSR is refused by the profile's rules (HTTP 400).</summary>
    BadRequest = 2,

    /// <summary>No credential, or one that does not authenticate (HTTP 401 with the challenges).</summary>
    Unauthenticated = 3,

    /// <summary>Authenticated, but the role or the identifier prefix does not allow this request (HTTP 403).</summary>
    Forbidden = 4,

    /// <summary>No such EST path or <c>{ca}</c> (HTTP 404).</summary>
    NotFound = 5,

    /// <summary>A method the path does not take (HTTP 405).</summary>
    MethodNotAllowed = 6,

    /// <summary>A body over the listener's limit (HTTP 413).</summary>
    TooLarge = 7,

    /// <summary>A request body whose media type is not PKCS#10 (HTTP 415).</summary>
    UnsupportedMediaType = 8,

    /// <summary>
    /// A request this hierarchy cannot serve: an ISO 15118-20 profile, another algorithm, the reserved <c>veh</c>, or an
    /// operation that is switched off (HTTP 501).
    /// </summary>
    NotSupported = 9,

    /// <summary>The issuing queue is full: ask again later (HTTP 503 + Retry-After).</summary>
    Busy = 10,

    /// <summary>A fault on our side (HTTP 500).</summary>
    InternalError = 11,

    /// <summary>
    /// The CSR's subject ID already has the most live certificates the issuer allows for one ID (HTTP 409: a conflict
    /// with the current state the caller can resolve by revoking one, RFC 9110 §15.5.10; not 429, which asks to retry
    /// later, RFC 6585 §4, when waiting alone does not help).
    /// </summary>
    SubjectLimitReached = 12,

    /// <summary>
    /// The client address has used up its failed authentications for now: refused before its credential is checked
    /// (HTTP 429 + Retry-After, RFC 6585 §4).
    /// </summary>
    TooManyFailures = 13,
}
