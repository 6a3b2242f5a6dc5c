// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.X509;
using V2gPki.Pki.Hierarchy;
using V2gPki.Pki.Profiles;

namespace V2gPki.Pki.Tests.Hsm;

/// <summary>
/// Reads every HSM-issued certificate back and checks it against a table written here by hand (not derived from the
/// profile code): the exact extension list in order, criticality, keyUsage bits, basicConstraints and pathLen, EKU and
/// ocsp-nocheck, 8-byte SKI/AKI, policy OID, AIA URL, subject attributes with their string types, signature algorithm,
/// serial and size.
/// </summary>
[Collection(PkiHsmCollection.Name)]
public sealed class HsmIssuanceProfileTests(PkiHsmFixture fixture, OpenSslCsrFactory csrs) : IClassFixture<OpenSslCsrFactory>
{
    private const string Bc = "2.5.29.19", Ku = "2.5.29.15", Eku = "2.5.29.37", NoCheck = "1.3.6.1.5.5.7.48.1.5";
    private const string Ski = "2.5.29.14", Aki = "2.5.29.35", Policies = "2.5.29.32", Aia = "1.3.6.1.5.5.7.1.1";

    public static TheoryData<DemoKind, string> Certificates() => HsmIssuanceVerificationTests.Certificates();

    [Theory]
    [MemberData(nameof(Certificates))]
    public void ReadBack_EveryProfile_HasExactExtensionsSubjectAndSize(DemoKind kind, string name)
    {
        var demo = fixture.Demo(kind);
        (var chain, var profile) = DemoCertificates.Get(demo, csrs, name);
        var cert = new X509Certificate(chain[0].ToArray());
        var issuer = new X509Certificate(chain[chain.Count > 1 ? 1 : 0].ToArray());
        var ed448 = kind == DemoKind.Ed448;
        var role = name.EndsWith("-ocsp", StringComparison.Ordinal) ? "ocsp"
            : name.EndsWith("-root", StringComparison.Ordinal) ? "root"
            : name.Contains("-sub1", StringComparison.Ordinal) ? "sub1"
            : name.Contains("-sub2", StringComparison.Ordinal) ? "sub2"
            : name;

        // Extensions, in order.
        string[] expected = role switch
        {
            "root" => [Bc, Ku, Ski],
            "sub1" or "sub2" => [Bc, Ku, Ski, Aki, Policies, Aia],
            "ocsp" => [Bc, Ku, Eku, NoCheck, Ski, Aki, Aia],
            _ => [Bc, Ku, Ski, Aki, Aia],
        };
        var extensions = cert.CertificateStructure.TbsCertificate.Extensions;
        Assert.Equal(expected, extensions.ExtensionOids.Select(o => o.Id).ToArray());
        foreach (var oid in extensions.ExtensionOids)
        {
            Assert.Equal(oid.Id is Bc or Ku, extensions.GetExtension(oid).IsCritical);
        }

        // basicConstraints and pathLen.
        var basic = BasicConstraints.GetInstance(extensions.GetExtension(X509Extensions.BasicConstraints).GetParsedValue());
        Assert.Equal(role is "root" or "sub1" or "sub2", basic.IsCA());
        Assert.Equal(role switch { "sub1" => 1, "sub2" => 0, _ => -1 }, basic.PathLenConstraint?.IntValueExact ?? -1);

        // keyUsage bits (EC keys: keyAgreement allowed; Ed448: not, RFC 8410 §5).
        var ku = role switch
        {
            "root" or "sub1" or "sub2" => KeyUsage.KeyCertSign | KeyUsage.CrlSign,
            "ocsp" or "cps" => KeyUsage.DigitalSignature,
            "contract" => KeyUsage.DigitalSignature | KeyUsage.NonRepudiation | (ed448 ? 0 : KeyUsage.KeyAgreement),
            _ => KeyUsage.DigitalSignature | (ed448 ? 0 : KeyUsage.KeyAgreement),
        };
        Assert.Equal(ku, KeyUsage.GetInstance(extensions.GetExtension(X509Extensions.KeyUsage).GetParsedValue()).IntValue);

        // Key identifiers: 8 bytes, RFC 5280 §4.2.1.2 method (2); AKI = the issuer's SKI, keyIdentifier only.
        var ski = CertificateChecks.SubjectKeyId(cert)!;
        Assert.Equal(KeyIdentifiers.Compute(cert.CertificateStructure.SubjectPublicKeyInfo), ski);
        if (role != "root")
        {
            var aki = AuthorityKeyIdentifier.GetInstance(extensions.GetExtension(X509Extensions.AuthorityKeyIdentifier).GetParsedValue());
            Assert.Equal(CertificateChecks.SubjectKeyId(issuer), aki.KeyIdentifier.GetOctets());
            Assert.Equal(8, aki.KeyIdentifier.GetOctets().Length);
            Assert.Null(aki.AuthorityCertIssuer);
            Assert.Null(aki.AuthorityCertSerialNumber);
        }

        if (role is "sub1" or "sub2")
        {
            var policy = Assert.Single(CertificatePolicies.GetInstance(extensions.GetExtension(X509Extensions.CertificatePolicies).GetParsedValue()).GetPolicyInformation());
            Assert.Equal("1.3.6.1.4.1.41525.1.2.1.0", policy.PolicyIdentifier.Id);
        }

        if (expected.Contains(Aia))
        {
            var access = Assert.Single(AuthorityInformationAccess.GetInstance(extensions.GetExtension(X509Extensions.AuthorityInfoAccess).GetParsedValue()).GetAccessDescriptions());
            Assert.Equal(AccessDescription.IdADOcsp, access.AccessMethod);
            Assert.Equal("http://127.0.0.1:8080/", DerIA5String.GetInstance(access.AccessLocation.Name).GetString());
        }

        if (role == "ocsp")
        {
            Assert.Equal(["1.3.6.1.5.5.7.3.9"], cert.GetExtendedKeyUsage().Select(o => o.Id).ToArray());
            Assert.Equal(new byte[] { 0x05, 0x00 }, extensions.GetExtension(new DerObjectIdentifier(NoCheck)).Value.GetOctets());
        }

        // Subject: C (PrintableString), O and CN (UTF8String), DC (IA5String), one attribute per RDN, in that order.
        var dc = role switch
        {
            "evse" => "CPO",
            "contract" => "MO",
            "oem-prov" => "OEM",
            "cps" => "CPS",
            _ when kind == DemoKind.P256SeparateRoots && name.StartsWith("mo-", StringComparison.Ordinal) => "MO",
            _ when kind == DemoKind.P256SeparateRoots && name.StartsWith("oem-", StringComparison.Ordinal) => "OEM",
            _ => "V2G",
        };
        var cn = role is "evse" or "contract" or "oem-prov" ? DemoCertificates.LeafCommonName(name, demo.Hierarchy.Version).Normalised : CaCommonNames.For(name);
        var o = role is "evse" or "contract" or "oem-prov" ? "Acme Charging GmbH" : CaHierarchyOptions.DefaultOrganization;
        var rdns = Asn1Sequence.GetInstance(cert.CertificateStructure.Subject.ToAsn1Object()).Cast<Asn1Encodable>()
            .Select(r => Asn1Sequence.GetInstance(Asn1Set.GetInstance(r).Cast<Asn1Encodable>().Single()))
            .Select(atv => (Type: DerObjectIdentifier.GetInstance(atv[0]).Id, Value: atv[1].ToAsn1Object()))
            .ToList();
        Assert.Equal(["2.5.4.6", "2.5.4.10", "2.5.4.3", "0.9.2342.19200300.100.1.25"], rdns.Select(r => r.Type).ToArray());
        Assert.Equal("DE", Assert.IsType<DerPrintableString>(rdns[0].Value).GetString());
        Assert.Equal(o, Assert.IsType<DerUtf8String>(rdns[1].Value).GetString());
        Assert.Equal(cn, Assert.IsType<DerUtf8String>(rdns[2].Value).GetString());
        Assert.Equal(dc, Assert.IsType<DerIA5String>(rdns[3].Value).GetString());

        // Signature algorithm (parameters absent), version, serial, size.
        var signatureOid = kind switch { DemoKind.P521 => "1.2.840.10045.4.3.4", DemoKind.Ed448 => "1.3.101.113", _ => "1.2.840.10045.4.3.2" };
        Assert.Equal(signatureOid, cert.SigAlgOid);
        Assert.Null(cert.CertificateStructure.SignatureAlgorithm.Parameters);
        Assert.Equal(3, cert.Version);
        Assert.Equal(1, cert.SerialNumber.SignValue);
        Assert.Equal(16, cert.SerialNumber.ToByteArrayUnsigned().Length);
        Assert.InRange(chain[0].Length, 1, kind is DemoKind.P521 or DemoKind.Ed448 ? 1600 : 800);
        Assert.Equal(profile.MaxDerSize, kind is DemoKind.P521 or DemoKind.Ed448 ? 1600 : 800);
    }
}
