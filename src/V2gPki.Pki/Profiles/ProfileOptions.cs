// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Pki.Profiles;

/// <summary>
/// The configurable parts of the certificate profiles (docs/architecture.md §10: all validities configurable;
/// certificatePolicies OID configurable; CRL distribution points off by default). Plain settable properties so the
/// configuration-binder source generator can bind them under NativeAOT.
/// </summary>
public sealed class ProfileOptions
{
    /// <summary>The Hubject V2G PKI certificate policy OID, the default of <see cref="CertificatePolicyOid"/>.</summary>
    public const string HubjectCertificatePolicyOid = "1.3.6.1.4.1.41525.1.2.1.0";

    /// <summary>
    /// The certificatePolicies OID put into Sub-CA certificates (as in the Hubject hierarchy); empty or
    /// <see langword="null"/> leaves the extension out.
    /// </summary>
    public string? CertificatePolicyOid { get; set; } = HubjectCertificatePolicyOid;

    /// <summary>An optional CPS URI qualifier for the policy (Hubject's Sub-CAs carry one); off by default to keep certificates small.</summary>
    public string? CertificatePolicyCpsUri { get; set; }

    /// <summary>
    /// The OCSP responder URL put into the AIA of every certificate below the root (plain HTTP, RFC 5019; one responder
    /// answers for every issuer).
    /// </summary>
    public string OcspUrl { get; set; } = "http://localhost:8080";

    /// <summary>
    /// Base URL of the CRL distribution points (<c>&lt;base&gt;/crl/&lt;issuer-ca-name&gt;.crl</c>); <see langword="null"/>
    /// (the default) leaves cRLDistributionPoints out (certificates must stay ≤ 800 bytes; Hubject carries only AIA).
    /// </summary>
    public string? CrlBaseUrl { get; set; }

    /// <summary>Whether the MO branch has its own root <c>mo-root</c> instead of being issued by <c>v2g-root</c>.</summary>
    public bool SeparateMoRoot { get; set; }

    /// <summary>Whether the OEM branch has its own root <c>oem-root</c> instead of being issued by <c>v2g-root</c>.</summary>
    public bool SeparateOemRoot { get; set; }

    /// <summary>
    /// Whether roots and Sub-CA 1s are offline CAs (production): their OCSP signers then get
    /// <see cref="OfflineCaOcspSignerLifetime"/>, since a signer of an offline CA is issued in a ceremony.
    /// </summary>
    public bool RootAndSubCa1Offline { get; set; } = true;

    /// <summary>V2G (and MO/OEM) root lifetime: 40 years (Hubject: "A V2G Root CA is always valid for 40 Years").</summary>
    public CertificateLifetime RootLifetime { get; set; } = CertificateLifetime.FromYears(40);

    /// <summary>Sub-CA 1 lifetime: 20 years.</summary>
    public CertificateLifetime SubCa1Lifetime { get; set; } = CertificateLifetime.FromYears(20);

    /// <summary>Sub-CA 2 lifetime: 10 years.</summary>
    public CertificateLifetime SubCa2Lifetime { get; set; } = CertificateLifetime.FromYears(10);

    /// <summary>SECC leaf lifetime: 2 years.</summary>
    public CertificateLifetime EvseLifetime { get; set; } = CertificateLifetime.FromYears(2);

    /// <summary>Contract leaf lifetime when no contract end is requested: 2 years.</summary>
    public CertificateLifetime ContractLifetime { get; set; } = CertificateLifetime.FromYears(2);

    /// <summary>OEM provisioning leaf lifetime: 4 years.</summary>
    public CertificateLifetime OemProvisioningLifetime { get; set; } = CertificateLifetime.FromYears(4);

    /// <summary>CPS leaf lifetime: 1 year.</summary>
    public CertificateLifetime CpsLifetime { get; set; } = CertificateLifetime.FromYears(1);

    /// <summary>Delegated OCSP signer lifetime for online CAs: 90 days.</summary>
    public CertificateLifetime OcspSignerLifetime { get; set; } = CertificateLifetime.FromDays(90);

    /// <summary>Delegated OCSP signer lifetime for offline CAs: 1 year.</summary>
    public CertificateLifetime OfflineCaOcspSignerLifetime { get; set; } = CertificateLifetime.FromYears(1);
}
