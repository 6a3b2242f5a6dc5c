// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Listeners.Ocpp;

/// <summary>
/// How an OCPP GetCertificateStatus request ended: counted in metrics and mapped to its HTTP status in one switch
/// (<see cref="OcppOutcomes.HttpStatus"/>). Values are explicit and never reused (docs/style.md §15).
/// </summary>
internal enum OcppOutcome : byte
{
    /// <summary><c>Accepted</c> with an <c>ocspResult</c> (HTTP 200).</summary>
    Accepted = 0,

    /// <summary><c>Failed</c>, <c>FormatViolation</c> or <c>InvalidValue</c> (HTTP 200).</summary>
    InvalidRequest = 1,

    /// <summary><c>Failed</c>, <c>UnknownIssuer</c>: the responder answered unauthorized (HTTP 200).</summary>
    UnknownIssuer = 2,

    /// <summary><c>Failed</c>, <c>TryLater</c> (HTTP 200).</summary>
    TryLater = 3,

    /// <summary><c>Failed</c>, <c>ResultTooLarge</c> (HTTP 200).</summary>
    ResultTooLarge = 4,

    /// <summary><c>Failed</c>, <c>InternalError</c> (HTTP 200).</summary>
    InternalError = 5,

    /// <summary>Not JSON, or not valid JSON (HTTP 400).</summary>
    BadJson = 6,

    /// <summary>A body over the limit (HTTP 413).</summary>
    TooLarge = 7,

    /// <summary>A Content-Type that is not JSON (HTTP 415).</summary>
    UnsupportedMediaType = 8,

    /// <summary>Not a POST (HTTP 405).</summary>
    MethodNotAllowed = 9,
}
