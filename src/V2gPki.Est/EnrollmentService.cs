// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Issuer.Worker;
using V2gPki.Parties;
using V2gPki.Parties.Authorization;
using V2gPki.Pki;
using V2gPki.Pki.Csr;
using V2gPki.Pki.Hierarchy;
using V2gPki.Pki.Issuance;
using V2gPki.Pki.Profiles;
using V2gPki.Store;
using CertificateKind = V2gPki.Pki.Profiles.CertificateKind;

namespace V2gPki.Est;

/// <summary>
/// The EST enrollment service, HTTP-free (docs/architecture.md §3 EST enrollment): what an authenticated request at a
/// branch means. <c>{ca}</c> maps to the Sub-CA 2 of its branch in the data directory's hierarchy and to the profile of
/// its leaves; a CSR passes the profile's rules (<see cref="CsrValidator"/>: encoding, signature, key, names), then the
/// caller's authorization (<see cref="EnrollmentAuthorization"/>: role, then owned prefix), then the issuing worker
/// issues it through the HSM and registers it with its first OCSP response, committed before the answer. Every answer
/// is an <see cref="EstOutcome"/> with a reason a person can act on.
/// </summary>
public sealed class EnrollmentService
{
    /// <summary>The ISO version segment of the OPCP paths this hierarchy answers for.</summary>
    public const string Iso15118Part2 = "ISO15118-2";

    private readonly CaHierarchy _hierarchy;
    private readonly IssuingWorker _worker;
    private readonly CertificateIssuer _issuer;
    private readonly ICertificateRegistry _registry;
    private readonly TimeProvider _time;
    private readonly CsrValidator _validator;

    /// <summary>Creates the service.</summary>
    /// <param name="hierarchy">The data directory's CA hierarchy (its Sub-CA 2s issue; its chains are what <c>cacerts</c> answers).</param>
    /// <param name="worker">The running issuing worker (registration with the first OCSP response).</param>
    /// <param name="issuer">The certificate issuer (TBS lint, HSM signature, verification).</param>
    /// <param name="registry">The certificate registry (whether a certificate presented for renewal is still good).</param>
    /// <param name="time">The clock (validity of a certificate presented for renewal).</param>
    /// <param name="validator">The CSR rules; the default rules when null.</param>
    public EnrollmentService(CaHierarchy hierarchy, IssuingWorker worker, CertificateIssuer issuer, ICertificateRegistry registry, TimeProvider time, CsrValidator? validator = null)
    {
        _hierarchy = hierarchy ?? throw new ArgumentNullException(nameof(hierarchy));
        _worker = worker ?? throw new ArgumentNullException(nameof(worker));
        _issuer = issuer ?? throw new ArgumentNullException(nameof(issuer));
        _registry = registry ?? throw new ArgumentNullException(nameof(registry));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _validator = validator ?? new CsrValidator();
    }

    /// <summary>The leaf kind issued at a branch.</summary>
    /// <param name="branch">The branch.</param>
    /// <returns>The certificate kind; <see cref="CertificateKind.None"/> for no branch.</returns>
    public static CertificateKind KindOf(EnrollmentBranch branch) => branch switch
    {
        EnrollmentBranch.Cpo => CertificateKind.Evse,
        EnrollmentBranch.Mo => CertificateKind.Contract,
        EnrollmentBranch.Oem => CertificateKind.OemProvisioning,
        EnrollmentBranch.Vehicle => CertificateKind.Vehicle,
        EnrollmentBranch.Cps => CertificateKind.Cps,
        _ => CertificateKind.None,
    };

    /// <summary>
    /// Finds the CA and profile that issue at a branch for the ISO version and algorithm a path names (both optional).
    /// </summary>
    /// <param name="branch">The branch.</param>
    /// <param name="isoVersion">The path's ISO version segment (<c>ISO15118-2</c>, <c>ISO15118-20</c>), or null.</param>
    /// <param name="algorithm">The path's algorithm segment (<c>secp256r1</c>, …), or null.</param>
    /// <param name="ca">The issuing Sub-CA 2; null unless <see cref="EstOutcome.Ok"/>.</param>
    /// <param name="profile">The leaf profile; null unless <see cref="EstOutcome.Ok"/>.</param>
    /// <param name="reason">Why not; empty on <see cref="EstOutcome.Ok"/>.</param>
    /// <returns><see cref="EstOutcome.Ok"/>, <see cref="EstOutcome.NotFound"/> or <see cref="EstOutcome.NotSupported"/>.</returns>
    public EstOutcome TryResolve(EnrollmentBranch branch, string? isoVersion, string? algorithm, out IssuingCa? ca, out CertificateProfile? profile, out string reason)
    {
        ca = null;
        profile = null;
        var kind = KindOf(branch);
        if (kind == CertificateKind.None)
        {
            reason = "no such EST CA (cpo, mo, oem, veh or cps)";
            return EstOutcome.NotFound;
        }

        var name = EnrollmentBranches.Name(branch);
        if (CertificateProfileCatalog.UnsupportedReason(kind) is { } unsupported)
        {
            reason = $"{name}: {unsupported}";
            return EstOutcome.NotSupported;
        }

        var hierarchyVersion = _hierarchy.Version == Iso15118Version.Part20 ? "ISO15118-20" : Iso15118Part2;
        if (isoVersion is not null && !string.Equals(isoVersion, hierarchyVersion, StringComparison.OrdinalIgnoreCase))
        {
            reason = $"{name}: {isoVersion} is not supported by this hierarchy, which issues {hierarchyVersion} certificates";
            return EstOutcome.NotSupported;
        }

        if (!_hierarchy.TryGetIssuerFor(kind, out ca))
        {
            reason = $"{name}: this hierarchy has no CA for {kind} certificates";
            return EstOutcome.NotSupported;
        }

        profile = _hierarchy.GetProfile(kind);
        if (algorithm is not null && !AllowsAlgorithm(profile, algorithm))
        {
            reason = $"{name}: the algorithm {algorithm} is not supported by this hierarchy, which issues {KeyAlgorithms.Describe(profile.AllowedKeyAlgorithms)} certificates";
            ca = null;
            profile = null;
            return EstOutcome.NotSupported;
        }

        reason = string.Empty;
        return EstOutcome.Ok;
    }

    /// <summary>
    /// The CA certificates of a branch for <c>cacerts</c> (RFC 7030 §4.1.3): the issuing Sub-CA 2 first, its issuers
    /// after it and the root last (clients take the last certificate as the trust anchor and the rest as the chain).
    /// </summary>
    /// <param name="branch">The branch.</param>
    /// <param name="isoVersion">The path's ISO version segment, or null.</param>
    /// <param name="algorithm">The path's algorithm segment, or null.</param>
    /// <param name="certificates">The DER certificates in that order; empty unless <see cref="EstOutcome.Ok"/>.</param>
    /// <param name="reason">Why not; empty on <see cref="EstOutcome.Ok"/>.</param>
    /// <returns><see cref="EstOutcome.Ok"/>, <see cref="EstOutcome.NotFound"/> or <see cref="EstOutcome.NotSupported"/>.</returns>
    public EstOutcome TryGetCaCertificates(EnrollmentBranch branch, string? isoVersion, string? algorithm, out IReadOnlyList<ReadOnlyMemory<byte>> certificates, out string reason)
    {
        certificates = [];
        var outcome = TryResolve(branch, isoVersion, algorithm, out var ca, out _, out reason);
        if (outcome != EstOutcome.Ok)
        {
            return outcome;
        }

        var chain = _hierarchy.ChainOf(ca!.Name);
        var list = new ReadOnlyMemory<byte>[chain.Count];
        for (var i = 0; i < chain.Count; i++)
        {
            list[i] = chain[i].CertificateDer;
        }

        certificates = list;
        return EstOutcome.Ok;
    }

    /// <summary>
    /// Enrolls a CSR for an authenticated account (RFC 7030 §4.2.1 <c>simpleenroll</c>): the profile's CSR rules, the
    /// account's authorization for the CN, issuance through the HSM and registration with the first OCSP response. The
    /// returned certificate is durably served as good when the outcome is <see cref="EstOutcome.Ok"/>.
    /// </summary>
    /// <param name="account">The authenticated account.</param>
    /// <param name="branch">The branch asked at.</param>
    /// <param name="isoVersion">The path's ISO version segment, or null.</param>
    /// <param name="algorithm">The path's algorithm segment, or null.</param>
    /// <param name="csr">The DER PKCS#10 request (the listener decoded the body).</param>
    /// <param name="cancellationToken">Stops waiting for the registration (it may still complete).</param>
    /// <returns>The outcome, the certificate and the reason.</returns>
    public async Task<EnrollmentResult> EnrollAsync(PartyAccount account, EnrollmentBranch branch, string? isoVersion, string? algorithm,
        ReadOnlyMemory<byte> csr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var resolved = TryResolve(branch, isoVersion, algorithm, out var ca, out var profile, out var reason);
        if (resolved != EstOutcome.Ok)
        {
            return EnrollmentResult.Refused(resolved, reason);
        }

        // Authorization needs the CN the CSR rules normalised, so the rules run first; a caller who may not use the
        // branch at all is refused before the CSR is looked at.
        var role = EnrollmentAuthorization.DecideRole(account, branch);
        if (!role.IsAllowed)
        {
            return EnrollmentResult.Refused(EstOutcome.Forbidden, role.Reason);
        }

        var validated = _validator.Validate(csr, profile!);
        if (!validated.IsValid)
        {
            return EnrollmentResult.Refused(EstOutcome.BadRequest, validated.Error.Message);
        }

        var decision = EnrollmentAuthorization.Decide(account, branch, validated.Csr!.CommonName);
        if (!decision.IsAllowed)
        {
            return EnrollmentResult.Refused(decision.Outcome == AuthorizationOutcome.NotAnIdentifier ? EstOutcome.BadRequest : EstOutcome.Forbidden, decision.Reason);
        }

        return await IssueAsync(validated.Csr, ca!, account.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Renews a certificate (RFC 7030 §4.2.2 <c>simplereenroll</c>): the client authenticated in TLS with the certificate
    /// being renewed. It must have been issued by this branch's Sub-CA 2, be inside its validity and be <b>good in our
    /// registry</b> — a revoked or held certificate renews nothing, however valid its signature (the class of
    /// CVE-2020-25276) — and the CSR must pass the profile's rules and keep the certificate's subject. The holder of
    /// the certificate is its own authority: no account or prefix is involved.
    /// </summary>
    /// <param name="clientCertificate">The DER certificate of the TLS client.</param>
    /// <param name="branch">The branch asked at.</param>
    /// <param name="isoVersion">The path's ISO version segment, or null.</param>
    /// <param name="algorithm">The path's algorithm segment, or null.</param>
    /// <param name="csr">The DER PKCS#10 request.</param>
    /// <param name="cancellationToken">Stops waiting for the registration (it may still complete).</param>
    /// <returns>The outcome, the certificate and the reason.</returns>
    public async Task<EnrollmentResult> ReenrollAsync(ReadOnlyMemory<byte> clientCertificate, EnrollmentBranch branch, string? isoVersion, string? algorithm,
        ReadOnlyMemory<byte> csr, CancellationToken cancellationToken = default)
    {
        var resolved = TryResolve(branch, isoVersion, algorithm, out var ca, out var profile, out var reason);
        if (resolved != EstOutcome.Ok)
        {
            return EnrollmentResult.Refused(resolved, reason);
        }

        if (!Renewal.TryCheckCertificate(clientCertificate, ca!, _time.GetUtcNow(), out var current, out reason))
        {
            return EnrollmentResult.Refused(EstOutcome.Forbidden, reason);
        }

        var lookup = _registry.TryGetCertificate(new IssuerId(ca!.IssuerId), current!.Serial, out var record);
        switch (lookup)
        {
            case LookupStatus.Found when record!.Status == CertificateStatus.Good:
                break;
            case LookupStatus.Found:
                return EnrollmentResult.Refused(EstOutcome.Forbidden,
                    $"the certificate being renewed ({current.CommonName}, serial {Convert.ToHexString(current.Serial)}) is {(record!.Status == CertificateStatus.Hold ? "on hold" : "revoked")}; it cannot renew itself");
            case LookupStatus.NotFound:
                return EnrollmentResult.Refused(EstOutcome.Forbidden,
                    $"the certificate being renewed (serial {Convert.ToHexString(current.Serial)}) is not in this PKI's registry");
            default:
                return EnrollmentResult.Refused(EstOutcome.Busy, "the registry is not ready; try again shortly");
        }

        var validated = _validator.Validate(csr, profile!);
        if (!validated.IsValid)
        {
            return EnrollmentResult.Refused(EstOutcome.BadRequest, validated.Error.Message);
        }

        if (!Renewal.HasSameSubject(current, validated.Csr!, out reason))
        {
            return EnrollmentResult.Refused(EstOutcome.BadRequest, reason);
        }

        return await IssueAsync(validated.Csr!, ca, "renewal of " + Convert.ToHexString(current.Serial), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Issues through the HSM and registers with the first OCSP response; maps the worker's answer to an outcome.</summary>
    private async Task<EnrollmentResult> IssueAsync(ValidatedCsr csr, IssuingCa ca, string requester, CancellationToken cancellationToken)
    {
        var outcome = await _worker.IssueAndRegisterAsync(_issuer, csr, ca, requester, null, cancellationToken).ConfigureAwait(false);
        if (outcome.Succeeded)
        {
            var certificate = outcome.Issuance!.Certificate!;
            return new EnrollmentResult(EstOutcome.Ok, certificate.Der, string.Empty, certificate.CommonName, Convert.ToHexString(certificate.Serial));
        }

        if (outcome.SubjectLimitReached)
        {
            return EnrollmentResult.Refused(EstOutcome.SubjectLimitReached,
                $"{csr.CommonName} already has the most live certificates allowed for one ID ({_worker.MaxLiveCertificatesPerSubject}); revoke one or wait until one expires");
        }

        if (outcome.Issuance is not { IsIssued: true })
        {
            // The CSR passed the rules, so a refusal here is the issuer's (lint of the TBS, a CA that cannot sign, the clock).
            return EnrollmentResult.Refused(EstOutcome.InternalError, $"issuance failed: {outcome.Issuance?.Status}: {outcome.Issuance?.Message}");
        }

        return outcome.Registration.Status switch
        {
            RegistrationStatus.QueueFull => EnrollmentResult.Refused(EstOutcome.Busy, "the issuing queue is full; try again shortly"),
            RegistrationStatus.StoreNotReady or RegistrationStatus.ShuttingDown => EnrollmentResult.Refused(EstOutcome.Busy, "the issuer is not ready; try again shortly"),
            _ => EnrollmentResult.Refused(EstOutcome.InternalError, $"registering the certificate failed: {outcome.Registration.Status}"),
        };
    }

    /// <summary>Whether an OPCP algorithm segment names a key algorithm the profile allows (SEC 2 curve names, or Ed448).</summary>
    private static bool AllowsAlgorithm(CertificateProfile profile, string algorithm)
    {
        foreach (var allowed in profile.AllowedKeyAlgorithms)
        {
            var name = allowed switch
            {
                KeyAlgorithm.EcP256 => "secp256r1",
                KeyAlgorithm.EcP384 => "secp384r1",
                KeyAlgorithm.EcP521 => "secp521r1",
                KeyAlgorithm.Ed448 => "ed448",
                _ => null,
            };
            if (name is not null && string.Equals(name, algorithm, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
