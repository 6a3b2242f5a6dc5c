// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Ocsp;

/// <summary>
/// The status part of a <c>SingleResponse</c> (RFC 6960 §4.2.1): certStatus with its revocation details, thisUpdate
/// and nextUpdate. Times are written as whole UTC seconds. Build it with the factory methods.
/// </summary>
public readonly struct CertStatusInfo : IEquatable<CertStatusInfo>
{
    private readonly long _revocationTicks;
    private readonly long _thisUpdateTicks;
    private readonly long _nextUpdateTicks;
    private readonly int _reason;

    private CertStatusInfo(CertStatus status, DateTimeOffset revocationTime, CrlReason? reason, DateTimeOffset thisUpdate, DateTimeOffset? nextUpdate)
    {
        if (reason is { } r && (r < CrlReason.Unspecified || r > CrlReason.AACompromise || (int)r == 7))
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(reason));
        }

        Status = status;
        _revocationTicks = revocationTime.UtcTicks;
        _reason = reason is { } value ? (int)value + 1 : 0;
        _thisUpdateTicks = thisUpdate.UtcTicks;
        _nextUpdateTicks = nextUpdate is { } next ? next.UtcTicks : -1;
    }

    /// <summary>The instant RFC 6960 §2.2 prescribes as revocationTime of a never-issued certificate: 1970-01-01T00:00:00Z.</summary>
    public static DateTimeOffset NotIssuedRevocationTime => DateTimeOffset.UnixEpoch;

    /// <summary>good, unknown or revoked.</summary>
    public CertStatus Status { get; }

    /// <summary>revocationTime when <see cref="Status"/> is <see cref="CertStatus.Revoked"/>, else the default instant.</summary>
    public DateTimeOffset RevocationTime => Status == CertStatus.Revoked ? new DateTimeOffset(_revocationTicks, TimeSpan.Zero) : default;

    /// <summary>revocationReason when present (revoked only).</summary>
    public CrlReason? RevocationReason => _reason == 0 ? null : (CrlReason)(_reason - 1);

    /// <summary>thisUpdate: when the status was known to be correct.</summary>
    public DateTimeOffset ThisUpdate => new(_thisUpdateTicks, TimeSpan.Zero);

    /// <summary>nextUpdate when present.</summary>
    public DateTimeOffset? NextUpdate => _nextUpdateTicks < 0 ? null : new DateTimeOffset(_nextUpdateTicks, TimeSpan.Zero);

    /// <summary>A good status.</summary>
    /// <param name="thisUpdate">thisUpdate.</param>
    /// <param name="nextUpdate">nextUpdate, or <see langword="null"/> to omit it.</param>
    /// <returns>The status.</returns>
    public static CertStatusInfo Good(DateTimeOffset thisUpdate, DateTimeOffset? nextUpdate) =>
        new(CertStatus.Good, default, null, thisUpdate, nextUpdate);

    /// <summary>A revoked status.</summary>
    /// <param name="revocationTime">When the certificate was revoked.</param>
    /// <param name="reason">The CRL reason, or <see langword="null"/> to omit it.</param>
    /// <param name="thisUpdate">thisUpdate.</param>
    /// <param name="nextUpdate">nextUpdate, or <see langword="null"/> to omit it.</param>
    /// <returns>The status.</returns>
    public static CertStatusInfo Revoked(DateTimeOffset revocationTime, CrlReason? reason, DateTimeOffset thisUpdate, DateTimeOffset? nextUpdate) =>
        new(CertStatus.Revoked, revocationTime, reason, thisUpdate, nextUpdate);

    /// <summary>An unknown status (the responder knows nothing about the certificate).</summary>
    /// <param name="thisUpdate">thisUpdate.</param>
    /// <param name="nextUpdate">nextUpdate, or <see langword="null"/> to omit it.</param>
    /// <returns>The status.</returns>
    public static CertStatusInfo Unknown(DateTimeOffset thisUpdate, DateTimeOffset? nextUpdate) =>
        new(CertStatus.Unknown, default, null, thisUpdate, nextUpdate);

    /// <summary>
    /// The RFC 6960 §2.2 answer for a serial the issuer never issued: revoked, certificateHold, revocationTime
    /// 1970-01-01T00:00:00Z. The response must also carry the Extended Revoked Definition extension
    /// (<see cref="ResponseDataFields.ExtendedRevokedDefinition"/>).
    /// </summary>
    /// <param name="thisUpdate">thisUpdate.</param>
    /// <param name="nextUpdate">nextUpdate, or <see langword="null"/> to omit it.</param>
    /// <returns>The status.</returns>
    public static CertStatusInfo NotIssued(DateTimeOffset thisUpdate, DateTimeOffset? nextUpdate) =>
        new(CertStatus.Revoked, NotIssuedRevocationTime, CrlReason.CertificateHold, thisUpdate, nextUpdate);

    /// <inheritdoc/>
    public bool Equals(CertStatusInfo other) =>
        Status == other.Status && RevocationTime == other.RevocationTime && _reason == other._reason
        && _thisUpdateTicks == other._thisUpdateTicks && _nextUpdateTicks == other._nextUpdateTicks;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CertStatusInfo other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Status, RevocationTime, _reason, _thisUpdateTicks, _nextUpdateTicks);

    /// <summary>Value equality.</summary>
    /// <param name="left">One value.</param>
    /// <param name="right">The other value.</param>
    /// <returns>Whether both are equal.</returns>
    public static bool operator ==(CertStatusInfo left, CertStatusInfo right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    /// <param name="left">One value.</param>
    /// <param name="right">The other value.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(CertStatusInfo left, CertStatusInfo right) => !left.Equals(right);
}
