// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using V2gPki.Hsm;
using V2gPki.Pki.Hierarchy;
using V2gPki.Pki.Signing;
using V2gPki.Pki.Tests.Hsm;
using V2gPki.Pki.Tls;

namespace V2gPki.Pki.Tests.Tls;

/// <summary>The TLS certificates of our own listeners: a root whose key is in the HSM, end-entity certificates under it.</summary>
[Collection(PkiHsmCollection.Name)]
public sealed class TlsCertificatesTests(PkiHsmFixture fixture)
{
    [Theory]
    [InlineData(false, "TLS Web Server Authentication")]
    [InlineData(true, "TLS Web Client Authentication")]
    public void Issue_UnderAnHsmRoot_VerifiesWithOpensslAndCarriesItsNames(bool client, string purpose)
    {
        var online = fixture.Demo(DemoKind.P256).Tokens.GetToken(HsmTokenRoles.Online);
        var rootKey = new HsmCertificateSigner(online.GenerateKey("tls-root-" + Guid.NewGuid().ToString("N")[..12], HsmKeyType.EcP256).CreateSigner());
        var now = DateTimeOffset.UtcNow;
        var root = TlsCertificates.CreateRoot(rootKey, "CN=V2gPki Test TLS Root, O=V2gPki Test, C=DE", now.AddMinutes(-5), now.AddYears(10));
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var leaf = TlsCertificates.Issue(rootKey, root, key.ExportSubjectPublicKeyInfo(), "CN=127.0.0.1, O=V2gPki Test, C=DE", client,
            ["localhost"], [IPAddress.Loopback], now.AddMinutes(-5), now.AddYears(20));

        var directory = fixture.NewDirectory("tls");
        File.WriteAllText(Path.Combine(directory, "root.pem"), Pem.Encode(Pem.CertificateLabel, root));
        File.WriteAllText(Path.Combine(directory, "leaf.pem"), Pem.Encode(Pem.CertificateLabel, leaf));
        (var exit, var output) = Tool.Run("openssl", "verify", "-x509_strict", "-purpose", client ? "sslclient" : "sslserver",
            "-CAfile", Path.Combine(directory, "root.pem"), Path.Combine(directory, "leaf.pem"));
        Assert.True(exit == 0, output);

        (_, var text) = Tool.Run("openssl", "x509", "-in", Path.Combine(directory, "leaf.pem"), "-noout", "-text");
        Assert.Contains(purpose, text, StringComparison.Ordinal);
        Assert.Contains("DNS:localhost, IP Address:127.0.0.1", text, StringComparison.Ordinal);
        using var parsedRoot = X509CertificateLoader.LoadCertificate(root);
        using var parsedLeaf = X509CertificateLoader.LoadCertificate(leaf);
        Assert.True(parsedLeaf.NotAfter <= parsedRoot.NotAfter, "the leaf ends with its root at the latest");
    }
}
