// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Listeners.Kestrel;

/// <summary>
/// Why an input was rejected or answered with an error (docs/architecture.md §4 invariant 5: every bad input has a
/// counter). Dense values: they index the counter array. Kestrel-level reasons come from its <c>error.type</c> tags.
/// </summary>
internal enum RejectReason : byte
{
    /// <summary>Body over the listener's limit (413).</summary>
    BodyTooLarge = 0,

    /// <summary>GET path that is not decodable base64 (OCSP <c>malformedRequest</c>).</summary>
    UndecodableGet = 1,

    /// <summary>Empty POST body or empty GET path (OCSP <c>malformedRequest</c>).</summary>
    EmptyRequest = 2,

    /// <summary>Method not allowed on the route (405).</summary>
    MethodNotAllowed = 3,

    /// <summary>No such route, e.g. <c>GET /</c> (404).</summary>
    NotFound = 4,

    /// <summary>Request headers not complete within the timeout (Kestrel).</summary>
    RequestHeadersTimeout = 5,

    /// <summary>Request headers over the total size limit (Kestrel, 431).</summary>
    RequestHeadersTooLarge = 6,

    /// <summary>More request headers than allowed (Kestrel, 431).</summary>
    TooManyRequestHeaders = 7,

    /// <summary>Malformed or oversized request line, bad HTTP version (Kestrel, 400/414/505).</summary>
    InvalidRequestLine = 8,

    /// <summary>Malformed request headers or framing (Kestrel, 400).</summary>
    InvalidRequestHeaders = 9,

    /// <summary>Request body slower than the minimum data rate (Kestrel).</summary>
    MinRequestBodyDataRate = 10,

    /// <summary>Connection closed in the middle of a request body (Kestrel).</summary>
    UnexpectedEndOfRequest = 11,

    /// <summary>Connection refused over the connection cap (Kestrel).</summary>
    ConnectionLimit = 12,

    /// <summary>Other protocol errors reported by Kestrel.</summary>
    OtherProtocolError = 13,

    /// <summary>The responder threw (a bug; OCSP <c>internalError</c>).</summary>
    ResponderException = 14,

    /// <summary>The OCSP request parser refused the DER (OCSP <c>malformedRequest</c>; by status in <c>v2gpki_ocsp_parse_errors_total</c>).</summary>
    MalformedOcspRequest = 15,
}
