// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Issuer.Answering;

/// <summary>
/// How a request for a serial a known CA never issued is answered (docs/architecture.md §3 status answers).
/// </summary>
public enum NeverIssuedAnswer : byte
{
    /// <summary>RFC 6960 §2.2 extended revoked: revoked, certificateHold, 1970-01-01, Extended Revoked Definition; signed live, cached.</summary>
    ExtendedRevoked = 1,

    /// <summary>Unsigned <c>unauthorized</c> (no HSM work at all).</summary>
    Unauthorized = 2,
}
