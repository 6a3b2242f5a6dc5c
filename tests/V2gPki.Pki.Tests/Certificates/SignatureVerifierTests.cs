// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using Org.BouncyCastle.Security;
using V2gPki.Pki.Certificates;
using V2gPki.Pki.Profiles;

namespace V2gPki.Pki.Tests.Certificates;

public sealed class SignatureVerifierTests
{
    [Theory]
    [InlineData(KeyAlgorithm.EcP256, SignatureAlgorithm.EcdsaWithSha256, "SHA256WITHECDSA")]
    [InlineData(KeyAlgorithm.EcP521, SignatureAlgorithm.EcdsaWithSha512, "SHA512WITHECDSA")]
    [InlineData(KeyAlgorithm.Ed448, SignatureAlgorithm.Ed448, "Ed448")]
    public void Verify_ManyConcurrentCalls_AcceptsGoodAndRefusesBadSignatures(KeyAlgorithm key, SignatureAlgorithm algorithm, string bcName)
    {
        var pair = TestKeys.Generate(key);
        var verifier = new SignatureVerifier(TestKeys.Spki(pair).GetDerEncoded());
        var messages = Enumerable.Range(0, 16).Select(i => BitConverter.GetBytes(i)).ToArray();
        var signatures = messages.Select(m =>
        {
            var signer = SignerUtilities.GetSigner(bcName);
            signer.Init(true, pair.Private);
            signer.BlockUpdate(m);
            return signer.GenerateSignature();
        }).ToArray();

        Parallel.For(0, 400, i =>
        {
            var k = i % messages.Length;
            Assert.True(verifier.Verify(algorithm, messages[k], signatures[k]));
            Assert.False(verifier.Verify(algorithm, messages[(k + 1) % messages.Length], signatures[k]));
        });
    }

    [Fact]
    public void Verify_WrongAlgorithmForKey_ReturnsFalse()
    {
        var verifier = new SignatureVerifier(TestKeys.Spki(KeyAlgorithm.Ed448).GetDerEncoded());
        Assert.False(verifier.Verify(SignatureAlgorithm.EcdsaWithSha256, [1, 2, 3], new byte[70]));
        Assert.False(verifier.Verify(SignatureAlgorithm.EcdsaWithSha256, [1, 2, 3], new byte[70]));
    }
}
