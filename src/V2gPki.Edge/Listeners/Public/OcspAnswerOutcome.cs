// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Listeners.Public;

/// <summary>
/// What an <see cref="IOcspResponder"/> made of one request (docs/style.md §15: explicit, never-reused values).
/// Values 0–6 are the RFC 6960 §4.2.1 <c>OCSPResponseStatus</c> they stand for; every one of them is sent with
/// HTTP 200 (docs/architecture.md §3). Values from 64 up are instructions to the HTTP layer and never reach the wire.
/// </summary>
public enum OcspAnswerOutcome : byte
{
    /// <summary>A signed response was written to the body writer (RFC 6960 <c>successful</c>).</summary>
    Successful = 0,

    /// <summary>The request could not be parsed (RFC 6960 <c>malformedRequest</c>); nothing was written.</summary>
    MalformedRequest = 1,

    /// <summary>The responder failed (RFC 6960 <c>internalError</c>); nothing was written.</summary>
    InternalError = 2,

    /// <summary>Store not ready, response past nextUpdate, slow path over its bound (RFC 6960 <c>tryLater</c>).</summary>
    TryLater = 3,

    // 4 is not used by RFC 6960 §4.2.1; keep it free.

    /// <summary>The request must be signed (RFC 6960 <c>sigRequired</c>); nothing was written.</summary>
    SigRequired = 5,

    /// <summary>Unknown issuer, or a never-issued serial under that policy (RFC 6960 <c>unauthorized</c>).</summary>
    Unauthorized = 6,

    /// <summary>
    /// The fast path cannot answer from memory (never-issued serial, nonce under a sign-live policy, several
    /// CertIDs): nothing was written; the HTTP layer calls <see cref="IOcspResponder.AnswerSlowAsync"/>.
    /// </summary>
    NeedsLiveSigning = 64,
}
