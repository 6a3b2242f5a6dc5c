// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Listeners.Admin;

/// <summary>The answer to <c>GET /admin/v1/certificates/{ca}/{serial}</c>: the registry record, the issuer and the served response.</summary>
internal sealed class CertificateDetails
{
    /// <summary>The CA name.</summary>
    public required string Ca { get; init; }

    /// <summary>The serial, upper-case hex.</summary>
    public required string Serial { get; init; }

    /// <summary>The kind: <c>evse</c>, <c>contract</c>, <c>oem-prov</c>, <c>veh</c>, <c>cps</c>, <c>sub-ca</c>, <c>root</c>, <c>ocsp-signer</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The subject ID (EVSE ID, SECC ID, EMAID, PCID or CA name).</summary>
    public required string SubjectId { get; init; }

    /// <summary>The certificate's subject DN, when its DER is available.</summary>
    public string? Subject { get; init; }

    /// <summary>notBefore.</summary>
    public DateTimeOffset NotBefore { get; init; }

    /// <summary>notAfter.</summary>
    public DateTimeOffset NotAfter { get; init; }

    /// <summary>True when notAfter has passed.</summary>
    public bool Expired { get; init; }

    /// <summary>The status: <c>good</c>, <c>revoked</c> or <c>hold</c>.</summary>
    public required string Status { get; init; }

    /// <summary>The revocation time, when revoked or on hold.</summary>
    public DateTimeOffset? RevokedAt { get; init; }

    /// <summary>The RFC 5280 reason name, when revoked or on hold.</summary>
    public string? Reason { get; init; }

    /// <summary>The RFC 5280 reason code, when revoked or on hold.</summary>
    public int? ReasonCode { get; init; }

    /// <summary>The registry status version (1 at issuance, +1 per change).</summary>
    public long StatusVersion { get; init; }

    /// <summary>When the certificate was registered.</summary>
    public DateTimeOffset IssuedAt { get; init; }

    /// <summary>Who asked for it, when recorded.</summary>
    public string? Requester { get; init; }

    /// <summary>The SHA-256 of the certificate DER, lower-case hex.</summary>
    public string? CertificateSha256 { get; init; }

    /// <summary>The issuing CA.</summary>
    public required CaReference Issuer { get; init; }

    /// <summary>The pre-signed response the OCSP listener serves for it.</summary>
    public required ServingResponseDetails Ocsp { get; init; }
}
