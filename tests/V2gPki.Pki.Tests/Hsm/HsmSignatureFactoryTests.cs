// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Text;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Pkcs;
using V2gPki.Hsm;
using V2gPki.Pki.Hierarchy;
using V2gPki.Pki.Signing;

namespace V2gPki.Pki.Tests.Hsm;

/// <summary>BouncyCastle signs through the HSM-backed ISignatureFactory without ever holding a private key.</summary>
[Collection(PkiHsmCollection.Name)]
public sealed class HsmSignatureFactoryTests(PkiHsmFixture fixture)
{
    [Theory]
    [InlineData(HsmKeyType.EcP256, "1.2.840.10045.4.3.2")]
    [InlineData(HsmKeyType.EcP521, "1.2.840.10045.4.3.4")]
    [InlineData(HsmKeyType.Ed448, "1.3.101.113")]
    public void Pkcs10WithFactory_EveryKeyType_VerifiesWithBouncyCastleAndOpenSsl(HsmKeyType keyType, string algorithmOid)
    {
        var online = fixture.Demo(DemoKind.P256).Tokens.GetToken(HsmTokenRoles.Online);
        var key = online.GenerateKey("factory-" + Guid.NewGuid().ToString("N")[..12], keyType);
        var factory = new HsmSignatureFactory(new HsmCertificateSigner(key.CreateSigner()));
        Assert.Equal(algorithmOid, ((AlgorithmIdentifier)factory.AlgorithmDetails).Algorithm.Id);
        Assert.Null(((AlgorithmIdentifier)factory.AlgorithmDetails).Parameters);

        var spki = SubjectPublicKeyInfo.GetInstance(Asn1Object.FromByteArray(key.SubjectPublicKeyInfo.ToArray()));
        var csr = new Pkcs10CertificationRequest(factory, new X509Name("CN=factory test,O=V2gPki"), spki, new DerSet());

        Assert.True(csr.Verify());
        var file = Path.Combine(fixture.NewDirectory("factory"), "req.pem");
        File.WriteAllText(file, Pem.Encode(Pem.CertificateRequestLabel, csr.GetDerEncoded()));
        (var exit, var output) = Tool.Run("openssl", "req", "-in", file, "-noout", "-verify");
        Assert.True(exit == 0 && output.Contains("verify OK", StringComparison.Ordinal), output);
    }

    [Fact]
    public void Calculator_ResultAskedTwice_SignsOnce()
    {
        var signer = new CountingSigner(fixture.Demo(DemoKind.P256).Hierarchy.GetCa("cpo-sub2").Signer!);
        var calculator = new HsmSignatureFactory(signer).CreateCalculator();
        calculator.Stream.Write(Encoding.ASCII.GetBytes("tbs"));
        calculator.Stream.Dispose();

        var first = calculator.GetResult().Collect();
        var second = calculator.GetResult().Collect();

        Assert.Equal(first, second);
        Assert.Equal(1, signer.Count);
    }
}
