// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Listeners.Admin;

/// <summary>The answer to a revoke or un-hold: the certificate's status after the worker acknowledged (WAL commit).</summary>
internal sealed class StatusChangeResponse
{
    /// <summary>The CA name.</summary>
    public required string Ca { get; init; }

    /// <summary>The serial, upper-case hex of the DER INTEGER content octets.</summary>
    public required string Serial { get; init; }

    /// <summary>The status now: <c>good</c>, <c>revoked</c> or <c>hold</c>.</summary>
    public required string Status { get; init; }

    /// <summary>False when the certificate already had that status (idempotent: the first reason and time are kept).</summary>
    public bool Changed { get; init; }

    /// <summary>The revocation time, when revoked or on hold.</summary>
    public DateTimeOffset? RevokedAt { get; init; }

    /// <summary>The RFC 5280 reason name, when revoked or on hold.</summary>
    public string? Reason { get; init; }

    /// <summary>The RFC 5280 reason code, when revoked or on hold.</summary>
    public int? ReasonCode { get; init; }
}
