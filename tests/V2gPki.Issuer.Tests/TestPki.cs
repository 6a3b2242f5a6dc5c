// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Ocsp;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using Org.BouncyCastle.X509.Extension;
using V2gPki.Hsm;
using V2gPki.Issuer.Signers;

namespace V2gPki.Issuer.Tests;

/// <summary>
/// A small V2G hierarchy for tests: v2g-root → cpo-sub1 → cpo-sub2, each with a delegated OCSP signer, every CA and
/// signer key in SoftHSM2 (the online token), certificates built with BouncyCastle over the HSM signer. Leaf keys are
/// ordinary software keys (end-entity keys of simulated stations).
/// </summary>
internal sealed class TestPki
{
    public const ushort RootId = 1;
    public const ushort Sub1Id = 2;
    public const ushort Sub2Id = 3;
    private readonly HsmToken _token;
    private readonly AsymmetricKeyParameter _leafPublic;
    private readonly string _prefix;

    public TestPki(HsmToken token, DateTimeOffset now, string prefix)
    {
        _token = token;
        _prefix = prefix;
        Now = now;
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(Org.BouncyCastle.Asn1.Sec.SecObjectIdentifiers.SecP256r1, new SecureRandom()));
        _leafPublic = generator.GenerateKeyPair().Public;
        Root = CreateCa("v2g-root", null, pathLength: 2);
        Sub1 = CreateCa("cpo-sub1", Root, pathLength: 1);
        Sub2 = CreateCa("cpo-sub2", Sub1, pathLength: 0);
        RootSigner = CreateSigner(Root, "v2g-root-ocsp", TimeSpan.FromDays(365));
        Sub1Signer = CreateSigner(Sub1, "cpo-sub1-ocsp", TimeSpan.FromDays(365));
        Sub2Signer = CreateSigner(Sub2, "cpo-sub2-ocsp", TimeSpan.FromDays(90));
    }

    public DateTimeOffset Now { get; }

    public TestCa Root { get; }

    public TestCa Sub1 { get; }

    public TestCa Sub2 { get; }

    public TestSigner RootSigner { get; }

    public TestSigner Sub1Signer { get; }

    public TestSigner Sub2Signer { get; }

    public HsmToken Token => _token;

    public IssuerCaDefinition[] Definitions(bool noncePolicy = false) =>
    [
        new() { Name = "v2g-root", IssuerId = RootId, CertificateDer = Root.Der, IsOnline = false },
        new() { Name = "cpo-sub1", IssuerId = Sub1Id, ParentName = "v2g-root", CertificateDer = Sub1.Der, IsOnline = false },
        new() { Name = "cpo-sub2", IssuerId = Sub2Id, ParentName = "cpo-sub1", CertificateDer = Sub2.Der, NoncePolicy = noncePolicy },
    ];

    /// <summary>A directory with the three CAs and their signers (an in-memory signer catalog).</summary>
    public IssuerDirectory CreateDirectory(TimeProvider time, bool noncePolicy = false, SignerCatalog? catalog = null, IList<V2gPki.Ocsp.OcspHashAlgorithm>? algorithms = null, TestSigner? sub2Signer = null)
    {
        var directory = IssuerDirectory.Create(Definitions(noncePolicy), algorithms?.ToArray() ?? new IssuerOptions().HashAlgorithms.ToArray(), catalog ?? new SignerCatalog(null),
            label => _token.TryGetKey(label, out var key) ? key.CreateSigner() : null, time);
        foreach (var signer in new[] { RootSigner, Sub1Signer, sub2Signer ?? Sub2Signer })
        {
            directory.AddSigner(signer.CaName, signer.KeyLabel, signer.Der, signer.Signer, makeCurrent: true);
        }

        return directory;
    }

    public byte[] IssueLeaf(string commonName, out byte[] serial, TimeSpan? lifetime = null, TestCa? issuer = null)
    {
        issuer ??= Sub2;
        serial = NewSerial();
        var generator = new X509V3CertificateGenerator();
        generator.SetSerialNumber(new BigInteger(1, serial));
        generator.SetIssuerDN(issuer.Certificate.SubjectDN);
        generator.SetSubjectDN(new X509Name("CN=" + commonName + ",O=Test CPO,C=DE"));
        generator.SetNotBefore(Now.AddDays(-1).UtcDateTime);
        generator.SetNotAfter((Now + (lifetime ?? TimeSpan.FromDays(730))).UtcDateTime);
        generator.SetPublicKey(_leafPublic);
        generator.AddExtension(X509Extensions.BasicConstraints, true, new BasicConstraints(false));
        generator.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage(KeyUsage.DigitalSignature | KeyUsage.KeyAgreement));
        generator.AddExtension(X509Extensions.AuthorityKeyIdentifier, false, X509ExtensionUtilities.CreateAuthorityKeyIdentifier(issuer.Certificate));
        return generator.Generate(new HsmTestSignatureFactory(issuer.Signer)).GetEncoded();
    }

    /// <summary>A signer certificate for a CA with a fresh HSM key (rollover tests).</summary>
    public TestSigner CreateSigner(TestCa ca, string label, TimeSpan lifetime, DateTimeOffset? notBefore = null)
    {
        var key = _token.GenerateKey(_prefix + label + "-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(3)), HsmKeyType.EcP256);
        var generator = new X509V3CertificateGenerator();
        generator.SetSerialNumber(new BigInteger(1, NewSerial()));
        generator.SetIssuerDN(ca.Certificate.SubjectDN);
        generator.SetSubjectDN(new X509Name("CN=" + label + ",O=Test,C=DE"));
        var from = notBefore ?? Now.AddDays(-1);
        generator.SetNotBefore(from.UtcDateTime);
        generator.SetNotAfter((from + lifetime).UtcDateTime);
        generator.SetPublicKey(PublicKeyFactory.CreateKey(key.SubjectPublicKeyInfo.ToArray()));
        generator.AddExtension(X509Extensions.BasicConstraints, true, new BasicConstraints(false));
        generator.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage(KeyUsage.DigitalSignature));
        generator.AddExtension(X509Extensions.ExtendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeID.id_kp_OCSPSigning));
        generator.AddExtension(OcspObjectIdentifiers.PkixOcspNocheck, false, DerNull.Instance);
        generator.AddExtension(X509Extensions.AuthorityKeyIdentifier, false, X509ExtensionUtilities.CreateAuthorityKeyIdentifier(ca.Certificate));
        var der = generator.Generate(new HsmTestSignatureFactory(ca.Signer)).GetEncoded();
        return new TestSigner(ca.Name + "-ocsp", ca.Name, key.Label, der, key.CreateSigner());
    }

    public static byte[] NewSerial()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] = (byte)((serial[0] & 0x7F) | 0x10);
        return serial;
    }

    private TestCa CreateCa(string name, TestCa? parent, int pathLength)
    {
        var key = _token.GenerateKey(_prefix + name + "-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(3)), HsmKeyType.EcP256);
        var signer = key.CreateSigner();
        var subject = new X509Name("CN=" + name + ",O=Test,DC=V2G,C=DE");
        var generator = new X509V3CertificateGenerator();
        generator.SetSerialNumber(new BigInteger(1, NewSerial()));
        generator.SetIssuerDN(parent?.Certificate.SubjectDN ?? subject);
        generator.SetSubjectDN(subject);
        generator.SetNotBefore(Now.AddDays(-30).UtcDateTime);
        generator.SetNotAfter(Now.AddYears(parent is null ? 40 : 10).UtcDateTime);
        var publicKey = PublicKeyFactory.CreateKey(key.SubjectPublicKeyInfo.ToArray());
        generator.SetPublicKey(publicKey);
        generator.AddExtension(X509Extensions.BasicConstraints, true, new BasicConstraints(pathLength));
        generator.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage(KeyUsage.KeyCertSign | KeyUsage.CrlSign));
        generator.AddExtension(X509Extensions.SubjectKeyIdentifier, false, X509ExtensionUtilities.CreateSubjectKeyIdentifier(publicKey));
        if (parent is not null)
        {
            generator.AddExtension(X509Extensions.AuthorityKeyIdentifier, false, X509ExtensionUtilities.CreateAuthorityKeyIdentifier(parent.Certificate));
        }

        var certificate = generator.Generate(new HsmTestSignatureFactory(parent?.Signer ?? signer));
        return new TestCa(name, certificate, signer);
    }
}

internal sealed record TestCa(string Name, X509Certificate Certificate, HsmSigner Signer)
{
    public byte[] Der => Certificate.GetEncoded();
}

internal sealed record TestSigner(string Name, string CaName, string KeyLabel, byte[] Der, HsmSigner Signer);
