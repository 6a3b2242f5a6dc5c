// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Formats.Asn1;
using System.Security.Cryptography;

namespace V2gPki.Hsm.Tests;

[Collection(SoftHsmCollection.Name)]
public class HsmSignerTests(SoftHsmFixture fixture)
{
    public static TheoryData<HsmKeyType, HsmSignatureAlgorithm> Algorithms => new()
    {
        { HsmKeyType.EcP256, HsmSignatureAlgorithm.EcdsaSha256 },
        { HsmKeyType.EcP256, HsmSignatureAlgorithm.EcdsaSha384 },
        { HsmKeyType.EcP521, HsmSignatureAlgorithm.EcdsaSha512 },
        { HsmKeyType.EcP521, HsmSignatureAlgorithm.EcdsaSha256 },
        { HsmKeyType.Ed448, HsmSignatureAlgorithm.Ed448 },
    };

    [Theory]
    [MemberData(nameof(Algorithms))]
    public async Task Sign_BothLanes_VerifiesWithOpenSslAndDotNet(HsmKeyType keyType, HsmSignatureAlgorithm algorithm)
    {
        var signer = fixture.Online.GenerateKey(HsmTokenTests.UniqueLabel("sig"), keyType).CreateSigner(algorithm);
        var data = RandomNumberGenerator.GetBytes(417);
        var priority = signer.Sign(data);
        var batch = new SigningBatch(signer, 2);
        batch.Add(data);
        batch.Add(data);
        await signer.SignBatchAsync(batch);

        foreach (var signature in new[] { priority, batch.GetSignature(0).ToArray(), batch.GetSignature(1).ToArray() })
        {
            Assert.InRange(signature.Length, 8, signer.MaxSignatureLength);
            (var exit, var output) = SignatureVerifier.VerifyWithOpenSsl(signer.SubjectPublicKeyInfo.Span, algorithm, data, signature);
            Assert.True(exit == 0, output);
            if (algorithm != HsmSignatureAlgorithm.Ed448)
            {
                Assert.True(SignatureVerifier.VerifyEcdsa(signer.SubjectPublicKeyInfo.Span, algorithm, data, signature));
            }
            else
            {
                Assert.Equal(114, signature.Length);
            }
        }

        // A changed message must not verify: the verifier really checks.
        data[0] ^= 1;
        Assert.NotEqual(0, SignatureVerifier.VerifyWithOpenSsl(signer.SubjectPublicKeyInfo.Span, algorithm, data, priority).ExitCode);
    }

    [Fact]
    public void SignHash_Sha256DigestOfP256Key_VerifiesAsHash()
    {
        var signer = fixture.Online.GenerateKey(HsmTokenTests.UniqueLabel("hash"), HsmKeyType.EcP256).CreateSigner();
        var hash = SHA256.HashData("to be signed"u8);

        var signature = signer.SignHash(hash);

        using var ecdsa = ECDsa.Create();
        ecdsa.ImportSubjectPublicKeyInfo(signer.SubjectPublicKeyInfo.Span, out _);
        Assert.True(ecdsa.VerifyHash(hash, signature, DSASignatureFormat.Rfc3279DerSequence));
    }

    [Fact]
    public void SignHash_WrongDigestLength_ThrowsArgumentException()
    {
        var signer = fixture.Online.GenerateKey(HsmTokenTests.UniqueLabel("hashlen"), HsmKeyType.EcP521).CreateSigner();

        Assert.Throws<ArgumentException>(() => signer.SignHash(new byte[32]));
    }

    [Fact]
    public void SignHash_Ed448_ThrowsNotSupported()
    {
        var signer = fixture.Online.GenerateKey(HsmTokenTests.UniqueLabel("edhash"), HsmKeyType.Ed448).CreateSigner();

        Assert.Throws<NotSupportedException>(() => signer.SignHash(new byte[64]));
    }

    [Fact]
    public void TrySign_DestinationShorterThanMaxSignatureLength_ReturnsFalse()
    {
        var signer = fixture.Online.GenerateKey(HsmTokenTests.UniqueLabel("short"), HsmKeyType.EcP256).CreateSigner();

        Assert.False(signer.TrySign("x"u8, new byte[signer.MaxSignatureLength - 1], out var written));
        Assert.Equal(0, written);
    }

    [Theory]
    [InlineData(HsmKeyType.EcP256, HsmSignatureAlgorithm.Ed448)]
    [InlineData(HsmKeyType.Ed448, HsmSignatureAlgorithm.EcdsaSha512)]
    public void CreateSigner_AlgorithmDoesNotFitKey_Throws(HsmKeyType keyType, HsmSignatureAlgorithm algorithm)
    {
        var key = fixture.Online.GenerateKey(HsmTokenTests.UniqueLabel("fit"), keyType);

        Assert.Throws<ArgumentException>(() => key.CreateSigner(algorithm));
    }

    [Fact]
    public async Task SignBatchAsync_10000Messages_AllVerifyInOrderAndSomeNeededLeadingZeroTrimming()
    {
        var signer = fixture.Online.GenerateKey(HsmTokenTests.UniqueLabel("tenk"), HsmKeyType.EcP256).CreateSigner();
        const int Count = 10_000;
        var batch = new SigningBatch(signer, Count);
        for (var i = 0; i < Count; i++)
        {
            batch.Add(BitConverter.GetBytes(i));
        }

        await signer.SignBatchAsync(batch);

        using var ecdsa = ECDsa.Create();
        ecdsa.ImportSubjectPublicKeyInfo(signer.SubjectPublicKeyInfo.Span, out _);
        var trimmed = 0;
        for (var i = 0; i < Count; i++)
        {
            var signature = batch.GetSignature(i);
            // Entry i must carry the signature of message i: results come back in input order.
            Assert.True(ecdsa.VerifyData(BitConverter.GetBytes(i), signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence), $"signature {i}");
            if (HadLeadingZero(signature))
            {
                trimmed++;
            }
        }

        // About 2 × 10,000 / 256 ≈ 78 halves start with a zero byte; the encoder must trim them (AsnWriter would throw).
        Assert.InRange(trimmed, 1, 400);
    }

    private static bool HadLeadingZero(ReadOnlySpan<byte> signature)
    {
        // A 32-byte half with a leading zero byte encodes as an INTEGER of at most 31 content bytes.
        AsnDecoder.ReadSequence(signature, AsnEncodingRules.DER, out var offset, out var length, out _);
        var content = signature.Slice(offset, length);
        var r = AsnDecoder.ReadIntegerBytes(content, AsnEncodingRules.DER, out var consumed);
        var s = AsnDecoder.ReadIntegerBytes(content[consumed..], AsnEncodingRules.DER, out _);
        return Magnitude(r) < 32 || Magnitude(s) < 32;

        static int Magnitude(ReadOnlySpan<byte> integer) => integer[0] == 0 ? integer.Length - 1 : integer.Length;
    }
}
