// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Ocsp;

/// <summary>A <c>SingleResponse</c> (RFC 6960 §4.2.1): a CertID, its status and optional singleExtensions.</summary>
public readonly ref struct SingleResponse
{
    /// <summary>Creates a SingleResponse.</summary>
    /// <param name="certId">The CertID answered.</param>
    /// <param name="status">Its status, thisUpdate and nextUpdate.</param>
    /// <param name="extensions">singleExtensions as concatenated DER <c>Extension</c> elements (the contents of the
    /// Extensions SEQUENCE); empty to omit the field.</param>
    public SingleResponse(CertId certId, CertStatusInfo status, ReadOnlySpan<byte> extensions = default)
    {
        CertId = certId;
        StatusInfo = status;
        Extensions = extensions;
    }

    /// <summary>The CertID answered.</summary>
    public CertId CertId { get; }

    /// <summary>Status, revocation details, thisUpdate and nextUpdate together.</summary>
    public CertStatusInfo StatusInfo { get; }

    /// <summary>singleExtensions as concatenated DER <c>Extension</c> elements; empty when absent.</summary>
    public ReadOnlySpan<byte> Extensions { get; }

    /// <summary>good, revoked or unknown.</summary>
    public CertStatus Status => StatusInfo.Status;

    /// <summary>revocationTime (revoked only).</summary>
    public DateTimeOffset RevocationTime => StatusInfo.RevocationTime;

    /// <summary>revocationReason when present (revoked only).</summary>
    public CrlReason? RevocationReason => StatusInfo.RevocationReason;

    /// <summary>thisUpdate.</summary>
    public DateTimeOffset ThisUpdate => StatusInfo.ThisUpdate;

    /// <summary>nextUpdate when present.</summary>
    public DateTimeOffset? NextUpdate => StatusInfo.NextUpdate;
}
