// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Security.Cryptography;

namespace V2gPki.IntegrationTests.Serve;

/// <summary>
/// openssl as an independent client of the real server (docs/architecture.md §4 invariant 4): every answer verified
/// with <c>-CAfile</c> (the V2G root) and the issuing chain, by POST (<c>-url</c>) and by RFC 5019 GET (curl on the
/// base64 path, then <c>openssl ocsp -respin</c>), with SHA-1 and SHA-256 CertIDs, for a leaf of every kind and for
/// a Sub-CA 2 certificate.
/// </summary>
[Collection(PkiServerCollection.Name)]
public sealed class OpensslOcspTests(PkiServerFixture server) : IDisposable
{
    private readonly List<string> _scratch = [];

    public static TheoryData<string, string, string> Leaves()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var kind in new[] { "evse", "contract", "oem-prov", "cps" })
        {
            foreach (var status in new[] { "good", "revoked" })
            {
                foreach (var hash in new[] { "sha1", "sha256" })
                {
                    data.Add(kind, status, hash);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Leaves))]
    public void Post_LeafOfEveryKind_VerdictAndReasonVerifiedAgainstTheRoot(string kind, string status, string hash)
    {
        var sample = server.Sample($"{kind}-{status}");

        // openssl adds a nonce by default; the pre-signed answer carries none (docs/architecture.md §3), so openssl
        // warns and still prints the verdict.
        var result = Tool.Run("openssl", "ocsp", "-url", server.Url, "-" + hash, "-issuer", server.Ca(sample.IssuerName), "-cert", server.Cert(sample.Name),
            "-CAfile", server.Ca("v2g-root"), "-verify_other", server.Cert(kind + "-chain"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Response verify OK", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("WARNING: no nonce in response", result.All, StringComparison.Ordinal);
        Assert.Contains($"{server.Cert(sample.Name)}: {status}", result.StdOut, StringComparison.Ordinal);
        if (status == "revoked")
        {
            Assert.Contains("Reason: " + OpensslReason(sample.Reason), result.StdOut, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Leaves))]
    public void Get_LeafOfEveryKind_CurlThenRespinVerifies(string kind, string status, string hash)
    {
        var sample = server.Sample($"{kind}-{status}");
        var work = Scratch();
        var request = Path.Combine(work, "req.der");
        var make = Tool.Run("openssl", "ocsp", "-" + hash, "-issuer", server.Ca(sample.IssuerName), "-cert", server.Cert(sample.Name), "-no_nonce", "-reqout", request);
        Assert.True(make.ExitCode == 0, make.ToString());

        var response = CurlGet(request, work);
        var result = Tool.Run("openssl", "ocsp", "-respin", response, "-" + hash, "-issuer", server.Ca(sample.IssuerName), "-cert", server.Cert(sample.Name),
            "-CAfile", server.Ca("v2g-root"), "-verify_other", server.Cert(kind + "-chain"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Response verify OK", result.StdErr, StringComparison.Ordinal);
        Assert.Contains($"{server.Cert(sample.Name)}: {status}", result.StdOut, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sha1", false)]
    [InlineData("sha256", false)]
    [InlineData("sha1", true)]
    [InlineData("sha256", true)]
    public void SubCa2Certificate_GoodSignedByItsParentsDelegatedSigner(string hash, bool get)
    {
        var result = get
            ? RespinGet(Path.Combine("ca", "cpo-sub2.pem"), hash, "cpo-sub1", server.Ca("cpo-sub1"))
            : Tool.Run("openssl", "ocsp", "-url", server.Url, "-" + hash, "-issuer", server.Ca("cpo-sub1"), "-cert", server.Ca("cpo-sub2"),
                "-CAfile", server.Ca("v2g-root"), "-verify_other", server.Ca("cpo-sub1"), "-resp_text");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Response verify OK", result.StdErr, StringComparison.Ordinal);
        Assert.Contains($"{server.Ca("cpo-sub2")}: good", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Post_ReadyMadeRequests_AnswerWhatTheirNamesSay()
    {
        foreach (var (name, expected) in new[] { ("evse-good.sha256", "good"), ("evse-revoked.sha1", "revoked"), ("cpo-sub2.sha256", "good") })
        {
            var result = Tool.Run("openssl", "ocsp", "-url", server.Url, "-reqin", server.Request(name), "-CAfile", server.Ca("v2g-root"),
                "-verify_other", server.Cert("evse-chain"), "-resp_text");
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("Cert Status: " + expected, result.StdOut, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Post_VerifiedWithTheDelegatedSignerAsValidator_VAfile()
    {
        // -VAfile trusts the responder certificate itself (no chain to the root needed).
        var result = Tool.Run("openssl", "ocsp", "-url", server.Url, "-issuer", server.Ca("oem-sub2"), "-cert", server.Cert("oem-prov-revoked"),
            "-VAfile", server.Ca("oem-sub2-ocsp"), "-no_nonce");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Response verify OK", result.StdErr, StringComparison.Ordinal);
        Assert.Contains($"{server.Cert("oem-prov-revoked")}: revoked", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("Reason: superseded", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Post_NonceRequest_AnsweredWithoutNonceFromTheCache()
    {
        // RFC 9654 nonces are ignored by default so responses stay cacheable (docs/architecture.md §3).
        var result = Tool.Run("openssl", "ocsp", "-url", server.Url, "-reqin", server.Request("evse-good.nonce"), "-CAfile", server.Ca("v2g-root"),
            "-verify_other", server.Cert("evse-chain"), "-resp_text");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Cert Status: good", result.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("OCSP Nonce", result.StdOut, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void UnknownIssuer_Unauthorized(bool get)
    {
        var result = get
            ? Tool.Run("openssl", "ocsp", "-respin", CurlGet(server.Request("unknown-issuer"), Scratch()), "-resp_text")
            : Tool.Run("openssl", "ocsp", "-url", server.Url, "-reqin", server.Request("unknown-issuer"), "-resp_text");

        Assert.Contains("Responder Error: unauthorized (6)", result.All, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cpo-sub2", "sha1", false)]
    [InlineData("cpo-sub2", "sha256", true)]
    [InlineData("cpo-sub1", "sha1", true)]
    [InlineData("cpo-sub1", "sha256", false)]
    public void NeverIssuedSerial_ExtendedRevokedSignedLive(string issuer, string hash, bool get)
    {
        // RFC 6960 §2.2: a serial a known CA never issued is "revoked", certificateHold, revoked at the epoch, with the
        // extended revoked definition extension; under a Sub-CA 2 (leaf level) and a Sub-CA 1 (Sub-CA level).
        var work = Scratch();
        var serial = "0x" + Convert.ToHexString(RandomNumberGenerator.GetBytes(15)).Insert(0, "7A");
        var request = Path.Combine(work, "req.der");
        var make = Tool.Run("openssl", "ocsp", "-" + hash, "-issuer", server.Ca(issuer), "-serial", serial, "-no_nonce", "-reqout", request);
        Assert.True(make.ExitCode == 0, make.ToString());
        var chain = issuer == "cpo-sub2" ? server.Cert("evse-chain") : server.Ca("cpo-sub1");

        var result = get
            ? Tool.Run("openssl", "ocsp", "-respin", CurlGet(request, work), "-CAfile", server.Ca("v2g-root"), "-verify_other", chain, "-resp_text")
            : Tool.Run("openssl", "ocsp", "-url", server.Url, "-reqin", request, "-CAfile", server.Ca("v2g-root"), "-verify_other", chain, "-resp_text");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Response verify OK", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("Cert Status: revoked", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("Revocation Time: Jan  1 00:00:00 1970 GMT", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("certificateHold", result.StdOut, StringComparison.Ordinal);
        // id-pkix-ocsp-extended-revoke, 1.3.6.1.5.5.7.48.1.9, which openssl names "valid".
        Assert.Matches(@"Response Extensions:\s+valid", result.StdOut);
    }

    private Tool.Result RespinGet(string relativeCertificate, string hash, string issuer, string chain)
    {
        var work = Scratch();
        var request = Path.Combine(work, "req.der");
        var certificate = Path.Combine(server.DataDirectory, relativeCertificate);
        var make = Tool.Run("openssl", "ocsp", "-" + hash, "-issuer", server.Ca(issuer), "-cert", certificate, "-no_nonce", "-reqout", request);
        Assert.True(make.ExitCode == 0, make.ToString());
        return Tool.Run("openssl", "ocsp", "-respin", CurlGet(request, work), "-" + hash, "-issuer", server.Ca(issuer), "-cert", certificate,
            "-CAfile", server.Ca("v2g-root"), "-verify_other", chain);
    }

    /// <summary>RFC 5019 §A.1 GET: the base64 DER request, URL-escaped, appended to the responder URL.</summary>
    private string CurlGet(string requestFile, string work)
    {
        var path = Path.Combine(work, "resp-" + Path.GetFileNameWithoutExtension(requestFile) + ".der");
        var url = server.Url + Uri.EscapeDataString(Convert.ToBase64String(File.ReadAllBytes(requestFile)));
        var result = Tool.Run("curl", "-sS", "--fail", "-o", path, url);
        Assert.True(result.ExitCode == 0, result.ToString());
        return path;
    }

    /// <summary>Deletes the scratch directories of the test.</summary>
    public void Dispose()
    {
        foreach (var directory in _scratch)
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private string Scratch()
    {
        var directory = Directory.CreateTempSubdirectory("v2gpki-openssl-").FullName;
        _scratch.Add(directory);
        return directory;
    }

    /// <summary>openssl's name of an RFC 5280 reason (OCSP_crl_reason_str).</summary>
    private static string OpensslReason(V2gPki.Store.RevocationReason reason) => reason switch
    {
        V2gPki.Store.RevocationReason.KeyCompromise => "keyCompromise",
        V2gPki.Store.RevocationReason.CessationOfOperation => "cessationOfOperation",
        V2gPki.Store.RevocationReason.Superseded => "superseded",
        V2gPki.Store.RevocationReason.AffiliationChanged => "affiliationChanged",
        _ => reason.ToString(),
    };
}
