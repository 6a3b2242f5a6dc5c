// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Security.Cryptography;
using V2gPki.Hsm;
using V2gPki.Pki.Certificates;
using V2gPki.Pki.Signing;

namespace V2gPki.Pki.Tests.Hsm;

/// <summary>The delegated OCSP signer key signs <c>tbsResponseData</c> through the OCSP module's signer interface.</summary>
[Collection(PkiHsmCollection.Name)]
public sealed class HsmOcspSignerTests(PkiHsmFixture fixture)
{
    [Fact]
    public void TrySign_BothLanes_ExposesAlgorithmAndVerifies()
    {
        var online = fixture.Demo(DemoKind.P256).Tokens.GetToken(HsmTokenRoles.Online);
        var signer = online.GenerateKey("ocsp-signer-" + Guid.NewGuid().ToString("N")[..12], HsmKeyType.EcP256).CreateSigner();
        using var verifier = new SignatureVerifier(signer.SubjectPublicKeyInfo.Span);
        var tbs = RandomNumberGenerator.GetBytes(300);
        foreach (var lane in new[] { SigningLane.Priority, SigningLane.Bulk })
        {
            var ocsp = new HsmOcspSigner(signer, lane);
            Assert.Equal(signer.AlgorithmIdentifier.ToArray(), ocsp.SignatureAlgorithm.ToArray());
            Assert.Equal(72, ocsp.MaxSignatureLength);
            Assert.False(ocsp.TrySign(tbs, new byte[10], out _));

            var buffer = new byte[ocsp.MaxSignatureLength];
            Assert.True(ocsp.TrySign(tbs, buffer, out var written));
            Assert.True(verifier.Verify(ocsp.SignatureAlgorithm, tbs, buffer.AsSpan(0, written)));
        }
    }

    [Fact]
    public void Constructor_LaneOtherThanPriorityOrBulk_Throws()
    {
        var online = fixture.Demo(DemoKind.P256).Tokens.GetToken(HsmTokenRoles.Online);
        var signer = online.GenerateKey("ocsp-signer-" + Guid.NewGuid().ToString("N")[..12], HsmKeyType.EcP256).CreateSigner();
        Assert.Throws<ArgumentOutOfRangeException>(() => new HsmOcspSigner(signer, (SigningLane)99));
    }
}
