// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Listeners.Kestrel;

/// <summary>The outcome label of request metrics (dense values: they index metric arrays).</summary>
internal enum RequestOutcome : byte
{
    /// <summary>OCSP <c>successful</c>, HTTP 200.</summary>
    Successful = 0,

    /// <summary>OCSP <c>malformedRequest</c>, HTTP 200.</summary>
    MalformedRequest = 1,

    /// <summary>OCSP <c>internalError</c>, HTTP 200.</summary>
    InternalError = 2,

    /// <summary>OCSP <c>tryLater</c>, HTTP 200.</summary>
    TryLater = 3,

    /// <summary>OCSP <c>sigRequired</c>, HTTP 200.</summary>
    SigRequired = 4,

    /// <summary>OCSP <c>unauthorized</c>, HTTP 200.</summary>
    Unauthorized = 5,

    /// <summary>HTTP 304 after <c>If-None-Match</c>.</summary>
    NotModified = 6,

    /// <summary>HTTP 200 on <c>/health</c>, <c>/ready</c>, <c>/metrics</c>.</summary>
    Ok = 7,

    /// <summary>HTTP 404.</summary>
    NotFound = 8,

    /// <summary>HTTP 405.</summary>
    MethodNotAllowed = 9,

    /// <summary>HTTP 413.</summary>
    PayloadTooLarge = 10,

    /// <summary>HTTP 503 on <c>/ready</c>.</summary>
    NotReady = 11,

    /// <summary>Kestrel rejected the request body (bad chunked framing, body cut short): HTTP 400 by Kestrel.</summary>
    BadRequest = 12,

    /// <summary>The connection went away or the handler failed before an answer was chosen.</summary>
    Aborted = 13,
}
