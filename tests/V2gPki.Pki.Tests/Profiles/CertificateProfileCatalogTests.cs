// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Pki.Identifiers;
using V2gPki.Pki.Profiles;

namespace V2gPki.Pki.Tests.Profiles;

public class CertificateProfileCatalogTests
{
    private const KeyUsageBits Ca = KeyUsageBits.KeyCertSign | KeyUsageBits.CrlSign;
    private const KeyUsageBits DsKa = KeyUsageBits.DigitalSignature | KeyUsageBits.KeyAgreement;
    private const KeyUsageBits DsNrKa = KeyUsageBits.DigitalSignature | KeyUsageBits.NonRepudiation | KeyUsageBits.KeyAgreement;
    private const KeyUsageBits Ds = KeyUsageBits.DigitalSignature;

    // The table of docs/architecture.md §2/§10 and docs/iso15118.md §4, default options (V2G-rooted branches).
    public static TheoryData<string, CertificateKind, CertificateRole, CertificateKind, int?, KeyUsageBits, string, bool, string> Table => new()
    {
        { "v2g-root", CertificateKind.V2gRoot, CertificateRole.Root, CertificateKind.None, null, Ca, "V2G", true, "40 y" },
        { "cpo-sub1", CertificateKind.CpoSub1, CertificateRole.SubCa1, CertificateKind.V2gRoot, 1, Ca, "V2G", true, "20 y" },
        { "cpo-sub2", CertificateKind.CpoSub2, CertificateRole.SubCa2, CertificateKind.CpoSub1, 0, Ca, "V2G", true, "10 y" },
        { "mo-sub1", CertificateKind.MoSub1, CertificateRole.SubCa1, CertificateKind.V2gRoot, 1, Ca, "V2G", true, "20 y" },
        { "mo-sub2", CertificateKind.MoSub2, CertificateRole.SubCa2, CertificateKind.MoSub1, 0, Ca, "V2G", true, "10 y" },
        { "oem-sub1", CertificateKind.OemSub1, CertificateRole.SubCa1, CertificateKind.V2gRoot, 1, Ca, "V2G", true, "20 y" },
        { "oem-sub2", CertificateKind.OemSub2, CertificateRole.SubCa2, CertificateKind.OemSub1, 0, Ca, "V2G", true, "10 y" },
        { "cps-sub1", CertificateKind.CpsSub1, CertificateRole.SubCa1, CertificateKind.V2gRoot, 1, Ca, "V2G", true, "20 y" },
        { "cps-sub2", CertificateKind.CpsSub2, CertificateRole.SubCa2, CertificateKind.CpsSub1, 0, Ca, "V2G", true, "10 y" },
        { "evse", CertificateKind.Evse, CertificateRole.Leaf, CertificateKind.CpoSub2, null, DsKa, "CPO", true, "2 y" },
        { "contract", CertificateKind.Contract, CertificateRole.Leaf, CertificateKind.MoSub2, null, DsNrKa, "MO", false, "2 y" },
        { "oem-prov", CertificateKind.OemProvisioning, CertificateRole.Leaf, CertificateKind.OemSub2, null, DsKa, "OEM", false, "4 y" },
        { "cps", CertificateKind.Cps, CertificateRole.Leaf, CertificateKind.CpsSub2, null, Ds, "CPS", false, "1 y" },
        { "v2g-root-ocsp", CertificateKind.V2gRootOcsp, CertificateRole.OcspSigner, CertificateKind.V2gRoot, null, Ds, "V2G", true, "1 y" },
        { "cpo-sub1-ocsp", CertificateKind.CpoSub1Ocsp, CertificateRole.OcspSigner, CertificateKind.CpoSub1, null, Ds, "V2G", true, "1 y" },
        { "cpo-sub2-ocsp", CertificateKind.CpoSub2Ocsp, CertificateRole.OcspSigner, CertificateKind.CpoSub2, null, Ds, "V2G", true, "90 d" },
        { "mo-sub1-ocsp", CertificateKind.MoSub1Ocsp, CertificateRole.OcspSigner, CertificateKind.MoSub1, null, Ds, "V2G", true, "1 y" },
        { "mo-sub2-ocsp", CertificateKind.MoSub2Ocsp, CertificateRole.OcspSigner, CertificateKind.MoSub2, null, Ds, "V2G", true, "90 d" },
        { "oem-sub1-ocsp", CertificateKind.OemSub1Ocsp, CertificateRole.OcspSigner, CertificateKind.OemSub1, null, Ds, "V2G", true, "1 y" },
        { "oem-sub2-ocsp", CertificateKind.OemSub2Ocsp, CertificateRole.OcspSigner, CertificateKind.OemSub2, null, Ds, "V2G", true, "90 d" },
        { "cps-sub1-ocsp", CertificateKind.CpsSub1Ocsp, CertificateRole.OcspSigner, CertificateKind.CpsSub1, null, Ds, "V2G", true, "1 y" },
        { "cps-sub2-ocsp", CertificateKind.CpsSub2Ocsp, CertificateRole.OcspSigner, CertificateKind.CpsSub2, null, Ds, "V2G", true, "90 d" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void TryGet_EveryKindBothParts_MatchesTable(string name, CertificateKind kind, CertificateRole role, CertificateKind issuer, int? pathLength, KeyUsageBits keyUsage, string dc, bool requiresCountry, string lifetime)
    {
        foreach (var version in new[] { Iso15118Version.Part2, Iso15118Version.Part20 })
        {
            Assert.True(CertificateProfileCatalog.Default.TryGet(kind, version, out var profile));
            Assert.True(CertificateProfileCatalog.Default.TryGet(name, version, out var byName));
            Assert.Same(profile, byName);
            Assert.Equal(name, profile.Name);
            Assert.Equal(version, profile.Version);
            Assert.Equal(role, profile.Role);
            Assert.Equal(issuer, profile.IssuerKind);
            Assert.Equal(pathLength, profile.PathLength);
            Assert.Equal(role is CertificateRole.Root or CertificateRole.SubCa1 or CertificateRole.SubCa2, profile.IsCa);
            Assert.Equal(keyUsage, profile.KeyUsage);
            Assert.Equal(dc, profile.DomainComponent);
            Assert.True(profile.RequiresOrganization);
            Assert.Equal(requiresCountry, profile.RequiresCountry);
            Assert.Equal(lifetime, profile.DefaultLifetime.ToString());
            Assert.Equal(role != CertificateRole.Root, profile.IncludeAuthorityKeyId);
            Assert.Equal(role is CertificateRole.Root ? null : "http://localhost:8080", profile.OcspUrl);
            Assert.Null(profile.CrlDistributionPointUrl);
            Assert.Equal(role is CertificateRole.SubCa1 or CertificateRole.SubCa2 ? "1.3.6.1.4.1.41525.1.2.1.0" : null, profile.CertificatePolicyOid);
            Assert.Equal(role == CertificateRole.OcspSigner, profile.OcspNoCheck);
            Assert.Equal(role == CertificateRole.OcspSigner ? ["1.3.6.1.5.5.7.3.9"] : Array.Empty<string>(), profile.ExtendedKeyUsages);
        }
    }

    [Fact]
    public void AllowedAlgorithms_Part2_P256AndEcdsaSha256Max800()
    {
        foreach (var profile in CertificateProfileCatalog.Default.All)
        {
            if (profile.Version != Iso15118Version.Part2)
            {
                continue;
            }

            Assert.Equal([KeyAlgorithm.EcP256], profile.AllowedKeyAlgorithms);
            Assert.Equal([SignatureAlgorithm.EcdsaWithSha256], profile.AllowedSignatureAlgorithms);
            Assert.Equal(800, profile.MaxDerSize);
        }
    }

    [Fact]
    public void AllowedAlgorithms_Part20_P521OrEd448Max1600()
    {
        foreach (var profile in CertificateProfileCatalog.Default.All)
        {
            if (profile.Version != Iso15118Version.Part20)
            {
                continue;
            }

            Assert.Equal([KeyAlgorithm.EcP521, KeyAlgorithm.Ed448], profile.AllowedKeyAlgorithms);
            Assert.Equal([SignatureAlgorithm.EcdsaWithSha512, SignatureAlgorithm.Ed448], profile.AllowedSignatureAlgorithms);
            Assert.Equal(1600, profile.MaxDerSize);
        }
    }

    [Fact]
    public void All_DefaultOptions_22ProfilesPerPart()
    {
        Assert.Equal(44, CertificateProfileCatalog.Default.All.Count);
    }

    [Theory]
    [InlineData(CertificateKind.Evse, Iso15118Version.Part2, IdType.Evse)]
    [InlineData(CertificateKind.Evse, Iso15118Version.Part20, IdType.Secc)]
    [InlineData(CertificateKind.Contract, Iso15118Version.Part2, IdType.Emaid)]
    [InlineData(CertificateKind.Contract, Iso15118Version.Part20, IdType.Emaid)]
    [InlineData(CertificateKind.OemProvisioning, Iso15118Version.Part2, IdType.Pcid)]
    [InlineData(CertificateKind.OemProvisioning, Iso15118Version.Part20, IdType.Pcid)]
    [InlineData(CertificateKind.Cps, Iso15118Version.Part2, IdType.None)]
    [InlineData(CertificateKind.CpoSub2, Iso15118Version.Part2, IdType.None)]
    public void SubjectIdType_PerKindAndPart_IsTheIdentifierOfItsCn(CertificateKind kind, Iso15118Version version, IdType expected)
    {
        Assert.Equal(expected, CertificateProfileCatalog.Default.Get(kind, version).SubjectIdType);
    }

    [Fact]
    public void TryGet_Vehicle_NotSupportedWithReason()
    {
        Assert.False(CertificateProfileCatalog.Default.TryGet(CertificateKind.Vehicle, Iso15118Version.Part20, out _));
        Assert.False(CertificateProfileCatalog.Default.TryGet("veh", Iso15118Version.Part20, out _));
        Assert.Contains("not supported", CertificateProfileCatalog.UnsupportedReason(CertificateKind.Vehicle), StringComparison.Ordinal);
        Assert.Throws<NotSupportedException>(() => CertificateProfileCatalog.Default.Get(CertificateKind.Vehicle, Iso15118Version.Part20));
    }

    [Fact]
    public void TryGet_SeparateRootsOff_NoMoOrOemRoot()
    {
        Assert.False(CertificateProfileCatalog.Default.TryGet(CertificateKind.MoRoot, Iso15118Version.Part2, out _));
        Assert.Throws<KeyNotFoundException>(() => CertificateProfileCatalog.Default.Get(CertificateKind.OemRoot, Iso15118Version.Part2));
    }

    [Fact]
    public void Constructor_SeparateMoAndOemRoots_BranchesUnderOwnRootsWithOwnDc()
    {
        var catalog = new CertificateProfileCatalog(new ProfileOptions { SeparateMoRoot = true, SeparateOemRoot = true });
        var moRoot = catalog.Get(CertificateKind.MoRoot, Iso15118Version.Part2);
        Assert.Equal(CertificateRole.Root, moRoot.Role);
        Assert.Equal("MO", moRoot.DomainComponent);
        Assert.Equal(CertificateKind.MoRoot, catalog.Get(CertificateKind.MoSub1, Iso15118Version.Part2).IssuerKind);
        Assert.Equal("MO", catalog.Get(CertificateKind.MoSub2, Iso15118Version.Part2).DomainComponent);
        Assert.Equal(CertificateKind.OemRoot, catalog.Get(CertificateKind.OemSub1, Iso15118Version.Part2).IssuerKind);
        Assert.Equal("OEM", catalog.Get(CertificateKind.OemSub1, Iso15118Version.Part2).DomainComponent);
        Assert.Equal(CertificateKind.MoRoot, catalog.Get(CertificateKind.MoRootOcsp, Iso15118Version.Part2).IssuerKind);
        Assert.Equal("1 y", catalog.Get(CertificateKind.OemRootOcsp, Iso15118Version.Part2).DefaultLifetime.ToString());
        Assert.Equal(52, catalog.All.Count); // 11 CAs + 4 leaves + 11 signers per part
    }

    [Fact]
    public void Constructor_CustomOptions_Applied()
    {
        var catalog = new CertificateProfileCatalog(new ProfileOptions
        {
            CertificatePolicyOid = "1.2.3.4",
            CertificatePolicyCpsUri = "https://pki.example/cps",
            OcspUrl = "http://ocsp.example",
            CrlBaseUrl = "http://crl.example/",
            RootAndSubCa1Offline = false,
            EvseLifetime = CertificateLifetime.FromDays(60),
        });
        var evse = catalog.Get(CertificateKind.Evse, Iso15118Version.Part2);
        Assert.Equal("http://ocsp.example", evse.OcspUrl);
        Assert.Equal("http://crl.example/crl/cpo-sub2.crl", evse.CrlDistributionPointUrl);
        Assert.Equal("60 d", evse.DefaultLifetime.ToString());
        Assert.Null(evse.CertificatePolicyOid);
        var sub1 = catalog.Get(CertificateKind.CpoSub1, Iso15118Version.Part2);
        Assert.Equal("1.2.3.4", sub1.CertificatePolicyOid);
        Assert.Equal("https://pki.example/cps", sub1.CertificatePolicyCpsUri);
        Assert.Equal("http://crl.example/crl/v2g-root.crl", sub1.CrlDistributionPointUrl);
        Assert.Null(catalog.Get(CertificateKind.V2gRoot, Iso15118Version.Part2).CrlDistributionPointUrl);
        Assert.Null(catalog.Get(CertificateKind.CpoSub2Ocsp, Iso15118Version.Part2).CrlDistributionPointUrl);
        Assert.Equal("90 d", catalog.Get(CertificateKind.V2gRootOcsp, Iso15118Version.Part2).DefaultLifetime.ToString());
    }

    [Fact]
    public void Constructor_EmptyPolicyOid_NoPolicies()
    {
        var catalog = new CertificateProfileCatalog(new ProfileOptions { CertificatePolicyOid = "" });
        Assert.Null(catalog.Get(CertificateKind.CpoSub1, Iso15118Version.Part2).CertificatePolicyOid);
    }

    [Fact]
    public void KeyUsageFor_Ed448Secc_DropsKeyAgreement()
    {
        var evse = CertificateProfileCatalog.Default.Get(CertificateKind.Evse, Iso15118Version.Part20);
        Assert.Equal(KeyUsageBits.DigitalSignature, evse.KeyUsageFor(KeyAlgorithm.Ed448));
        Assert.Equal(KeyUsageBits.DigitalSignature | KeyUsageBits.KeyAgreement, evse.KeyUsageFor(KeyAlgorithm.EcP521));
    }
}
