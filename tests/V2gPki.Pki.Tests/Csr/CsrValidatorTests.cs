// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Text;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using V2gPki.Pki.Csr;
using V2gPki.Pki.Identifiers;
using V2gPki.Pki.Profiles;

namespace V2gPki.Pki.Tests.Csr;

public class CsrValidatorTests(OpenSslCsrFactory openssl) : IClassFixture<OpenSslCsrFactory>
{
    private const string EvseSubject = "/C=DE/O=Acme Charging GmbH/CN=DE*AB7*E840*6487";
    private static readonly CsrValidator Lenient = new();
    private static readonly CsrValidator Strict = new(new CsrPolicy { Strictness = IdStrictness.Strict });

    private static CertificateProfile Profile(CertificateKind kind, Iso15118Version version = Iso15118Version.Part2) =>
        CertificateProfileCatalog.Default.Get(kind, version);

    // The CSR rejection matrix: each case is a real openssl CSR (or a real one damaged), its profile, the
    // expected code and fragments the message must contain (the expected format and the value seen, where relevant).
    public static TheoryData<string> RejectionCases() =>
    [
        "flipped-signature", "rsa-key", "p384-for-part2", "p256-for-part20", "ed448-for-part2", "missing-o", "empty-o",
        "emaid-in-evse", "evse-in-contract", "pcid-16", "wrong-check-digit-strict", "non-iso-country-strict", "oversize",
        "pem-garbage", "pem-wrong-label", "pem-truncated", "der-garbage", "der-trailing-byte", "empty", "missing-cn",
        "two-cns", "missing-c-evse", "invalid-c", "din-evse-id", "secc-id-in-part2-evse",
    ];

    [Theory]
    [MemberData(nameof(RejectionCases))]
    public void Validate_RejectionMatrix_SpecificCodeAndMessage(string name)
    {
        (var input, var profile, var validator, var code, var rule, var fragments) = Case(name);
        var result = validator.Validate(input, profile);
        Assert.False(result.IsValid);
        Assert.Null(result.Csr);
        Assert.Equal(code, result.Error.Code);
        Assert.Equal(rule, result.Error.Rule);
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, result.Error.Message, StringComparison.Ordinal);
        }
    }

    private (byte[], CertificateProfile, CsrValidator, CsrErrorCode, string, string[]) Case(string name)
    {
        var evse = Profile(CertificateKind.Evse);
        var contract = Profile(CertificateKind.Contract);
        switch (name)
        {
            case "flipped-signature":
                var der = openssl.Csr("P-256", EvseSubject);
                der[^1] ^= 0x01;
                return (der, evse, Lenient, CsrErrorCode.SignatureInvalid, "signature", ["signature does not verify", "proof of possession"]);
            case "rsa-key":
                return (openssl.Csr("RSA", EvseSubject), evse, Lenient, CsrErrorCode.KeyAlgorithmNotAllowed, "key-algorithm", ["RSA", "EC P-256", "evse", "ISO 15118-2"]);
            case "p384-for-part2":
                return (openssl.Csr("P-384", EvseSubject), evse, Lenient, CsrErrorCode.CurveNotAllowed, "key-algorithm", ["EC P-384", "EC P-256"]);
            case "p256-for-part20":
                return (openssl.Csr("P-256", "/C=DE/O=Acme/CN=DE-ICE-S-00003C4D557878675645330967543476-2"), Profile(CertificateKind.Evse, Iso15118Version.Part20), Lenient, CsrErrorCode.CurveNotAllowed, "key-algorithm", ["EC P-256", "EC P-521 or Ed448", "ISO 15118-20"]);
            case "ed448-for-part2":
                return (openssl.Csr("ED448", EvseSubject), evse, Lenient, CsrErrorCode.KeyAlgorithmNotAllowed, "key-algorithm", ["Ed448", "EC P-256"]);
            case "missing-o":
                return (openssl.Csr("P-256", "/C=DE/CN=DE*AB7*E840*6487"), evse, Lenient, CsrErrorCode.MissingOrganization, "organization", ["no O", "legal name"]);
            case "empty-o":
                return (openssl.Csr("P-256", "/C=DE/O= /CN=DE*AB7*E840*6487"), evse, Lenient, CsrErrorCode.MissingOrganization, "organization", ["no O"]);
            case "emaid-in-evse":
                return (openssl.Csr("P-256", "/C=DE/O=Acme/CN=NLTNM000122045U"), evse, Lenient, CsrErrorCode.NameMismatch, "common-name", ["name mismatch", "EVSE ID", "'NLTNM000122045U'", "CC*OOO*E<outlet>", "valid EMAID"]);
            case "evse-in-contract":
                return (openssl.Csr("P-256", "/O=Acme Mobility/CN=DE*AB7*E840*6487"), contract, Lenient, CsrErrorCode.NameMismatch, "common-name", ["name mismatch", "EMAID", "'DE*AB7*E840*6487'", "CC-PPP-IIIIIIIII[-D]", "valid EVSE ID"]);
            case "pcid-16":
                return (openssl.Csr("P-256", "/O=Acme Motors/CN=WP01234567890123"), Profile(CertificateKind.OemProvisioning), Lenient, CsrErrorCode.NameMismatch, "common-name", ["name mismatch", "PCID", "'WP01234567890123'", "16 characters", "17-18 letters or digits"]);
            case "wrong-check-digit-strict":
                return (openssl.Csr("P-256", "/O=Acme Mobility/CN=NL-TNM-000122045-X"), contract, Strict, CsrErrorCode.WrongCheckDigit, "strict-identifier", ["'NLTNM000122045X'", "'U'", "NLTNM000122045U"]);
            case "non-iso-country-strict":
                return (openssl.Csr("P-256", "/O=Hubject GmbH/CN=EMP99CQATEST00Z"), contract, Strict, CsrErrorCode.NonIsoCountryCode, "strict-identifier", ["'EM'", "ISO 3166-1"]);
            case "oversize":
                var big = openssl.Csr("P-256", EvseSubject, extra: ["-addext", "nsComment=" + new string('x', 9000)]);
                Assert.True(Lenient.Validate(big, evse) is { IsValid: false, Error.Code: CsrErrorCode.TooLarge });
                return (big, evse, Lenient, CsrErrorCode.TooLarge, "size-limit", [big.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), "8192"]);
            case "pem-garbage":
                return (Ascii("-----BEGIN CERTIFICATE REQUEST-----\n!!not base64!!\n-----END CERTIFICATE REQUEST-----\n"), evse, Lenient, CsrErrorCode.MalformedPem, "encoding", ["not valid base64"]);
            case "pem-wrong-label":
                return (Ascii("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"), evse, Lenient, CsrErrorCode.MalformedPem, "encoding", ["'-----BEGIN CERTIFICATE-----'", "CERTIFICATE REQUEST"]);
            case "pem-truncated":
                var pem = Encoding.ASCII.GetString(openssl.Csr("P-256", EvseSubject, pem: true));
                return (Ascii(pem[..(pem.Length / 2)]), evse, Lenient, CsrErrorCode.MalformedPem, "encoding", ["-----END CERTIFICATE REQUEST----- is missing"]);
            case "der-garbage":
                return ([0x30, 0x03, 0x02, 0x01, 0x00], evse, Lenient, CsrErrorCode.NotPkcs10, "encoding", ["PKCS#10"]);
            case "der-trailing-byte":
                return ([.. openssl.Csr("P-256", EvseSubject), 0x00], evse, Lenient, CsrErrorCode.NotPkcs10, "encoding", ["PKCS#10"]);
            case "empty":
                return ([], evse, Lenient, CsrErrorCode.NotPkcs10, "encoding", ["empty"]);
            case "missing-cn":
                return (openssl.Csr("P-256", "/C=DE/O=Acme"), evse, Lenient, CsrErrorCode.NameMismatch, "common-name", ["no CN", "CC*OOO*E<outlet>"]);
            case "two-cns":
                return (openssl.Csr("P-256", "/C=DE/O=Acme/CN=DE*AB7*E1/CN=DE*AB7*E2"), evse, Lenient, CsrErrorCode.NameMismatch, "common-name", ["2 CNs"]);
            case "missing-c-evse":
                return (openssl.Csr("P-256", "/O=Acme/CN=DE*AB7*E840*6487"), evse, Lenient, CsrErrorCode.MissingCountry, "country", ["no C"]);
            case "invalid-c":
                return (openssl.Csr("P-256", "/C=UK/O=Acme/CN=DE*AB7*E840*6487"), evse, Lenient, CsrErrorCode.InvalidCountry, "country", ["'UK'", "GB, not UK"]);
            case "din-evse-id":
                return (openssl.Csr("P-256", "/C=DE/O=Acme/CN=\\+49*810*000*438"), evse, Lenient, CsrErrorCode.NameMismatch, "common-name", ["DIN SPEC 91286", "'+49*810*000*438'", "CC*OOO*E<outlet>"]);
            case "secc-id-in-part2-evse":
                return (openssl.Csr("P-256", "/C=DE/O=Acme/CN=DE-ICE-S-00003C4D557878675645330967543476-2"), evse, Lenient, CsrErrorCode.NameMismatch, "common-name", ["EVSE ID", "valid SECC ID"]);
            default:
                throw new ArgumentOutOfRangeException(nameof(name));
        }
    }

    [Fact]
    public void Validate_EvsePart2Der_NormalisedIdOrgCountryAndKey()
    {
        var csr = openssl.Csr("P-256", "/C=de/O=Acme Charging GmbH/CN=de*ab7*e840*6487");
        var result = Lenient.Validate(csr, Profile(CertificateKind.Evse));
        Assert.True(result.IsValid, result.Error.Message);
        var v = result.Csr;
        Assert.Equal(IdType.Evse, v.SubjectIdType);
        Assert.Equal("DEAB7E8406487", v.CommonName);
        Assert.Equal("DEAB7", v.OwnerPrefix);
        Assert.Equal("Acme Charging GmbH", v.Organization);
        Assert.Equal("DE", v.Country);
        Assert.Equal(KeyAlgorithm.EcP256, v.KeyAlgorithm);
        Assert.Equal(IdWarnings.None, v.Warnings);
        Assert.Equal(openssl.PublicKeyDer("P-256"), v.SubjectPublicKeyInfo);
    }

    [Fact]
    public void Validate_EvsePart2Pem_Accepted()
    {
        var pem = openssl.Csr("P-256", EvseSubject, pem: true);
        Assert.StartsWith("-----BEGIN CERTIFICATE REQUEST-----", Encoding.ASCII.GetString(pem), StringComparison.Ordinal);
        var result = Lenient.Validate(pem, Profile(CertificateKind.Evse));
        Assert.True(result.IsValid, result.Error.Message);
        Assert.Equal("DEAB7E8406487", result.Csr.CommonName);
    }

    [Fact]
    public void Validate_PemWithCrLfAndLegacyLabel_Accepted()
    {
        var pem = Encoding.ASCII.GetString(openssl.Csr("P-256", EvseSubject, pem: true))
            .Replace("CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST", StringComparison.Ordinal)
            .Replace("\n", "\r\n", StringComparison.Ordinal);
        Assert.True(Lenient.Validate(Ascii("\r\n" + pem), Profile(CertificateKind.Evse)).IsValid);
    }

    [Theory]
    [InlineData("P-521", "sha512")]
    [InlineData("ED448", null)]
    public void Validate_EvsePart20SeccId_Accepted(string algorithm, string? digest)
    {
        var csr = openssl.Csr(algorithm, "/C=DE/O=Acme/CN=DE-ICE-S-00003C4D557878675645330967543476-2", digest: digest);
        var result = Lenient.Validate(csr, Profile(CertificateKind.Evse, Iso15118Version.Part20));
        Assert.True(result.IsValid, result.Error.Message);
        Assert.Equal(IdType.Secc, result.Csr.SubjectIdType);
        Assert.Equal("DEICES00003C4D5578786756453309675434762", result.Csr.CommonName);
        Assert.Equal(algorithm == "ED448" ? KeyAlgorithm.Ed448 : KeyAlgorithm.EcP521, result.Csr.KeyAlgorithm);
    }

    [Fact]
    public void Validate_ContractWithoutCountry_EmaidNormalisedNoDigitAppended()
    {
        var result = Strict.Validate(openssl.Csr("P-256", "/O=Acme Mobility/CN=nl-tnm-000122045"), Profile(CertificateKind.Contract));
        Assert.True(result.IsValid, result.Error.Message);
        Assert.Equal("NLTNM000122045", result.Csr.CommonName);
        Assert.Equal("NLTNM", result.Csr.OwnerPrefix);
        Assert.Null(result.Csr.Country);
    }

    [Fact]
    public void Validate_ContractWrongCheckDigitLenient_AcceptedWithWarning()
    {
        var result = Lenient.Validate(openssl.Csr("P-256", "/O=Acme Mobility/CN=NL-TNM-000122045-X"), Profile(CertificateKind.Contract));
        Assert.True(result.IsValid, result.Error.Message);
        Assert.Equal("NLTNM000122045X", result.Csr.CommonName);
        Assert.Equal(IdWarnings.WrongCheckDigit, result.Csr.Warnings);
    }

    [Fact]
    public void Validate_ContractCorrectCheckDigitStrict_Accepted()
    {
        var result = Strict.Validate(openssl.Csr("P-256", "/C=NL/O=Acme Mobility/CN=NLTNMC00122045K"), Profile(CertificateKind.Contract));
        Assert.True(result.IsValid, result.Error.Message);
        Assert.Equal("NL", result.Csr.Country);
    }

    [Theory]
    [InlineData(Iso15118Version.Part2, "huboemprovcqa0615", "HUBOEMPROVCQA0615")]
    [InlineData(Iso15118Version.Part20, "wp0abcdefghijklmnopqrstuvwxyz0123456789", "WP0ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")]
    public void Validate_OemProvisioning_PcidUpperCase(Iso15118Version version, string pcid, string expected)
    {
        var algorithm = version == Iso15118Version.Part20 ? "P-521" : "P-256";
        var result = Lenient.Validate(openssl.Csr(algorithm, "/O=Acme Motors/CN=" + pcid), Profile(CertificateKind.OemProvisioning, version));
        Assert.True(result.IsValid, result.Error.Message);
        Assert.Equal(expected, result.Csr.CommonName);
        Assert.Equal(expected[..3], result.Csr.OwnerPrefix);
    }

    [Fact]
    public void Validate_CpsLeafFreeName_Accepted()
    {
        var result = Lenient.Validate(openssl.Csr("P-256", "/C=EU/O=Hubject GmbH/CN=CPS 2022.2 QA"), Profile(CertificateKind.Cps));
        Assert.True(result.IsValid, result.Error.Message);
        Assert.Equal("CPS 2022.2 QA", result.Csr.CommonName);
        Assert.Equal(IdType.None, result.Csr.SubjectIdType);
        Assert.Null(result.Csr.OwnerPrefix);
        Assert.Equal("EU", result.Csr.Country);
    }

    [Fact]
    public void Validate_SubCa2Csr_FreeNameAccepted()
    {
        var result = Lenient.Validate(openssl.Csr("P-256", "/C=DE/O=Acme/CN=CPO Sub2 CA"), Profile(CertificateKind.CpoSub2));
        Assert.True(result.IsValid, result.Error.Message);
        Assert.Equal("CPO Sub2 CA", result.Csr.CommonName);
    }

    // Requested extensions are never copied: the profile decides (a CSR asking for a CA certificate still yields a leaf).
    [Fact]
    public void Validate_CsrRequestingCaExtensions_AcceptedButIgnored()
    {
        var csr = openssl.Csr("P-256", EvseSubject, extra: ["-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign", "-addext", "subjectAltName=DNS:evil.example"]);
        var profile = Profile(CertificateKind.Evse);
        var result = Lenient.Validate(csr, profile);
        Assert.True(result.IsValid, result.Error.Message);
        var spki = SubjectPublicKeyInfo.GetInstance(Asn1Object.FromByteArray(result.Csr.SubjectPublicKeyInfo));
        var extensions = CertificateExtensionsBuilder.Build(profile, spki, [0x41, 1, 2, 3, 4, 5, 6, 7]);
        Assert.False(BasicConstraints.GetInstance(extensions.GetExtensionParsedValue(X509Extensions.BasicConstraints)).IsCA());
        Assert.Null(extensions.GetExtension(X509Extensions.SubjectAlternativeName));
    }

    [Fact]
    public void Validate_RulesRunInFixedOrder_FirstFailureWins()
    {
        // An RSA CSR with a bad CN and no O: the key rule runs first.
        var csr = openssl.Csr("RSA", "/CN=nonsense");
        Assert.Equal(CsrErrorCode.KeyAlgorithmNotAllowed, Lenient.Validate(csr, Profile(CertificateKind.Contract)).Error.Code);
        string[] order = ["size-limit", "encoding", "signature", "key-algorithm", "common-name", "strict-identifier", "organization", "country"];
        Assert.Equal(order, CsrValidator.DefaultRules.Select(r => r.Name).ToArray());
    }

    [Fact]
    public void Validate_CustomSizeLimit_Applied()
    {
        var small = new CsrValidator(new CsrPolicy { MaxSize = 100 });
        var result = small.Validate(openssl.Csr("P-256", EvseSubject), Profile(CertificateKind.Evse));
        Assert.Equal(CsrErrorCode.TooLarge, result.Error.Code);
    }

    private static byte[] Ascii(string s) => Encoding.ASCII.GetBytes(s);
}
