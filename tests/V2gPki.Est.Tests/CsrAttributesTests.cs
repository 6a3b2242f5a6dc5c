// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Formats.Asn1;
using System.Text.RegularExpressions;
using V2gPki.Pki.Profiles;

namespace V2gPki.Est.Tests;

public sealed class CsrAttributesTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("v2gpki-est-csrattrs-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Encode_Iso15118Part2_IsEcPublicKeyWithP256AndEcdsaWithSha256()
    {
        var encoded = CsrAttributes.Encode(KeyAlgorithms.EcPublicKeyOid, KeyAlgorithms.P256Oid, KeyAlgorithms.EcdsaWithSha256Oid);

        // SEQUENCE { SEQUENCE { id-ecPublicKey, SET { secp256r1 } }, ecdsa-with-SHA256 }: the RFC 7030 §4.5.2 example's
        // ecPublicKey attribute and signature OID, with P-256 and SHA-256.
        Assert.Equal(
            Hex.Parse("3021 3015 0607 2A8648CE3D0201 310A 0608 2A8648CE3D030107 0608 2A8648CE3D040302"),
            encoded);
    }

    [Fact]
    public void Encode_Iso15118Part2_OpenSslAsn1ParseReadsTheRfcStructure()
    {
        var file = Path.Combine(_directory, "csrattrs.der");
        File.WriteAllBytes(file, CsrAttributes.Encode(KeyAlgorithms.EcPublicKeyOid, KeyAlgorithms.P256Oid, KeyAlgorithms.EcdsaWithSha256Oid));

        var output = Tool.OpenSsl("asn1parse", "-inform", "DER", "-in", file).StdOut;

        // openssl prints "offset:d=depth  hl=2 l=  33 kind: value" per element, values padded; keep depth, kind and value.
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => Regex.Replace(l[l.IndexOf("d=", StringComparison.Ordinal)..], @"\s+hl=\s*\d+\s+l=\s*\d+\s+", " ").TrimEnd())
            .Select(l => Regex.Replace(l, @"\s+:", ":"))
            .ToArray();
        Assert.Equal(
        [
            "d=0 cons: SEQUENCE",
            "d=1 cons: SEQUENCE",
            "d=2 prim: OBJECT:id-ecPublicKey",
            "d=2 cons: SET",
            "d=3 prim: OBJECT:prime256v1",
            "d=1 prim: OBJECT:ecdsa-with-SHA256",
        ], lines);
    }

    [Fact]
    public void Encode_AlgorithmWithoutParameters_IsTwoBareOids()
    {
        var encoded = CsrAttributes.Encode(KeyAlgorithms.Ed448Oid, null, KeyAlgorithms.Ed448Oid);

        Assert.Equal(Hex.Parse("300A 0603 2B6571 0603 2B6571"), encoded);
    }

    [Theory]
    [InlineData(KeyAlgorithms.EcPublicKeyOid, KeyAlgorithms.P256Oid, KeyAlgorithms.EcdsaWithSha256Oid)]
    [InlineData(KeyAlgorithms.EcPublicKeyOid, KeyAlgorithms.P521Oid, KeyAlgorithms.EcdsaWithSha512Oid)]
    [InlineData(KeyAlgorithms.Ed448Oid, null, KeyAlgorithms.Ed448Oid)]
    public void Encode_AnyProfile_ReadsBackAsCsrAttrs(string keyAlgorithm, string? curve, string signatureAlgorithm)
    {
        var encoded = CsrAttributes.Encode(keyAlgorithm, curve, signatureAlgorithm);

        // CsrAttrs ::= SEQUENCE OF AttrOrOID; AttrOrOID ::= CHOICE { oid, attribute Attribute } (RFC 7030 §4.5.2).
        var outer = new AsnReader(encoded, AsnEncodingRules.DER);
        var attrs = outer.ReadSequence();
        Assert.False(outer.HasData);
        if (curve is null)
        {
            Assert.Equal(keyAlgorithm, attrs.ReadObjectIdentifier());
        }
        else
        {
            var attribute = attrs.ReadSequence();
            Assert.Equal(keyAlgorithm, attribute.ReadObjectIdentifier());
            var values = attribute.ReadSetOf();
            Assert.False(attribute.HasData);
            Assert.Equal(curve, values.ReadObjectIdentifier());
            Assert.False(values.HasData);
        }

        Assert.Equal(signatureAlgorithm, attrs.ReadObjectIdentifier());
        Assert.False(attrs.HasData);
    }

    [Theory]
    [InlineData("not dotted", "ecPublicKey")]
    [InlineData("empty", "")]
    [InlineData("first arc over 2", "3.1")]
    public void Encode_InvalidOid_Throws(string description, string oid)
    {
        Assert.True(Record.Exception(() => CsrAttributes.Encode(oid, null, KeyAlgorithms.EcdsaWithSha256Oid)) is ArgumentException, description);
        Assert.True(Record.Exception(() => CsrAttributes.Encode(KeyAlgorithms.EcPublicKeyOid, oid, KeyAlgorithms.EcdsaWithSha256Oid)) is ArgumentException, description);
    }

    [Fact]
    public void Encode_NullOid_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => CsrAttributes.Encode(null!, null, KeyAlgorithms.EcdsaWithSha256Oid));
        Assert.Throws<ArgumentNullException>(() => CsrAttributes.Encode(KeyAlgorithms.EcPublicKeyOid, null, null!));
    }
}
