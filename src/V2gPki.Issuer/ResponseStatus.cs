// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Ocsp;
using V2gPki.Store;

namespace V2gPki.Issuer;

/// <summary>The status a response attests, as the registry records it.</summary>
/// <param name="Status">Good, revoked or on hold.</param>
/// <param name="RevocationTime">When revoked or held; null when good.</param>
/// <param name="Reason">The RFC 5280 reason of a revocation (certificateHold for a hold, None when good).</param>
public readonly record struct ResponseStatus(CertificateStatus Status, DateTimeOffset? RevocationTime, RevocationReason Reason)
{
    /// <summary>Gets a good status.</summary>
    public static ResponseStatus Good => new(CertificateStatus.Good, null, RevocationReason.None);

    /// <summary>Reads the status of a registry record.</summary>
    /// <param name="record">The record.</param>
    /// <returns>The status.</returns>
    public static ResponseStatus From(CertificateRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new ResponseStatus(record.Status, record.RevocationTime, record.Status == CertificateStatus.Hold ? RevocationReason.CertificateHold : record.Reason);
    }

    /// <summary>Builds the OCSP certStatus with thisUpdate/nextUpdate.</summary>
    /// <param name="thisUpdate">thisUpdate.</param>
    /// <param name="nextUpdate">nextUpdate.</param>
    /// <returns>The status info.</returns>
    public CertStatusInfo ToCertStatusInfo(DateTimeOffset thisUpdate, DateTimeOffset nextUpdate) => Status switch
    {
        CertificateStatus.Good => CertStatusInfo.Good(thisUpdate, nextUpdate),
        CertificateStatus.Hold => CertStatusInfo.Revoked(RevocationTime ?? thisUpdate, CrlReason.CertificateHold, thisUpdate, nextUpdate),
        _ => CertStatusInfo.Revoked(RevocationTime ?? thisUpdate, ToCrlReason(Reason), thisUpdate, nextUpdate),
    };

    /// <summary>Maps a stored reason to the OCSP revocationReason (unspecified is left out, as RFC 5280 §5.3.1 recommends for CRLs).</summary>
    /// <param name="reason">The stored reason.</param>
    /// <returns>The CRL reason, or null to omit it.</returns>
    public static CrlReason? ToCrlReason(RevocationReason reason) => reason switch
    {
        RevocationReason.KeyCompromise => CrlReason.KeyCompromise,
        RevocationReason.CaCompromise => CrlReason.CACompromise,
        RevocationReason.AffiliationChanged => CrlReason.AffiliationChanged,
        RevocationReason.Superseded => CrlReason.Superseded,
        RevocationReason.CessationOfOperation => CrlReason.CessationOfOperation,
        RevocationReason.CertificateHold => CrlReason.CertificateHold,
        RevocationReason.PrivilegeWithdrawn => CrlReason.PrivilegeWithdrawn,
        RevocationReason.AaCompromise => CrlReason.AACompromise,
        _ => null,
    };
}
