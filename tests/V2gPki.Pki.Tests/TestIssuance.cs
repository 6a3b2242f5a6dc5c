// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using Microsoft.Extensions.Time.Testing;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using V2gPki.Pki.Identifiers;
using V2gPki.Pki.Lint;
using V2gPki.Pki.Profiles;

namespace V2gPki.Pki.Tests;

/// <summary>A CA for tests: software key, subject, key id and validity.</summary>
internal sealed record TestCa(X509Name Name, AsymmetricCipherKeyPair Key, KeyAlgorithm Algorithm, byte[] KeyId, DateTimeOffset NotBefore, DateTimeOffset NotAfter, X509Certificate Certificate);

/// <summary>
/// Builds TBS certificates from the profiles (as the HSM issuance will) and signs them with software keys, so the
/// profiles and the lint can be checked against openssl before the HSM module lands.
/// </summary>
internal static class TestIssuance
{
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly SecureRandom Random = new();

    public static string CommonNameFor(CertificateProfile profile) => profile.SubjectIdType switch
    {
        IdType.Evse => "DEAB7E8406487",
        IdType.Secc => "DEICES00003C4D5578786756453309675434762",
        IdType.Emaid => "NLTNM000122045U",
        IdType.Pcid => "WP012345678901234",
        _ => "Test " + profile.Name,
    };

    public static X509Name SubjectFor(CertificateProfile profile) =>
        SubjectNameBuilder.Build(profile, CommonNameFor(profile), "Acme GmbH", "DE");

    public static DerInteger NewSerial()
    {
        var bytes = new byte[16];
        Random.NextBytes(bytes);
        bytes[0] = (byte)((bytes[0] & 0x7F) | 0x40); // positive, 127 bits
        return new DerInteger(new BigInteger(1, bytes));
    }

    /// <summary>A conforming TBS for a profile and its lint context; <paramref name="issuer"/> null = self-signed.</summary>
    public static (TbsCertificateStructure Tbs, LintContext Context) Tbs(
        CertificateProfile profile, SubjectPublicKeyInfo spki, X509Name subject, TestCa? issuer, KeyAlgorithm subjectAlgorithm,
        Func<X509Extensions, X509Extensions>? editExtensions = null)
    {
        var issuerAlgorithm = issuer?.Algorithm ?? subjectAlgorithm;
        var validity = CertificateValidity.Compute(profile, new FakeTimeProvider(Now), issuer?.NotAfter)
            ?? throw new InvalidOperationException("empty validity");
        var extensions = CertificateExtensionsBuilder.Build(profile, spki, issuer?.KeyId);
        var generator = new V3TbsCertificateGenerator();
        generator.SetSerialNumber(NewSerial());
        generator.SetSignature(KeyAlgorithms.ToAlgorithmIdentifier(KeyAlgorithms.SignatureAlgorithmFor(issuerAlgorithm)));
        generator.SetIssuer(issuer?.Name ?? subject);
        generator.SetStartDate(new Time(validity.NotBefore.UtcDateTime));
        generator.SetEndDate(new Time(validity.NotAfter.UtcDateTime));
        generator.SetSubject(subject);
        generator.SetSubjectPublicKeyInfo(spki);
        generator.SetExtensions(editExtensions is null ? extensions : editExtensions(extensions));
        var context = new LintContext
        {
            IssuerName = issuer?.Name ?? subject,
            IssuerKeyAlgorithm = issuerAlgorithm,
            IssuerKeyId = issuer?.KeyId,
            IssuerNotBefore = issuer?.NotBefore,
            IssuerNotAfter = issuer?.NotAfter,
        };
        return (generator.GenerateTbsCertificate(), context);
    }

    public static X509Certificate Sign(TbsCertificateStructure tbs, AsymmetricKeyParameter key, KeyAlgorithm keyAlgorithm)
    {
        var name = keyAlgorithm switch
        {
            KeyAlgorithm.EcP256 => "SHA256WITHECDSA",
            KeyAlgorithm.EcP521 => "SHA512WITHECDSA",
            KeyAlgorithm.Ed448 => "Ed448",
            _ => throw new ArgumentOutOfRangeException(nameof(keyAlgorithm)),
        };
        var signer = SignerUtilities.GetSigner(name);
        signer.Init(true, key);
        var data = tbs.GetDerEncoded();
        signer.BlockUpdate(data, 0, data.Length);
        var signature = signer.GenerateSignature();
        var structure = new X509CertificateStructure(tbs, tbs.Signature, new DerBitString(signature));
        return new X509Certificate(structure);
    }

    /// <summary>Issues a certificate of a profile under an issuer (null = self-signed), linting first.</summary>
    public static TestCa Issue(CertificateProfile profile, KeyAlgorithm algorithm, TestCa? issuer)
    {
        var pair = TestKeys.Generate(algorithm);
        var spki = TestKeys.Spki(pair);
        var subject = SubjectFor(profile);
        (var tbs, var context) = Tbs(profile, spki, subject, issuer, algorithm);
        var findings = PreIssuanceLint.Check(tbs.GetDerEncoded(), profile, context);
        if (findings.Count != 0)
        {
            throw new InvalidOperationException($"{profile.Name}: {findings[0].Code}: {findings[0].Message}");
        }

        var certificate = Sign(tbs, (issuer?.Key ?? pair).Private, issuer?.Algorithm ?? algorithm);
        return new TestCa(subject, pair, algorithm, KeyIdentifiers.Compute(spki), new DateTimeOffset(certificate.NotBefore, TimeSpan.Zero), new DateTimeOffset(certificate.NotAfter, TimeSpan.Zero), certificate);
    }
}
