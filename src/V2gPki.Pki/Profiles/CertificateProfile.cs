// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Pki.Identifiers;

namespace V2gPki.Pki.Profiles;

/// <summary>
/// Everything that decides the content of one kind of certificate for one ISO 15118 part: keys, signature, extensions,
/// subject rules, lifetime and size. Profiles come from <see cref="CertificateProfileCatalog"/>, which builds them from
/// one table; code that issues or checks certificates reads these fields instead of testing the kind.
/// </summary>
public sealed record CertificateProfile
{
    /// <summary>The kind of certificate.</summary>
    public required CertificateKind Kind { get; init; }

    /// <summary>The docs/architecture.md §2 name: <c>cpo-sub2</c>, <c>evse</c>, <c>cpo-sub2-ocsp</c>, …</summary>
    public required string Name { get; init; }

    /// <summary>The place in the hierarchy.</summary>
    public required CertificateRole Role { get; init; }

    /// <summary>The ISO 15118 part this profile belongs to.</summary>
    public required Iso15118Version Version { get; init; }

    /// <summary>The kind of the issuing CA; <see cref="CertificateKind.None"/> for a self-signed root.</summary>
    public required CertificateKind IssuerKind { get; init; }

    /// <summary>The subject key algorithms allowed (P-256 for ISO 15118-2; P-521 or Ed448 for -20).</summary>
    public required IReadOnlyList<KeyAlgorithm> AllowedKeyAlgorithms { get; init; }

    /// <summary>The certificate signature algorithms allowed; the issuer's key picks one.</summary>
    public required IReadOnlyList<SignatureAlgorithm> AllowedSignatureAlgorithms { get; init; }

    /// <summary>basicConstraints cA (the extension is always present and critical).</summary>
    public required bool IsCa { get; init; }

    /// <summary>basicConstraints pathLenConstraint; <see langword="null"/> for none (roots and end entities).</summary>
    public required int? PathLength { get; init; }

    /// <summary>
    /// The keyUsage bits wanted (always critical). The bits written are these, less those the subject key's algorithm
    /// forbids (<see cref="KeyAlgorithms.PermittedKeyUsage"/>): see <see cref="KeyUsageFor"/>.
    /// </summary>
    public required KeyUsageBits KeyUsage { get; init; }

    /// <summary>extKeyUsage purposes (non-critical); empty for none. Only OCSP signers have one (id-kp-OCSPSigning).</summary>
    public required IReadOnlyList<string> ExtendedKeyUsages { get; init; }

    /// <summary>Whether id-pkix-ocsp-nocheck (RFC 6960 §4.2.2.2.1) is present (OCSP signers).</summary>
    public required bool OcspNoCheck { get; init; }

    /// <summary>
    /// The identifier type the CN must hold (EVSE ID, SECC ID, EMAID, PCID); <see cref="IdType.None"/> when the CN is a
    /// free, non-empty name (CAs, signers, CPS leaves).
    /// </summary>
    public required IdType SubjectIdType { get; init; }

    /// <summary>Whether the subject must carry O (always, in our profiles).</summary>
    public required bool RequiresOrganization { get; init; }

    /// <summary>Whether the subject must carry C (SECC leaves and CAs; Hubject's contract and CPS leaves may omit it).</summary>
    public required bool RequiresCountry { get; init; }

    /// <summary>The DC value the profile writes (V2G, CPO, MO, OEM, CPS); never taken from a CSR.</summary>
    public required string DomainComponent { get; init; }

    /// <summary>The certificatePolicies OID (non-critical); <see langword="null"/> for none.</summary>
    public required string? CertificatePolicyOid { get; init; }

    /// <summary>An optional CPS URI qualifier of the policy.</summary>
    public required string? CertificatePolicyCpsUri { get; init; }

    /// <summary>Whether authorityKeyIdentifier is present (all but self-signed roots).</summary>
    public required bool IncludeAuthorityKeyId { get; init; }

    /// <summary>The AIA OCSP URL (non-critical); <see langword="null"/> for none (roots).</summary>
    public required string? OcspUrl { get; init; }

    /// <summary>The cRLDistributionPoints URL (non-critical); <see langword="null"/> for none (the default).</summary>
    public required string? CrlDistributionPointUrl { get; init; }

    /// <summary>The default lifetime; always capped at the issuer's notAfter.</summary>
    public required CertificateLifetime DefaultLifetime { get; init; }

    /// <summary>The largest DER certificate allowed: 800 bytes (ISO 15118-2) or 1600 (-20).</summary>
    public required int MaxDerSize { get; init; }

    /// <summary>The keyUsage bits to write for a subject key: <see cref="KeyUsage"/> less the bits the algorithm forbids.</summary>
    /// <param name="algorithm">The subject key's algorithm.</param>
    /// <returns>The bits to write.</returns>
    public KeyUsageBits KeyUsageFor(KeyAlgorithm algorithm) => KeyUsage & KeyAlgorithms.PermittedKeyUsage(algorithm);

    /// <summary>Whether the profile allows a subject key algorithm.</summary>
    /// <param name="algorithm">The algorithm.</param>
    /// <returns><see langword="true"/> when it is listed in <see cref="AllowedKeyAlgorithms"/>.</returns>
    public bool AllowsKey(KeyAlgorithm algorithm)
    {
        foreach (var allowed in AllowedKeyAlgorithms)
        {
            if (allowed == algorithm)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the profile allows a signature algorithm.</summary>
    /// <param name="algorithm">The algorithm.</param>
    /// <returns><see langword="true"/> when it is listed in <see cref="AllowedSignatureAlgorithms"/>.</returns>
    public bool AllowsSignature(SignatureAlgorithm algorithm)
    {
        foreach (var allowed in AllowedSignatureAlgorithms)
        {
            if (allowed == algorithm)
            {
                return true;
            }
        }

        return false;
    }
}
