// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Formats.Asn1;
using Org.BouncyCastle.Security;
using V2gPki.Pki.Profiles;
using V2gPki.Pki.Signing;

namespace V2gPki.Pki.Tests.Signing;

public sealed class SignedStructureTests
{
    private static readonly byte[] Data = "the exact TBS bytes"u8.ToArray();

    [Theory]
    [InlineData(KeyAlgorithm.EcP256, SignatureAlgorithm.EcdsaWithSha256, "SHA256WITHECDSA")]
    [InlineData(KeyAlgorithm.EcP521, SignatureAlgorithm.EcdsaWithSha512, "SHA512WITHECDSA")]
    [InlineData(KeyAlgorithm.Ed448, SignatureAlgorithm.Ed448, "Ed448")]
    public void Verify_SpkiPathAndBouncyCastlePath_AgreeOnGoodAndBadSignatures(KeyAlgorithm key, SignatureAlgorithm algorithm, string bcName)
    {
        var pair = TestKeys.Generate(key);
        var spki = TestKeys.Spki(pair).GetDerEncoded();
        var signer = SignerUtilities.GetSigner(bcName);
        signer.Init(true, pair.Private);
        signer.BlockUpdate(Data);
        var signature = signer.GenerateSignature();

        Assert.True(SignedStructure.Verify(spki, algorithm, Data, signature));
        Assert.True(SignedStructure.Verify(pair.Public, algorithm, Data, signature));

        byte[] otherData = [.. Data, 0];
        Assert.False(SignedStructure.Verify(spki, algorithm, otherData, signature));
        Assert.False(SignedStructure.Verify(pair.Public, algorithm, otherData, signature));

        var flipped = (byte[])signature.Clone();
        flipped[^1] ^= 0x01;
        Assert.False(SignedStructure.Verify(spki, algorithm, Data, flipped));
        Assert.False(SignedStructure.Verify(pair.Public, algorithm, Data, flipped));
    }

    [Fact]
    public void Verify_KeyOfAnotherAlgorithmOrGarbage_ReturnsFalse()
    {
        var ed448 = TestKeys.Generate(KeyAlgorithm.Ed448);
        var p256 = TestKeys.Generate(KeyAlgorithm.EcP256);

        Assert.False(SignedStructure.Verify(TestKeys.Spki(ed448).GetDerEncoded(), SignatureAlgorithm.EcdsaWithSha256, Data, new byte[8]));
        Assert.False(SignedStructure.Verify(TestKeys.Spki(p256).GetDerEncoded(), SignatureAlgorithm.Ed448, Data, new byte[114]));
        Assert.False(SignedStructure.Verify([0x30, 0x00], SignatureAlgorithm.EcdsaWithSha256, Data, new byte[8]));
        Assert.False(SignedStructure.Verify([0x30, 0x00], SignatureAlgorithm.Ed448, Data, new byte[114]));
    }

    [Fact]
    public void Assemble_EmbedsTbsVerbatim()
    {
        byte[] tbs = [0x30, 0x03, 0x02, 0x01, 0x05];
        byte[] algorithm = [0x30, 0x0A, 0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x04, 0x03, 0x02];
        var der = SignedStructure.Assemble(tbs, algorithm, [0xAA, 0xBB]);

        var reader = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
        Assert.Equal(tbs, reader.ReadEncodedValue().ToArray());
        Assert.Equal(algorithm, reader.ReadEncodedValue().ToArray());
        Assert.Equal(new byte[] { 0xAA, 0xBB }, reader.ReadBitString(out var unused));
        Assert.Equal(0, unused);
        Assert.False(reader.HasData);
    }
}
