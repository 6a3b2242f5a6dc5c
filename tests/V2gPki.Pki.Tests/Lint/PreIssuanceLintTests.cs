// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using V2gPki.Pki.Lint;
using V2gPki.Pki.Profiles;

namespace V2gPki.Pki.Tests.Lint;

public class PreIssuanceLintTests
{
    private static readonly CertificateProfile Evse = CertificateProfileCatalog.Default.Get(CertificateKind.Evse, Iso15118Version.Part2);

    // One issuer for the mutation tests: a P-256 Sub-CA 2 valid 2025-06-01 … 2035-06-01.
    private static readonly TestCa Sub2 = MakeIssuer();

    public static TheoryData<string, int> AllProfiles()
    {
        var data = new TheoryData<string, int>();
        foreach (var p in CertificateProfileCatalog.Default.All)
        {
            data.Add(p.Name, (int)p.Version);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllProfiles))]
    public void Check_ConformingTbsEveryProfileAndKey_NoFindings(string name, int version)
    {
        Assert.True(CertificateProfileCatalog.Default.TryGet(name, (Iso15118Version)version, out var profile));
        foreach (var key in profile.AllowedKeyAlgorithms)
        {
            var issuer = profile.Role == CertificateRole.Root ? null : TestIssuance.Issue(IssuerProfileFor(profile), key, null);
            var pair = TestKeys.Generate(key);
            (var tbs, var context) = TestIssuance.Tbs(profile, TestKeys.Spki(pair), TestIssuance.SubjectFor(profile), issuer, key);
            Assert.Empty(PreIssuanceLint.Check(tbs.GetDerEncoded(), profile, context));
        }
    }

    [Fact]
    public void Check_KeyUsageNotCritical_ExtensionCriticality()
    {
        AssertFinding(LintCode.ExtensionCriticality, "keyUsage", edit: e => Replace(e, X509Extensions.KeyUsage, critical: false));
    }

    [Fact]
    public void Check_KeyUsageMissing_ExtensionMissing()
    {
        AssertFinding(LintCode.ExtensionMissing, "keyUsage", edit: e => Remove(e, X509Extensions.KeyUsage));
    }

    [Fact]
    public void Check_BasicConstraintsCaTrue_ExtensionValue()
    {
        AssertFinding(LintCode.ExtensionValue, "basicConstraints", edit: e => Replace(e, X509Extensions.BasicConstraints, value: new BasicConstraints(true)));
    }

    [Fact]
    public void Check_SubjectAltNameAdded_ExtensionUnexpected()
    {
        AssertFinding(LintCode.ExtensionUnexpected, "subjectAltName", edit: e => Add(e, X509Extensions.SubjectAlternativeName, new GeneralNames(new GeneralName(GeneralName.DnsName, "x.example"))));
    }

    [Fact]
    public void Check_WrongAuthorityKeyId_ExtensionValue()
    {
        AssertFinding(LintCode.ExtensionValue, "authorityKeyIdentifier", context: c => c with { IssuerKeyId = [0x40, 9, 9, 9, 9, 9, 9, 9] });
    }

    [Fact]
    public void Check_WrongDomainComponent_DomainComponent()
    {
        var subject = SubjectNameBuilder.Build(CertificateProfileCatalog.Default.Get(CertificateKind.Contract, Iso15118Version.Part2), "DEAB7E8406487", "Acme", "DE");
        AssertFinding(LintCode.DomainComponent, "DC=CPO", subject: subject);
    }

    [Fact]
    public void Check_CnNotNormalised_SubjectId()
    {
        AssertFinding(LintCode.SubjectId, "normalised form DEAB7E8406487", subject: SubjectNameBuilder.Build(Evse, "DE*AB7*E840*6487", "Acme", "DE"));
    }

    [Fact]
    public void Check_EmaidAsEvseCn_SubjectId()
    {
        AssertFinding(LintCode.SubjectId, "invalid EVSE ID", subject: SubjectNameBuilder.Build(Evse, "NLTNM000122045U", "Acme", "DE"));
    }

    [Fact]
    public void Check_ExtraSubjectAttribute_Subject()
    {
        var subject = new X509Name("C=DE,O=Acme,OU=Ops,CN=DEAB7E8406487,DC=CPO");
        AssertFinding(LintCode.Subject, "2.5.4.11", subject: subject);
    }

    [Fact]
    public void Check_MissingCountryForEvse_Subject()
    {
        var subject = new X509Name("O=Acme,CN=DEAB7E8406487,DC=CPO");
        AssertFinding(LintCode.Subject, "0 C", subject: subject);
    }

    [Fact]
    public void Check_NotAfterBeyondIssuer_Validity()
    {
        AssertFinding(LintCode.Validity, "issuer's notAfter", tbsEdit: g => g.SetEndDate(new Time(new DateTime(2036, 1, 1, 0, 0, 0, DateTimeKind.Utc))));
    }

    [Fact]
    public void Check_LifetimeLongerThanProfile_Validity()
    {
        AssertFinding(LintCode.Validity, "lifetime of 2 y", tbsEdit: g => g.SetEndDate(new Time(new DateTime(2028, 1, 1, 0, 0, 0, DateTimeKind.Utc))));
    }

    [Fact]
    public void Check_RequestedContractEnd_AllowsLongerLifetime()
    {
        var contract = CertificateProfileCatalog.Default.Get(CertificateKind.Contract, Iso15118Version.Part2);
        var end = new DateTime(2028, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var findings = Run(contract, TestIssuance.SubjectFor(contract), null, c => c with { RequestedNotAfter = end }, g => g.SetEndDate(new Time(end)));
        Assert.Empty(findings);
    }

    [Fact]
    public void Check_GeneralizedTimeBefore2050_TimeEncoding()
    {
        AssertFinding(LintCode.TimeEncoding, "UTCTime", tbsEdit: g => g.SetEndDate(new Time(new Asn1GeneralizedTime(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)))));
    }

    [Fact]
    public void Check_SmallSerial_Serial()
    {
        AssertFinding(LintCode.Serial, "64 bits", tbsEdit: g => g.SetSerialNumber(DerInteger.ValueOf(12345)));
    }

    [Fact]
    public void Check_EcdsaSha384_SignatureAlgorithm()
    {
        AssertFinding(LintCode.SignatureAlgorithm, "EcdsaWithSha256", tbsEdit: g => g.SetSignature(KeyAlgorithms.ToAlgorithmIdentifier(SignatureAlgorithm.EcdsaWithSha384)));
    }

    [Fact]
    public void Check_OtherIssuerName_IssuerName()
    {
        AssertFinding(LintCode.IssuerName, "issuing CA's subject", tbsEdit: g => g.SetIssuer(new X509Name("CN=Someone Else")));
    }

    [Fact]
    public void Check_P384Key_KeyAlgorithm()
    {
        AssertFinding(LintCode.KeyAlgorithm, "EC P-384", tbsEdit: g => g.SetSubjectPublicKeyInfo(TestKeys.Spki(KeyAlgorithm.EcP384)));
    }

    [Fact]
    public void Check_OversizeCertificate_Size()
    {
        var catalog = new CertificateProfileCatalog(new ProfileOptions { OcspUrl = "http://ocsp.example/" + new string('a', 600) });
        var evse = catalog.Get(CertificateKind.Evse, Iso15118Version.Part2);
        var findings = Run(evse, TestIssuance.SubjectFor(evse), null, null, null);
        var finding = Assert.Single(findings);
        Assert.Equal(LintCode.Size, finding.Code);
        Assert.Contains("800 bytes", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_TrailingByte_NotDer()
    {
        (var tbs, var context) = TestIssuance.Tbs(Evse, TestKeys.Spki(KeyAlgorithm.EcP256), TestIssuance.SubjectFor(Evse), Sub2, KeyAlgorithm.EcP256);
        var finding = Assert.Single(PreIssuanceLint.Check([.. tbs.GetDerEncoded(), 0], Evse, context));
        Assert.Equal(LintCode.NotDer, finding.Code);
    }

    private static void AssertFinding(LintCode code, string fragment, Func<X509Extensions, X509Extensions>? edit = null, Func<LintContext, LintContext>? context = null, X509Name? subject = null, Action<V3TbsCertificateGenerator>? tbsEdit = null)
    {
        var findings = Run(Evse, subject ?? TestIssuance.SubjectFor(Evse), edit, context, tbsEdit);
        Assert.Contains(findings, f => f.Code == code && f.Message.Contains(fragment, StringComparison.Ordinal));
    }

    // Builds a conforming evse TBS under Sub2, applies one edit, re-encodes and lints the DER.
    private static IReadOnlyList<LintFinding> Run(CertificateProfile profile, X509Name subject, Func<X509Extensions, X509Extensions>? edit, Func<LintContext, LintContext>? contextEdit, Action<V3TbsCertificateGenerator>? tbsEdit)
    {
        var spki = TestKeys.Spki(KeyAlgorithm.EcP256);
        (var tbs, var context) = TestIssuance.Tbs(profile, spki, subject, Sub2, KeyAlgorithm.EcP256, edit);
        if (tbsEdit is not null)
        {
            var generator = new V3TbsCertificateGenerator();
            generator.SetSerialNumber(tbs.SerialNumber);
            generator.SetSignature(tbs.Signature);
            generator.SetIssuer(tbs.Issuer);
            generator.SetStartDate(tbs.StartDate);
            generator.SetEndDate(tbs.EndDate);
            generator.SetSubject(tbs.Subject);
            generator.SetSubjectPublicKeyInfo(tbs.SubjectPublicKeyInfo);
            generator.SetExtensions(tbs.Extensions);
            tbsEdit(generator);
            tbs = generator.GenerateTbsCertificate();
        }

        return PreIssuanceLint.Check(tbs.GetDerEncoded(), profile, contextEdit is null ? context : contextEdit(context));
    }

    private static TestCa MakeIssuer()
    {
        var root = TestIssuance.Issue(CertificateProfileCatalog.Default.Get(CertificateKind.V2gRoot, Iso15118Version.Part2), KeyAlgorithm.EcP256, null);
        var sub1 = TestIssuance.Issue(CertificateProfileCatalog.Default.Get(CertificateKind.CpoSub1, Iso15118Version.Part2), KeyAlgorithm.EcP256, root);
        return TestIssuance.Issue(CertificateProfileCatalog.Default.Get(CertificateKind.CpoSub2, Iso15118Version.Part2), KeyAlgorithm.EcP256, sub1);
    }

    private static CertificateProfile IssuerProfileFor(CertificateProfile profile) =>
        CertificateProfileCatalog.Default.Get(CertificateKind.V2gRoot, profile.Version);

    private static X509Extensions Rebuild(X509Extensions source, Func<DerObjectIdentifier, X509Extension, (bool Keep, X509Extension Extension)> map, (DerObjectIdentifier Oid, X509Extension Extension)? add = null)
    {
        var generator = new X509ExtensionsGenerator();
        foreach (var oid in source.ExtensionOids)
        {
            (var keep, var ext) = map(oid, source.GetExtension(oid));
            if (keep)
            {
                generator.AddExtension(oid, ext.IsCritical, ext.Value.GetOctets());
            }
        }

        if (add is { } a)
        {
            generator.AddExtension(a.Oid, a.Extension.IsCritical, a.Extension.Value.GetOctets());
        }

        return generator.Generate();
    }

    private static X509Extensions Replace(X509Extensions e, DerObjectIdentifier target, bool? critical = null, Asn1Encodable? value = null) =>
        Rebuild(e, (oid, ext) => oid.Equals(target)
            ? (true, new X509Extension(critical ?? ext.IsCritical, value is null ? ext.Value : new DerOctetString(value)))
            : (true, ext));

    private static X509Extensions Remove(X509Extensions e, DerObjectIdentifier target) =>
        Rebuild(e, (oid, ext) => (!oid.Equals(target), ext));

    private static X509Extensions Add(X509Extensions e, DerObjectIdentifier oid, Asn1Encodable value) =>
        Rebuild(e, (o, ext) => (true, ext), (oid, new X509Extension(false, new DerOctetString(value))));
}
