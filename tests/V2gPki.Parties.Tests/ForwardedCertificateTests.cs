// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using V2gPki.Parties.Credentials;

namespace V2gPki.Parties.Tests;

/// <summary>The forms proxies forward a client certificate in: nginx, AWS ALB (URL-encoded PEM), Apache (PEM with spaces), bare base64.</summary>
public sealed class ForwardedCertificateTests
{
    private static readonly X509Certificate2 Certificate = MakeCertificate();

    public static TheoryData<string, string> Forms => new()
    {
        { "nginx $ssl_client_escaped_cert", Uri.EscapeDataString(Certificate.ExportCertificatePem() + "\n") },
        { "Apache, line breaks as spaces", Certificate.ExportCertificatePem().Replace('\n', ' ') },
        { "PEM as is", Certificate.ExportCertificatePem() },
        { "bare base64 DER", Convert.ToBase64String(Certificate.RawData) },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public void TryRead_EachProxyForm_TheSameCertificate(string form, string header)
    {
        Assert.True(ForwardedCertificate.TryRead(header, out var read, out var error), form + ": " + error);
        using (read)
        {
            Assert.Equal(Certificate.RawData, read.RawData);
        }
    }

    [Theory]
    [InlineData("", "not PEM or base64")]
    [InlineData("not a certificate!", "not PEM or base64")]
    [InlineData("-----BEGIN CERTIFICATE----- MIIB", "without its END line")]
    [InlineData("MIIBAAAA", "does not parse")]
    public void TryRead_Garbage_FalseWithTheReason(string header, string reason)
    {
        Assert.False(ForwardedCertificate.TryRead(header, out var read, out var error));
        Assert.Null(read);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_LongerThanTheLimit_Refused()
    {
        Assert.False(ForwardedCertificate.TryRead(new string('A', ForwardedCertificate.MaxHeaderLength + 1), out _, out var error));
        Assert.Contains("longer than", error, StringComparison.Ordinal);
    }

    private static X509Certificate2 MakeCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new CertificateRequest("CN=cpo-demo", key, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }
}
