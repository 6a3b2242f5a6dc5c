// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Diagnostics.CodeAnalysis;
using V2gPki.Pki.Issuance;

namespace V2gPki.Issuer.Worker;

/// <summary>The result of <see cref="IssuingWorker.IssueAndRegisterAsync"/>: the issuance and, when issued, its registration.</summary>
/// <param name="Issuance">
/// What the certificate issuer did (lint findings, refusal reason or the certificate); null when the subject policy
/// refused before issuing (<see cref="RegistrationStatus.SubjectLimitReached"/>).
/// </param>
/// <param name="Registration">The registration (default when nothing was issued).</param>
public sealed record IssuanceOutcome(IssuanceResult? Issuance, RegistrationResult Registration)
{
    /// <summary>Gets whether the certificate was issued, registered and is served as good.</summary>
    [MemberNotNullWhen(true, nameof(Issuance))]
    public bool Succeeded => Issuance is { IsIssued: true } && Registration.Succeeded;

    /// <summary>Gets whether the subject ID already had the most live certificates allowed (nothing was registered).</summary>
    public bool SubjectLimitReached => Registration.Status == RegistrationStatus.SubjectLimitReached;
}
