// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Store;

/// <summary>The status changes the registry accepts (<see cref="IStoreWriter.ChangeStatusAsync"/> refuses every other one).</summary>
public static class CertificateStatusTransitions
{
    /// <summary>Whether a certificate may go from <paramref name="from"/> to <paramref name="to"/>.</summary>
    /// <param name="from">The current status.</param>
    /// <param name="to">The requested status (not equal to <paramref name="from"/>: that is an idempotent repeat).</param>
    /// <returns>Good → revoked or hold, hold → revoked, and hold → good (removeFromCRL, RFC 5280 §5.3.1); nothing leaves revoked.</returns>
    public static bool IsAllowed(CertificateStatus from, CertificateStatus to) => (from, to) switch
    {
        (CertificateStatus.Good, CertificateStatus.Revoked) => true,
        (CertificateStatus.Good, CertificateStatus.Hold) => true,
        (CertificateStatus.Hold, CertificateStatus.Revoked) => true,
        (CertificateStatus.Hold, CertificateStatus.Good) => true, // removeFromCRL: un-revoke only from certificateHold
        _ => false,
    };
}
