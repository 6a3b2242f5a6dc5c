// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Store;

/// <summary>A registry record: what the store knows about one issued certificate (its DER is kept apart).</summary>
public sealed class CertificateRecord
{
    /// <summary>Gets the issuing CA.</summary>
    public required IssuerId Issuer { get; init; }

    /// <summary>Gets the serial number, DER INTEGER content octets.</summary>
    public required ReadOnlyMemory<byte> Serial { get; init; }

    /// <summary>Gets what the certificate is.</summary>
    public required CertificateKind Kind { get; init; }

    /// <summary>Gets the subject ID (EVSE ID, SECC ID, EMAID, PCID or CA name), at most 64 characters.</summary>
    public required string SubjectId { get; init; }

    /// <summary>Gets notBefore.</summary>
    public required DateTimeOffset NotBefore { get; init; }

    /// <summary>Gets notAfter.</summary>
    public required DateTimeOffset NotAfter { get; init; }

    /// <summary>Gets the revocation status.</summary>
    public CertificateStatus Status { get; init; }

    /// <summary>Gets the revocation time, when <see cref="Status"/> is not <see cref="CertificateStatus.Good"/>.</summary>
    public DateTimeOffset? RevocationTime { get; init; }

    /// <summary>Gets the revocation reason (<see cref="RevocationReason.None"/> when good).</summary>
    public RevocationReason Reason { get; init; } = RevocationReason.None;

    /// <summary>
    /// Gets the status version: 1 at issuance, incremented by every status change. A re-signed response names the version
    /// it was signed for and is refused when the status has changed since (so a late 'good' can never overwrite 'revoked').
    /// </summary>
    public uint StatusVersion { get; init; }

    /// <summary>Gets when the certificate was issued (issuance metadata).</summary>
    public DateTimeOffset IssuedAt { get; init; }

    /// <summary>Gets who asked for it (an account or party id; issuance metadata), or empty.</summary>
    public string Requester { get; init; } = string.Empty;

    /// <summary>Gets the SHA-256 of the certificate DER (links the record to the certificate store; computed by the store).</summary>
    public ReadOnlyMemory<byte> CertificateSha256 { get; init; }
}
