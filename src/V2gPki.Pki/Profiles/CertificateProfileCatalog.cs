// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Diagnostics.CodeAnalysis;
using V2gPki.Pki.Identifiers;

namespace V2gPki.Pki.Profiles;

/// <summary>
/// All certificate profiles for both ISO 15118 parts, built from one table (docs/architecture.md §2, §10;
/// docs/iso15118.md §4): a row per CA and leaf kind, the role defaults (basicConstraints, keyUsage, which extensions)
/// and the per-version algorithms and size limits. Every CA gets a delegated OCSP signer profile
/// (<c>&lt;ca&gt;-ocsp</c>). The ISO 15118-20 vehicle certificate (<c>veh</c>) has no public profile and is reported as
/// not supported.
/// </summary>
public sealed class CertificateProfileCatalog
{
    /// <summary>id-kp-OCSPSigning (RFC 5280 §4.2.1.12).</summary>
    public const string OcspSigningOid = "1.3.6.1.5.5.7.3.9";

    private const int OcspKindOffset = 40;

    private readonly Dictionary<(CertificateKind, Iso15118Version), CertificateProfile> _byKind = [];
    private readonly Dictionary<(string, Iso15118Version), CertificateProfile> _byName = [];
    private readonly List<CertificateProfile> _all = [];

    /// <summary>Builds the catalog from options.</summary>
    /// <param name="options">The configurable parts; <see langword="null"/> for the defaults.</param>
    public CertificateProfileCatalog(ProfileOptions? options = null)
    {
        Options = options ?? new ProfileOptions();
        foreach (var version in (ReadOnlySpan<Iso15118Version>)[Iso15118Version.Part2, Iso15118Version.Part20])
        {
            var rows = Rows(Options);
            foreach (var row in rows)
            {
                Add(Create(row, version, rows));
                if (row.Role is CertificateRole.Root or CertificateRole.SubCa1 or CertificateRole.SubCa2)
                {
                    Add(CreateOcspSigner(row, version));
                }
            }
        }
    }

    /// <summary>A catalog with the default options.</summary>
    public static CertificateProfileCatalog Default { get; } = new();

    /// <summary>The options the catalog was built from.</summary>
    public ProfileOptions Options { get; }

    /// <summary>Every profile, per version in table order.</summary>
    public IReadOnlyList<CertificateProfile> All => _all;

    /// <summary>Why a kind has no profile, or <see langword="null"/> when it may have one.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>A message for the caller.</returns>
    public static string? UnsupportedReason(CertificateKind kind) => kind switch
    {
        CertificateKind.Vehicle => "the ISO 15118-20 vehicle certificate ('veh') has no public profile yet and is not supported",
        CertificateKind.None => "no certificate kind given",
        _ => null,
    };

    /// <summary>Looks a profile up by kind and ISO 15118 part.</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="version">The ISO 15118 part.</param>
    /// <param name="profile">The profile, or <see langword="null"/>.</param>
    /// <returns><see langword="false"/> for <c>veh</c> and for a separate root that is not configured.</returns>
    public bool TryGet(CertificateKind kind, Iso15118Version version, [NotNullWhen(true)] out CertificateProfile? profile) =>
        _byKind.TryGetValue((kind, version), out profile);

    /// <summary>Looks a profile up by its docs/architecture.md §2 name (<c>evse</c>, <c>cpo-sub2</c>, <c>mo-sub1-ocsp</c>, …).</summary>
    /// <param name="name">The name (case-sensitive, as in docs/architecture.md §2).</param>
    /// <param name="version">The ISO 15118 part.</param>
    /// <param name="profile">The profile, or <see langword="null"/>.</param>
    /// <returns>Whether a profile of that name exists.</returns>
    public bool TryGet(string name, Iso15118Version version, [NotNullWhen(true)] out CertificateProfile? profile) =>
        _byName.TryGetValue((name, version), out profile);

    /// <summary>Gets a profile, throwing when there is none (configuration errors at start-up).</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="version">The ISO 15118 part.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="NotSupportedException">The kind has no profile (<c>veh</c>).</exception>
    /// <exception cref="KeyNotFoundException">The kind is not configured (a separate root that is off).</exception>
    public CertificateProfile Get(CertificateKind kind, Iso15118Version version)
    {
        if (TryGet(kind, version, out var profile))
        {
            return profile;
        }

        var reason = UnsupportedReason(kind);
        throw reason is not null
            ? new NotSupportedException(reason)
            : new KeyNotFoundException($"no profile for {kind} ({version}) in this configuration");
    }

    private void Add(CertificateProfile profile)
    {
        _byKind.Add((profile.Kind, profile.Version), profile);
        _byName.Add((profile.Name, profile.Version), profile);
        _all.Add(profile);
    }

    // The table: CAs (docs/architecture.md §2; separate MO/OEM roots by configuration), then the leaves.
    private static List<Row> Rows(ProfileOptions o)
    {
        var moTop = o.SeparateMoRoot ? CertificateKind.MoRoot : CertificateKind.V2gRoot;
        var oemTop = o.SeparateOemRoot ? CertificateKind.OemRoot : CertificateKind.V2gRoot;

        // Hubject: V2G-anchored Sub-CAs carry DC=V2G; a branch under its own root carries its own DC (SwitchEV).
        var moDc = o.SeparateMoRoot ? "MO" : "V2G";
        var oemDc = o.SeparateOemRoot ? "OEM" : "V2G";
        const KeyUsageBits Ca = KeyUsageBits.KeyCertSign | KeyUsageBits.CrlSign;
        const KeyUsageBits DsKa = KeyUsageBits.DigitalSignature | KeyUsageBits.KeyAgreement;

        // SwitchEV gives the contract leaf keyEncipherment as well; RFC 5480 §3 forbids it for EC keys, so it is left out.
        const KeyUsageBits Contract = KeyUsageBits.DigitalSignature | KeyUsageBits.NonRepudiation | KeyUsageBits.KeyAgreement;

        var rows = new List<Row>
        {
            new(CertificateKind.V2gRoot, "v2g-root", CertificateRole.Root, CertificateKind.None, "V2G", IdType.None, IdType.None, true, Ca, o.RootLifetime),
            new(CertificateKind.CpoSub1, "cpo-sub1", CertificateRole.SubCa1, CertificateKind.V2gRoot, "V2G", IdType.None, IdType.None, true, Ca, o.SubCa1Lifetime),
            new(CertificateKind.CpoSub2, "cpo-sub2", CertificateRole.SubCa2, CertificateKind.CpoSub1, "V2G", IdType.None, IdType.None, true, Ca, o.SubCa2Lifetime),
        };
        if (o.SeparateMoRoot)
        {
            rows.Add(new(CertificateKind.MoRoot, "mo-root", CertificateRole.Root, CertificateKind.None, "MO", IdType.None, IdType.None, true, Ca, o.RootLifetime));
        }

        rows.Add(new(CertificateKind.MoSub1, "mo-sub1", CertificateRole.SubCa1, moTop, moDc, IdType.None, IdType.None, true, Ca, o.SubCa1Lifetime));
        rows.Add(new(CertificateKind.MoSub2, "mo-sub2", CertificateRole.SubCa2, CertificateKind.MoSub1, moDc, IdType.None, IdType.None, true, Ca, o.SubCa2Lifetime));
        if (o.SeparateOemRoot)
        {
            rows.Add(new(CertificateKind.OemRoot, "oem-root", CertificateRole.Root, CertificateKind.None, "OEM", IdType.None, IdType.None, true, Ca, o.RootLifetime));
        }

        rows.Add(new(CertificateKind.OemSub1, "oem-sub1", CertificateRole.SubCa1, oemTop, oemDc, IdType.None, IdType.None, true, Ca, o.SubCa1Lifetime));
        rows.Add(new(CertificateKind.OemSub2, "oem-sub2", CertificateRole.SubCa2, CertificateKind.OemSub1, oemDc, IdType.None, IdType.None, true, Ca, o.SubCa2Lifetime));
        rows.Add(new(CertificateKind.CpsSub1, "cps-sub1", CertificateRole.SubCa1, CertificateKind.V2gRoot, "V2G", IdType.None, IdType.None, true, Ca, o.SubCa1Lifetime));
        rows.Add(new(CertificateKind.CpsSub2, "cps-sub2", CertificateRole.SubCa2, CertificateKind.CpsSub1, "V2G", IdType.None, IdType.None, true, Ca, o.SubCa2Lifetime));

        // Leaves: CN identifier type per part (the -20 SECC carries a SECC ID); C required only where Hubject requires it.
        rows.Add(new(CertificateKind.Evse, "evse", CertificateRole.Leaf, CertificateKind.CpoSub2, "CPO", IdType.Evse, IdType.Secc, true, DsKa, o.EvseLifetime));
        rows.Add(new(CertificateKind.Contract, "contract", CertificateRole.Leaf, CertificateKind.MoSub2, "MO", IdType.Emaid, IdType.Emaid, false, Contract, o.ContractLifetime));
        rows.Add(new(CertificateKind.OemProvisioning, "oem-prov", CertificateRole.Leaf, CertificateKind.OemSub2, "OEM", IdType.Pcid, IdType.Pcid, false, DsKa, o.OemProvisioningLifetime));
        rows.Add(new(CertificateKind.Cps, "cps", CertificateRole.Leaf, CertificateKind.CpsSub2, "CPS", IdType.None, IdType.None, false, KeyUsageBits.DigitalSignature, o.CpsLifetime));
        return rows;
    }

    private CertificateProfile Create(Row row, Iso15118Version version, List<Row> rows)
    {
        var isCa = row.Role is CertificateRole.Root or CertificateRole.SubCa1 or CertificateRole.SubCa2;
        var belowRoot = row.Role != CertificateRole.Root;
        var policy = row.Role is CertificateRole.SubCa1 or CertificateRole.SubCa2 && !string.IsNullOrEmpty(Options.CertificatePolicyOid)
            ? Options.CertificatePolicyOid
            : null;
        return new CertificateProfile
        {
            Kind = row.Kind,
            Name = row.Name,
            Role = row.Role,
            Version = version,
            IssuerKind = row.Issuer,
            AllowedKeyAlgorithms = KeysFor(version),
            AllowedSignatureAlgorithms = SignaturesFor(version),
            IsCa = isCa,
            PathLength = row.Role switch
            {
                CertificateRole.SubCa1 => 1,
                CertificateRole.SubCa2 => 0,
                _ => null,
            },
            KeyUsage = row.KeyUsage,
            ExtendedKeyUsages = [],
            OcspNoCheck = false,
            SubjectIdType = version == Iso15118Version.Part20 ? row.IdTypePart20 : row.IdTypePart2,
            RequiresOrganization = true,
            RequiresCountry = row.RequiresCountry,
            DomainComponent = row.Dc,
            CertificatePolicyOid = policy,
            CertificatePolicyCpsUri = policy is null ? null : Options.CertificatePolicyCpsUri,
            IncludeAuthorityKeyId = belowRoot,
            OcspUrl = belowRoot ? Options.OcspUrl : null,
            CrlDistributionPointUrl = belowRoot ? CrlUrl(NameOf(row.Issuer, rows)) : null,
            DefaultLifetime = row.Lifetime,
            MaxDerSize = MaxSizeFor(version),
        };
    }

    // The delegated OCSP signer of a CA: KU digitalSignature, EKU id-kp-OCSPSigning, id-pkix-ocsp-nocheck. Like every
    // certificate below the root it carries the AIA OCSP URL (docs/architecture.md §10): clients that follow AIA blindly
    // find the responder, and ocsp-nocheck (RFC 6960 §4.2.2.2.1) still tells them not to ask about the signer itself.
    // No CRL DP.
    private CertificateProfile CreateOcspSigner(Row ca, Iso15118Version version)
    {
        var offline = Options.RootAndSubCa1Offline && ca.Role is CertificateRole.Root or CertificateRole.SubCa1;
        return new CertificateProfile
        {
            Kind = (CertificateKind)((int)ca.Kind + OcspKindOffset),
            Name = ca.Name + "-ocsp",
            Role = CertificateRole.OcspSigner,
            Version = version,
            IssuerKind = ca.Kind,
            AllowedKeyAlgorithms = KeysFor(version),
            AllowedSignatureAlgorithms = SignaturesFor(version),
            IsCa = false,
            PathLength = null,
            KeyUsage = KeyUsageBits.DigitalSignature,
            ExtendedKeyUsages = [OcspSigningOid],
            OcspNoCheck = true,
            SubjectIdType = IdType.None,
            RequiresOrganization = true,
            RequiresCountry = true,
            DomainComponent = ca.Dc,
            CertificatePolicyOid = null,
            CertificatePolicyCpsUri = null,
            IncludeAuthorityKeyId = true,
            OcspUrl = Options.OcspUrl,
            CrlDistributionPointUrl = null,
            DefaultLifetime = offline ? Options.OfflineCaOcspSignerLifetime : Options.OcspSignerLifetime,
            MaxDerSize = MaxSizeFor(version),
        };
    }

    private string? CrlUrl(string issuerName) =>
        string.IsNullOrEmpty(Options.CrlBaseUrl) ? null : $"{Options.CrlBaseUrl.TrimEnd('/')}/crl/{issuerName}.crl";

    private static string NameOf(CertificateKind kind, List<Row> rows)
    {
        foreach (var row in rows)
        {
            if (row.Kind == kind)
            {
                return row.Name;
            }
        }

        return string.Empty;
    }

    private static KeyAlgorithm[] KeysFor(Iso15118Version version) =>
        version == Iso15118Version.Part20 ? [KeyAlgorithm.EcP521, KeyAlgorithm.Ed448] : [KeyAlgorithm.EcP256];

    private static SignatureAlgorithm[] SignaturesFor(Iso15118Version version) =>
        version == Iso15118Version.Part20 ? [SignatureAlgorithm.EcdsaWithSha512, SignatureAlgorithm.Ed448] : [SignatureAlgorithm.EcdsaWithSha256];

    private static int MaxSizeFor(Iso15118Version version) => version == Iso15118Version.Part20 ? 1600 : 800;

    private readonly record struct Row(
        CertificateKind Kind,
        string Name,
        CertificateRole Role,
        CertificateKind Issuer,
        string Dc,
        IdType IdTypePart2,
        IdType IdTypePart20,
        bool RequiresCountry,
        KeyUsageBits KeyUsage,
        CertificateLifetime Lifetime);
}
