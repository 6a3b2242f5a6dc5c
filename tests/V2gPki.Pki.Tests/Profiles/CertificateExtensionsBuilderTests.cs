// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using V2gPki.Pki.Profiles;

namespace V2gPki.Pki.Tests.Profiles;

public class CertificateExtensionsBuilderTests
{
    private const string BasicConstraints = "2.5.29.19";
    private const string KeyUsage = "2.5.29.15";
    private const string ExtKeyUsage = "2.5.29.37";
    private const string OcspNoCheck = "1.3.6.1.5.5.7.48.1.5";
    private const string Ski = "2.5.29.14";
    private const string Aki = "2.5.29.35";
    private const string Policies = "2.5.29.32";
    private const string Aia = "1.3.6.1.5.5.7.1.1";
    private const string CrlDp = "2.5.29.31";

    private static readonly byte[] IssuerKeyId = Hex.Parse("4102030405060708");

    public static TheoryData<string, int> AllProfiles()
    {
        var data = new TheoryData<string, int>();
        foreach (var p in CertificateProfileCatalog.Default.All)
        {
            data.Add(p.Name, (int)p.Version);
        }

        return data;
    }

    // The exact extension set per role, in order, with criticality (true = critical).
    private static (string Oid, bool Critical)[] Expected(CertificateRole role) => role switch
    {
        CertificateRole.Root => [(BasicConstraints, true), (KeyUsage, true), (Ski, false)],
        CertificateRole.SubCa1 or CertificateRole.SubCa2 => [(BasicConstraints, true), (KeyUsage, true), (Ski, false), (Aki, false), (Policies, false), (Aia, false)],
        CertificateRole.Leaf => [(BasicConstraints, true), (KeyUsage, true), (Ski, false), (Aki, false), (Aia, false)],
        CertificateRole.OcspSigner => [(BasicConstraints, true), (KeyUsage, true), (ExtKeyUsage, false), (OcspNoCheck, false), (Ski, false), (Aki, false), (Aia, false)],
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    [Theory]
    [MemberData(nameof(AllProfiles))]
    public void Build_EveryProfile_ExactExtensionSetAndCriticality(string name, int version)
    {
        var profile = Profile(name, version);
        foreach (var key in profile.AllowedKeyAlgorithms)
        {
            var spki = TestKeys.Spki(key);
            var extensions = CertificateExtensionsBuilder.Build(profile, spki, profile.IncludeAuthorityKeyId ? IssuerKeyId : null);
            var actual = new List<(string, bool)>();
            foreach (var oid in extensions.ExtensionOids)
            {
                actual.Add((oid.Id, extensions.GetExtension(oid).IsCritical));
            }

            Assert.Equal(Expected(profile.Role), actual);
            Assert.Equal(Hex.Of(KeyIdentifiers.Compute(spki)), Hex.Of(Value(extensions, Ski)[2..]));
        }
    }

    [Theory]
    [InlineData("v2g-root", "30030101FF", "03020106")]
    [InlineData("cpo-sub1", "30060101FF020101", "03020106")]
    [InlineData("mo-sub2", "30060101FF020100", "03020106")]
    [InlineData("evse", "3000", "03020388")]
    [InlineData("contract", "3000", "030203C8")]
    [InlineData("oem-prov", "3000", "03020388")]
    [InlineData("cps", "3000", "03020780")]
    [InlineData("cps-sub2-ocsp", "3000", "03020780")]
    public void Build_Part2_BasicConstraintsAndKeyUsageEncodings(string name, string basicConstraints, string keyUsage)
    {
        var extensions = Build(Profile(name, 2), KeyAlgorithm.EcP256);
        Assert.Equal(basicConstraints, Hex.Of(Value(extensions, BasicConstraints)));
        Assert.Equal(keyUsage, Hex.Of(Value(extensions, KeyUsage)));
    }

    [Fact]
    public void Build_Ed448Secc_KeyUsageDigitalSignatureOnly()
    {
        var extensions = Build(Profile("evse", 20), KeyAlgorithm.Ed448);
        Assert.Equal("03020780", Hex.Of(Value(extensions, KeyUsage)));
        Assert.Equal("03020388", Hex.Of(Value(Build(Profile("evse", 20), KeyAlgorithm.EcP521), KeyUsage)));
    }

    [Fact]
    public void Build_OcspSigner_EkuOcspSigningAndNoCheckNull()
    {
        var extensions = Build(Profile("mo-sub2-ocsp", 2), KeyAlgorithm.EcP256);
        Assert.Equal("300A06082B06010505070309", Hex.Of(Value(extensions, ExtKeyUsage)));
        Assert.Equal("0500", Hex.Of(Value(extensions, OcspNoCheck)));
    }

    [Fact]
    public void Build_SubCa_AkiPolicyAndAiaEncodings()
    {
        var extensions = Build(Profile("cpo-sub2", 2), KeyAlgorithm.EcP256);
        Assert.Equal("300A80084102030405060708", Hex.Of(Value(extensions, Aki)));

        // Hubject CP 1.3.6.1.4.1.41525.1.2.1.0 without qualifiers.
        Assert.Equal("3010300E060C2B0601040182C4350102010" + "0", Hex.Of(Value(extensions, Policies)));

        // One AccessDescription: id-ad-ocsp, uniformResourceIdentifier "http://localhost:8080".
        Assert.Equal("3023302106082B060105050730018615687474703A2F2F6C6F63616C686F73743A38303830", Hex.Of(Value(extensions, Aia)));
    }

    [Fact]
    public void Build_CrlBaseConfigured_CrlDistributionPointOfIssuer()
    {
        var catalog = new CertificateProfileCatalog(new ProfileOptions { CrlBaseUrl = "http://c.example", CertificatePolicyCpsUri = "https://p.example/" });
        var extensions = Build(catalog.Get(CertificateKind.Evse, Iso15118Version.Part2), KeyAlgorithm.EcP256);
        var dp = CrlDistPoint.GetInstance(Asn1Object.FromByteArray(Value(extensions, CrlDp)));
        var uri = (GeneralNames)dp.GetDistributionPoints()[0].DistributionPointName.Name;
        Assert.Equal("http://c.example/crl/cpo-sub2.crl", uri.GetNames()[0].Name.ToString());
        Assert.False(extensions.GetExtension(new DerObjectIdentifier(CrlDp)).IsCritical);

        var sub = Build(catalog.Get(CertificateKind.CpoSub1, Iso15118Version.Part2), KeyAlgorithm.EcP256);
        var policies = CertificatePolicies.GetInstance(Asn1Object.FromByteArray(Value(sub, Policies)));
        var info = policies.GetPolicyInformation()[0];
        Assert.Equal("1.3.6.1.4.1.41525.1.2.1.0", info.PolicyIdentifier.Id);
        Assert.Equal("https://p.example/", PolicyQualifierInfo.GetInstance(info.PolicyQualifiers[0]).Qualifier.ToString());
    }

    [Fact]
    public void Build_KeyNotAllowed_Throws()
    {
        Assert.Throws<ArgumentException>(() => Build(Profile("evse", 2), KeyAlgorithm.EcP384));
        Assert.Throws<ArgumentException>(() => Build(Profile("evse", 2), KeyAlgorithm.EcP521));
        Assert.Throws<ArgumentException>(() => Build(Profile("evse", 20), KeyAlgorithm.EcP256));
    }

    [Fact]
    public void Build_MissingIssuerKeyId_Throws()
    {
        Assert.Throws<ArgumentException>(() => CertificateExtensionsBuilder.Build(Profile("evse", 2), TestKeys.Spki(KeyAlgorithm.EcP256), null));
        Assert.NotNull(CertificateExtensionsBuilder.Build(Profile("v2g-root", 2), TestKeys.Spki(KeyAlgorithm.EcP256), null));
    }

    private static CertificateProfile Profile(string name, int version) =>
        CertificateProfileCatalog.Default.TryGet(name, (Iso15118Version)version, out var p) ? p : throw new InvalidOperationException(name);

    private static X509Extensions Build(CertificateProfile profile, KeyAlgorithm key) =>
        CertificateExtensionsBuilder.Build(profile, TestKeys.Spki(key), profile.IncludeAuthorityKeyId ? IssuerKeyId : null);

    private static byte[] Value(X509Extensions extensions, string oid) =>
        extensions.GetExtension(new DerObjectIdentifier(oid)).Value.GetOctets();
}
