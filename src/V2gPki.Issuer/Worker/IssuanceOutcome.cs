// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Pki.Issuance;

namespace V2gPki.Issuer.Worker;

/// <summary>The result of <see cref="IssuingWorker.IssueAndRegisterAsync"/>: the issuance and, when issued, its registration.</summary>
/// <param name="Issuance">What the certificate issuer did (lint findings, refusal reason or the certificate).</param>
/// <param name="Registration">The registration (default when nothing was issued).</param>
public sealed record IssuanceOutcome(IssuanceResult Issuance, RegistrationResult Registration)
{
    /// <summary>Gets whether the certificate was issued, registered and is served as good.</summary>
    public bool Succeeded => Issuance.IsIssued && Registration.Succeeded;
}
