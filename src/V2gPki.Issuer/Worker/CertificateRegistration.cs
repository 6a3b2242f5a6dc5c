// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Store;

namespace V2gPki.Issuer.Worker;

/// <summary>A certificate already issued (by <c>CertificateIssuer</c>, or imported) to register with its first response.</summary>
public sealed class CertificateRegistration
{
    /// <summary>Gets the certificate DER.</summary>
    public required ReadOnlyMemory<byte> CertificateDer { get; init; }

    /// <summary>Gets what the certificate is (leaf kind, Sub-CA, signer).</summary>
    public required CertificateKind Kind { get; init; }

    /// <summary>Gets the subject ID to record (EVSE ID, EMAID, PCID, CA name); null takes the subject commonName.</summary>
    public string? SubjectId { get; init; }

    /// <summary>Gets who asked for it (account or party id), or empty.</summary>
    public string Requester { get; init; } = string.Empty;

    /// <summary>
    /// Gets a value indicating whether the subject policy applies (<see cref="IssuerOptions.MaxLiveCertificatesPerSubject"/>
    /// checked atomically with the registration, <see cref="IssuerOptions.SupersedeAfter"/> run after it): true for
    /// certificates issued on request (<see cref="IssuingWorker.IssueAndRegisterAsync"/>), false for imports.
    /// </summary>
    public bool ApplySubjectPolicy { get; init; }

    /// <summary>Gets the status to register it with (imports of revoked certificates); null for good.</summary>
    public ResponseStatus? InitialStatus { get; init; }
}
