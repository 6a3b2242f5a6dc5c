// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Formats.Asn1;

namespace V2gPki.Hsm.Tests;

public class KeyEncodingTests
{
    [Theory]
    [InlineData(HsmSignatureAlgorithm.EcdsaSha256, "1.2.840.10045.4.3.2")]
    [InlineData(HsmSignatureAlgorithm.EcdsaSha384, "1.2.840.10045.4.3.3")]
    [InlineData(HsmSignatureAlgorithm.EcdsaSha512, "1.2.840.10045.4.3.4")]
    [InlineData(HsmSignatureAlgorithm.Ed448, "1.3.101.113")]
    public void AlgorithmIdentifier_Algorithm_IsSequenceOfOidWithoutParameters(HsmSignatureAlgorithm algorithm, string oid)
    {
        // RFC 5758 §3.2 and RFC 8410 §3: the parameters field MUST be absent.
        var reader = new AsnReader(KeyEncoding.AlgorithmIdentifier(algorithm), AsnEncodingRules.DER);
        var sequence = reader.ReadSequence();

        Assert.Equal(oid, sequence.ReadObjectIdentifier());
        Assert.False(sequence.HasData);
        Assert.False(reader.HasData);
    }

    [Theory]
    [InlineData("06082A8648CE3D030107", 3ul, HsmKeyType.EcP256)]
    [InlineData("06052B81040023", 3ul, HsmKeyType.EcP521)]
    [InlineData("06032B6571", 0x40ul, HsmKeyType.Ed448)]
    [InlineData("130A65647761726473343438", 0x40ul, HsmKeyType.Ed448)]
    public void TryClassify_KnownParameters_ReturnsKeyType(string parametersHex, ulong ckKeyType, HsmKeyType expected)
    {
        Assert.True(KeyEncoding.TryClassify(ckKeyType, Convert.FromHexString(parametersHex), out var keyType));
        Assert.Equal(expected, keyType);
    }

    [Theory]
    [InlineData("06052B81040022", 3ul, "P-384 is not a curve we sign with")]
    [InlineData("06032B6570", 0x40ul, "Ed25519")]
    [InlineData("06082A8648CE3D030107", 0x40ul, "P-256 parameters on an Edwards key")]
    public void TryClassify_OtherKeys_ReturnsFalse(string parametersHex, ulong ckKeyType, string description)
    {
        Assert.False(KeyEncoding.TryClassify(ckKeyType, Convert.FromHexString(parametersHex), out _), description);
    }

    [Fact]
    public void SubjectPublicKeyInfo_BareOrWrappedPoint_SameEncoding()
    {
        var point = new byte[57];
        new Random(1).NextBytes(point);
        byte[] wrapped = [0x04, 57, .. point];

        Assert.Equal(KeyEncoding.SubjectPublicKeyInfo(HsmKeyType.Ed448, point), KeyEncoding.SubjectPublicKeyInfo(HsmKeyType.Ed448, wrapped));
        Assert.Equal("3043300506032B6571033A00", Convert.ToHexString(KeyEncoding.SubjectPublicKeyInfo(HsmKeyType.Ed448, point), 0, 12));
    }

    [Fact]
    public void SubjectPublicKeyInfo_WrongPointSize_ThrowsHsmException()
    {
        Assert.Throws<HsmException>(() => KeyEncoding.SubjectPublicKeyInfo(HsmKeyType.EcP256, new byte[64]));
    }
}
