// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Ocsp.Tests.Support;

namespace V2gPki.Ocsp.Tests;

/// <summary>Requests made by openssl and GnuTLS at test time parse to exactly the fields those tools print.</summary>
[Collection(PkiCollection.Name)]
public class OcspRequestParserInteropTests(PkiFixture pki)
{
    public static TheoryData<string, string[]> OpenSslRequests => new()
    {
        { "sha1-nonce", ["-cert", "leaf1.pem"] },
        { "sha1-no-nonce", ["-no_nonce", "-cert", "leaf1.pem"] },
        { "sha256-nonce", ["-sha256", "-cert", "leaf1.pem"] },
        { "sha256-no-nonce", ["-sha256", "-no_nonce", "-cert", "leaf80.pem"] },
        { "sha384", ["-sha384", "-cert", "leaf20.pem"] },
        { "sha512", ["-sha512", "-cert", "leaf80.pem"] },
        { "multi-cert-serial", ["-cert", "leaf1.pem", "-serial", "0x80", "-cert", "leaf20.pem", "-serial", "12345"] },
        { "multi-mixed-digest", ["-no_nonce", "-cert", "leaf1.pem", "-sha256", "-cert", "leaf80.pem", "-serial", "0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF"] },
        { "long-nonce", ["-nonce", "-cert", "leaf1.pem"] },
    };

    [Theory]
    [MemberData(nameof(OpenSslRequests))]
    public void TryParse_OpenSslRequest_MatchesReqText(string name, string[] args)
    {
        var file = $"req-{name}.der";
        var made = Tool.OpenSslIn(pki.Dir, ["ocsp", "-issuer", "ca.pem", .. args, "-reqout", file, "-req_text"]);
        (var expected, var expectedNonce) = RequestText.ParseOpenSsl(made.StdOut);
        var der = File.ReadAllBytes(pki.PathOf(file));

        var status = OcspRequestParser.TryParse(der, out var request);

        Assert.Equal(OcspParseStatus.Ok, status);
        Assert.Equal(OcspRequestQuirks.None, request.Quirks);
        Assert.Equal(expected.Count, request.Count);
        var actual = new List<ExpectedCertId>();
        foreach (var id in request)
        {
            actual.Add(ExpectedCertId.From(id));
        }

        Assert.Equal(expected, actual);
        Assert.Equal(expected[0], ExpectedCertId.From(request.FirstCertId));
        Assert.Equal(expectedNonce is not null, request.HasNonce);
        if (expectedNonce is not null)
        {
            Assert.Equal(expectedNonce, Hex.Of(request.NonceExtensionValue));
            Assert.Equal(expectedNonce[4..], Hex.Of(request.Nonce)); // openssl wraps the nonce: 04 10 <16 octets>
        }

        SlowRequestParser.AssertAgrees(der, request);
    }

    [Theory]
    [InlineData("leaf1.pem")]
    [InlineData("leaf80.pem")]
    [InlineData("leaf20.pem")]
    public void TryParse_GnuTlsRequest_MatchesRequestInfo(string leaf)
    {
        var file = $"gnutls-{leaf}.der";
        var made = Tool.RunIn(pki.Dir, "ocsptool", "-q", "--load-issuer", "ca.pem", "--load-cert", leaf, "--outfile", file);
        Assert.True(made.ExitCode == 0, made.All);
        var info = Tool.RunIn(pki.Dir, "ocsptool", "-i", "-Q", file);
        Assert.True(info.ExitCode == 0, info.All);
        var expected = RequestText.ParseGnuTls(info.StdOut);
        var der = File.ReadAllBytes(pki.PathOf(file));

        var status = OcspRequestParser.TryParse(der, out var request);

        Assert.Equal(OcspParseStatus.Ok, status);
        Assert.Single(expected);
        Assert.Equal(1, request.Count);
        Assert.Equal(expected[0], ExpectedCertId.From(request.FirstCertId));
        Assert.False(request.HasNonce);
        SlowRequestParser.AssertAgrees(der, request);
    }

    [Fact]
    public void TryParse_OpenSslRequest_CertIdMatchesIssuerHashesComputedFromTheCa()
    {
        Tool.OpenSslIn(pki.Dir, "ocsp", "-issuer", "ca.pem", "-sha256", "-cert", "leaf1.pem", "-reqout", "req-hash.der");
        var der = File.ReadAllBytes(pki.PathOf("req-hash.der"));
        var hashes = IssuerHashes.Compute(OcspHashAlgorithm.Sha256, pki.CaDer);

        Assert.Equal(OcspParseStatus.Ok, OcspRequestParser.TryParse(der, out var request));
        Assert.True(request.FirstCertId.Matches(hashes.ToCertId(pki.Leaves[0].Serial)));
    }
}
