// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Store;

/// <summary>A revocation, a hold or an un-hold, with the response already signed for the new status.</summary>
public sealed class StatusChangeRequest
{
    /// <summary>Gets the issuing CA.</summary>
    public required IssuerId Issuer { get; init; }

    /// <summary>Gets the serial number, DER INTEGER content octets.</summary>
    public required ReadOnlyMemory<byte> Serial { get; init; }

    /// <summary>
    /// Gets the new status. Allowed transitions: good → revoked, good → hold, hold → revoked, hold → good (un-hold,
    /// removeFromCRL). Asking for the status a certificate already has is idempotent.
    /// </summary>
    public required CertificateStatus NewStatus { get; init; }

    /// <summary>Gets the revocation time (required unless <see cref="NewStatus"/> is good).</summary>
    public DateTimeOffset? RevocationTime { get; init; }

    /// <summary>Gets the RFC 5280 reason (certificateHold for a hold; ignored for good).</summary>
    public RevocationReason Reason { get; init; } = RevocationReason.Unspecified;

    /// <summary>Gets the response signed for the new status.</summary>
    public required SignedResponse Response { get; init; }
}
