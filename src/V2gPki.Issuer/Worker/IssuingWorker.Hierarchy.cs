// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Pki.Certificates;
using V2gPki.Pki.Hierarchy;
using V2gPki.Store;

namespace V2gPki.Issuer.Worker;

/// <summary>Registration of the hierarchy's own certificates, so their status can be asked like any leaf's.</summary>
public sealed partial class IssuingWorker
{
    /// <summary>
    /// Registers every certificate of the hierarchy that the registry does not hold yet: each Sub-CA certificate
    /// (stations ask for the status of Sub-CA 2 and Sub-CA 1 as often as for their leaf, docs/architecture.md §3) and each
    /// own-key leaf (the CPS signing leaf). The root is a trust anchor and the delegated OCSP signers carry
    /// id-pkix-ocsp-nocheck, so neither is registered. Idempotent: a certificate already in the registry is skipped, so
    /// every start can call it. A registration that fails is logged and the others go on.
    /// </summary>
    /// <param name="hierarchy">The loaded hierarchy of the data directory.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>How many certificates were registered now.</returns>
    public async Task<int> RegisterHierarchyAsync(CaHierarchy hierarchy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hierarchy);
        var registered = 0;
        foreach (var ca in hierarchy.Cas)
        {
            if (hierarchy.Manifest.FindCa(ca.Name)?.Parent is not null
                && await RegisterIfMissingAsync(ca.CertificateDer, CertificateKind.SubCa, ca.Name, cancellationToken).ConfigureAwait(false))
            {
                registered++;
            }
        }

        foreach (var leaf in hierarchy.Manifest.Leaves)
        {
            if (hierarchy.TryGetLeaf(leaf.Name, out var own)
                && await RegisterIfMissingAsync(own.CertificateDer, CertificateKind.Cps, null, cancellationToken).ConfigureAwait(false))
            {
                registered++;
            }
        }

        return registered;
    }

    private async Task<bool> RegisterIfMissingAsync(ReadOnlyMemory<byte> der, CertificateKind kind, string? subjectId, CancellationToken cancellationToken)
    {
        var certificate = CertificateInfo.Parse(der);
        if (ResolveIssuer(certificate, out var issuer) != RegistrationStatus.Registered || issuer is null)
        {
            return false;
        }

        if (_registry.TryGetCertificate(issuer.Id, certificate.Serial, out _) != LookupStatus.NotFound)
        {
            return false;
        }

        var result = await RegisterAsync(new CertificateRegistration
        {
            CertificateDer = der,
            Kind = kind,
            SubjectId = subjectId,
            Requester = "hierarchy",
        }, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            IssuerLog.HierarchyRegistrationFailed(_logger, subjectId ?? certificate.CommonName, result.Status.ToString(), null);
        }

        return result.Succeeded;
    }
}
