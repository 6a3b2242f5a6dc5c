// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Pki.Csr;
using V2gPki.Pki.Issuance;

namespace V2gPki.Issuer.Worker;

/// <summary>The EST / contract service entry point: validated CSR → certificate (V2gPki.Pki) → registration with its first response.</summary>
public sealed partial class IssuingWorker
{
    /// <summary>
    /// Issues a certificate for a CSR that passed <c>CsrValidator</c> (lint of the exact TBS, HSM signature, verification in
    /// <see cref="CertificateIssuer"/>) and registers it with its first signed response. The task completes when the
    /// certificate is durably served as good; hand the certificate to the client only then.
    /// </summary>
    /// <param name="issuer">The certificate issuer.</param>
    /// <param name="csr">The validated CSR.</param>
    /// <param name="ca">The issuing CA (a Sub-CA 2).</param>
    /// <param name="requester">Who asked (account or party id).</param>
    /// <param name="requestedNotAfter">A requested end (contract end), or null for the profile's lifetime.</param>
    /// <param name="cancellationToken">Stops waiting for the registration.</param>
    /// <returns>The issuance and the registration.</returns>
    public async Task<IssuanceOutcome> IssueAndRegisterAsync(CertificateIssuer issuer, ValidatedCsr csr, IssuingCa ca, string requester = "",
        DateTimeOffset? requestedNotAfter = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(csr);
        ArgumentNullException.ThrowIfNull(ca);
        // A cheap refusal before the HSM signs; the authoritative count runs again with the registration, under the
        // subject's lock (RegisterNowAsync), so two concurrent enrollments cannot both pass the limit.
        if (_options.MaxLiveCertificatesPerSubject > 0 && CountLiveForSubject(csr.CommonName) >= _options.MaxLiveCertificatesPerSubject)
        {
            return new IssuanceOutcome(null, new RegistrationResult(RegistrationStatus.SubjectLimitReached, default, default));
        }

        var issuance = issuer.Issue(csr, ca, requestedNotAfter);
        if (!issuance.IsIssued)
        {
            return new IssuanceOutcome(issuance, default);
        }

        var registration = await RegisterAsync(new CertificateRegistration
        {
            CertificateDer = issuance.Certificate!.Der,
            Kind = CertificateKinds.FromProfile(issuance.Certificate.Profile),
            SubjectId = issuance.Certificate.CommonName,
            Requester = requester,
            ApplySubjectPolicy = true,
        }, cancellationToken).ConfigureAwait(false);
        return new IssuanceOutcome(issuance, registration);
    }
}
