// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace V2gPki.IntegrationTests.Serve;

/// <summary>
/// EST against the demo's listener over TLS (RFC 7030, RFC 8951, the OPCP/MaEVe/CitrineOS path shapes): curl posts
/// openssl-made CSRs, openssl reads and verifies what comes back, and the next OCSP request says the new certificate is
/// good.
/// </summary>
[Collection(PkiServerCollection.Name)]
public sealed partial class EstEnrollmentTests(PkiServerFixture fixture) : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "v2gpki-est-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)));

    public static TheoryData<string, string, string> OwnIdentifiers => new()
    {
        // {ca}, role file, CN: an identifier of the kind inside the demo account's prefix (DE*ABC, DE-ABC, WAB, "V2gPki Demo CPS")
        { "cpo", "cpo", "DE*ABC*E" + Unique(6) },
        { "mo", "mo", "DE-ABC-C" + Unique(8) },
        { "oem", "oem", "WAB" + Unique(14) },
        { "cps", "cps", "V2gPki Demo CPS " + Unique(4) },
    };

    [Theory]
    [MemberData(nameof(OwnIdentifiers))]
    public void SimpleEnroll_CurlWithBasic_LeafOnlyThatOpensslVerifiesUpToTheRoot(string ca, string role, string commonName)
    {
        Directory.CreateDirectory(_work);
        var csr = MakeCsr(commonName);
        var body = Path.Combine(_work, ca + ".b64");
        File.WriteAllText(body, Convert.ToBase64String(csr, Base64FormattingOptions.InsertLineBreaks));
        var answer = Path.Combine(_work, ca + ".p7.b64");

        var curl = Tool.Run("curl", "-s", "-S", "--fail-with-body", "--cacert", fixture.EstTlsRoot, "-u", fixture.EstAccount(role),
            "-H", "Content-Type: application/pkcs10", "--data-binary", "@" + body, "-o", answer, "-D", answer + ".headers",
            fixture.EstAddress + ".well-known/est/" + ca + "/simpleenroll");

        Assert.True(curl.ExitCode == 0, curl.ToString());
        var headers = File.ReadAllText(answer + ".headers");
        Assert.Contains("Content-Type: application/pkcs7-mime; smime-type=certs-only", headers, StringComparison.Ordinal);
        Assert.Contains("Content-Transfer-Encoding: base64", headers, StringComparison.Ordinal);
        var certificates = PrintCertificates(answer);
        var subject = Assert.Single(certificates.Split('\n'), l => l.StartsWith("subject=", StringComparison.Ordinal));
        Assert.Contains("CN = ", subject, StringComparison.Ordinal);

        var leaf = Path.Combine(_work, ca + ".pem");
        File.WriteAllText(leaf, certificates);
        var chain = Path.Combine(_work, ca + "-chain.pem");
        File.WriteAllText(chain, PrintCertificates(FetchCaCerts(ca)));
        var verify = Tool.OpenSsl("verify", "-x509_strict", "-CAfile", fixture.Ca("v2g-root"), "-untrusted", chain, leaf);
        Assert.Contains(": OK", verify.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void SimpleEnroll_NewCertificate_GoodInTheVeryNextOcspRequest()
    {
        Directory.CreateDirectory(_work);
        var leaf = Path.Combine(_work, "fresh.pem");
        File.WriteAllText(leaf, Enroll("cpo", "cpo", "DE*ABC*E" + Unique(8)));

        var ocsp = Tool.OpenSsl("ocsp", "-url", fixture.Url, "-issuer", fixture.Ca("cpo-sub2"), "-cert", leaf, "-CAfile", fixture.Ca("v2g-root"),
            "-verify_other", fixture.Cert("evse-chain"), "-no_nonce");

        Assert.Contains("Response verify OK", ocsp.All, StringComparison.Ordinal);
        Assert.Contains(leaf + ": good", ocsp.StdOut, StringComparison.Ordinal);
    }

    public static TheoryData<string> CaCertsPaths => new()
    {
        "/.well-known/est/cpo/cacerts",                  // RFC 7030 §4.1
        "/cpo/cacerts/ISO15118-2/secp256r1/",            // OPCP
        "/cpo/cacerts/ISO15118-2",                       // MaEVe
        "/.well-known/cpo/cacerts",                      // CitrineOS
        "/.well-known/est/qa-cpo/cacerts",               // an OPCP environment prefix
    };

    [Theory]
    [MemberData(nameof(CaCertsPaths))]
    public void CaCerts_EveryPathFamily_SubCa2FirstAndTheRootLast(string path)
    {
        Directory.CreateDirectory(_work);
        var subjects = PrintCertificates(FetchCaCerts(path: path)).Split('\n').Where(l => l.StartsWith("subject=", StringComparison.Ordinal)).ToArray();

        Assert.Equal(3, subjects.Length);
        Assert.Contains("CN = CPO Sub-CA 2", subjects[0], StringComparison.Ordinal);
        Assert.Contains("CN = CPO Sub-CA 1", subjects[1], StringComparison.Ordinal);
        Assert.Contains("CN = V2G Root CA", subjects[2], StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string, string, int> AuthorizationMatrix()
    {
        var data = new TheoryData<string, string, string, string, int>();
        var own = new Dictionary<string, string>
        {
            ["cpo"] = "DE*ABC*E1",
            ["mo"] = "DE-ABC-C12345678",
            ["oem"] = "WAB12345678901234",
            ["cps"] = "V2gPki Demo CPS 9",
        };
        var foreign = new Dictionary<string, string>
        {
            ["cpo"] = "DE*XYZ*E1",
            ["mo"] = "DE-XYZ-C12345678",
            ["oem"] = "WXY12345678901234",
            ["cps"] = "Other CPS 9",
        };
        foreach (var role in new[] { "cpo", "mo", "oem", "cps" })
        {
            foreach (var ca in new[] { "cpo", "mo", "oem", "cps" })
            {
                // Basic, the identifier owned by the demo account of {ca}: allowed only when the role is the one of {ca}
                // (a CPO may not ask at mo even for an EMAID-shaped CN; ISO 15118 / OPCP roles, docs/architecture.md §2).
                // The same for each way of proving who one is: the password, the bearer token, the party-auth certificate.
                foreach (var credential in new[] { "basic", "jwt", "mtls" })
                {
                    data.Add(role, ca, credential, own[ca], role == ca ? 200 : 403);
                    data.Add(role, ca, credential, foreign[ca], 403);
                }

                // And every way of failing to: 401 with the Basic challenge first, whatever the role or CA.
                foreach (var credential in new[] { "none", "wrong-password", "expired-token", "wrong-audience-token", "foreign-signed-token", "untrusted-certificate" })
                {
                    data.Add(role, ca, credential, own[ca], 401);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AuthorizationMatrix))]
    public async Task SimpleEnroll_RoleCaPrefixAndCredential_DocumentedStatus(string role, string ca, string credential, string commonName, int status)
    {
        using var certificate = credential switch
        {
            "mtls" => X509Certificate2.CreateFromPemFile(Path.Combine(fixture.DataDirectory, "est", role + "-client.pem"), Path.Combine(fixture.DataDirectory, "est", role + "-client.key")),
            "untrusted-certificate" => SelfSigned(fixture.EstAccount(role).Split(':')[0]),
            _ => null,
        };
        using var client = fixture.EstClient(certificate);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(fixture.EstAddress, ".well-known/est/" + ca + "/simpleenroll"))
        {
            Content = new StringContent(Convert.ToBase64String(MakeCsr(commonName)), Encoding.ASCII, "application/pkcs10"),
        };
        var account = fixture.EstAccount(role);
        switch (credential)
        {
            case "basic" or "wrong-password":
                var secret = credential == "basic" ? account : account.Split(':')[0] + ":not-the-password";
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)));
                break;
            case "jwt":
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fixture.EstToken(role));
                break;
            case "expired-token" or "wrong-audience-token" or "foreign-signed-token":
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BadToken(credential switch
                {
                    "expired-token" => "expired",
                    "wrong-audience-token" => "wrong-audience",
                    _ => "foreign-key",
                }, role));
                break;
        }

        using var response = await client.SendAsync(request);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"{role} at {ca} with {credential} for '{commonName}': {(int)response.StatusCode} {text}");
        if (status == 401)
        {
            // libest reads only the first challenge and sends Basic credentials only after a Basic one.
            Assert.StartsWith("Basic ", response.Headers.WwwAuthenticate.First().ToString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("none")]
    [InlineData("wrong-password")]
    [InlineData("malformed")]
    public async Task SimpleEnroll_NoOrBadCredential_401WithTheChallengeAndAnEmptyBody(string credential)
    {
        using var client = fixture.EstClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(fixture.EstAddress, ".well-known/est/cpo/simpleenroll"))
        {
            Content = new StringContent(Convert.ToBase64String(MakeCsr("DE*ABC*E1")), Encoding.ASCII, "application/pkcs10"),
        };
        if (credential == "wrong-password")
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("cpo-demo:not-the-password")));
        }
        else if (credential == "malformed")
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", "%%%");
        }

        using var response = await client.SendAsync(request);

        // BouncyCastle Java's EST client closes the 401 before it answers the challenge and fails when the body was not
        // read to its Content-Length: the challenge must come with an empty body (the reason goes to the audit log).
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("Basic ", response.Headers.WwwAuthenticate.First().ToString(), StringComparison.Ordinal);
        Assert.Equal(0, response.Content.Headers.ContentLength);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    public static TheoryData<string, string, string, int, string> BadRequests => new()
    {
        { "POST", "/.well-known/est/cpo/simpleenroll", "not base64 at all!", 400, "is not a base64 character" },
        { "POST", "/.well-known/est/cpo/simpleenroll", "MIIB", 400, "" },
        { "POST", "/.well-known/est/cpo/simpleenroll", "", 400, "empty" },
        { "POST", "/.well-known/est/cpo/simpleenroll", "P384", 400, "P-384" },
        { "POST", "/.well-known/est/cpo/simpleenroll", "BADSIG", 400, "signature" },
        { "POST", "/.well-known/est/cpo/simpleenroll", "NOTANEVSEID", 400, "EVSE ID" },
        { "POST", "/.well-known/est/veh/simpleenroll", "GOOD", 501, "veh" },
        { "POST", "/.well-known/est/cpo/simpleenroll/ISO15118-20", "GOOD", 501, "ISO15118-20" },
        { "POST", "/.well-known/est/cpo/serverkeygen", "GOOD", 501, "serverkeygen" },
        { "GET", "/.well-known/est/cpo/simpleenroll", "", 405, "POST" },
        { "POST", "/.well-known/est/cpo/cacerts", "", 405, "GET" },
        { "GET", "/.well-known/est/nope/cacerts", "", 404, "not an EST path" },
        { "GET", "/admin/v1/cas", "", 404, "not an EST path" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task BadInput_EveryRoute_DocumentedStatusAndAReason(string method, string path, string body, int status, string reason)
    {
        using var client = fixture.EstClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(fixture.EstAddress, path.TrimStart('/')));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(fixture.EstAccount("cpo"))));
        if (method == "POST")
        {
            var content = body switch
            {
                "GOOD" => Convert.ToBase64String(MakeCsr("DE*ABC*E77")),
                "P384" => Convert.ToBase64String(MakeCsr("DE*ABC*E77", ECCurve.NamedCurves.nistP384)),
                "NOTANEVSEID" => Convert.ToBase64String(MakeCsr("just a name")),
                "BADSIG" => Convert.ToBase64String(BreakSignature(MakeCsr("DE*ABC*E77"))),
                _ => body,
            };
            request.Content = new StringContent(content, Encoding.ASCII, "application/pkcs10");
        }

        using var response = await client.SendAsync(request);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Contains(reason, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SimpleEnroll_BodyOverTheLimit_413()
    {
        using var client = fixture.EstClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(fixture.EstAddress, ".well-known/est/cpo/simpleenroll"))
        {
            Content = new StringContent(new string('A', 64 * 1024), Encoding.ASCII, "application/pkcs10"),
        };

        // The server answers from Content-Length without reading the body; with 100-continue the client waits for that
        // answer instead of writing into a connection the server may already have closed (RFC 9110 §10.1.1).
        request.Headers.ExpectContinue = true;
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(fixture.EstAccount("cpo"))));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Metrics_AndAudit_CountAndRecordEnrollments()
    {
        Directory.CreateDirectory(_work);
        var before = await fixture.MetricAsync("v2gpki_est_requests_total{operation=\"simpleenroll\",outcome=\"ok\"}");
        var commonName = "DE*ABC*E" + Unique(8);
        Enroll("cpo", "cpo", commonName);

        Assert.Equal(before + 1, await fixture.MetricAsync("v2gpki_est_requests_total{operation=\"simpleenroll\",outcome=\"ok\"}"));
        var audit = await File.ReadAllLinesAsync(Path.Combine(fixture.DataDirectory, "audit", "est-audit.jsonl"));
        Assert.Contains(audit, l => l.Contains("\"subject\":\"" + commonName.Replace("*", string.Empty, StringComparison.Ordinal) + "\"", StringComparison.Ordinal)
            && l.Contains("\"caller\":\"cpo-demo\"", StringComparison.Ordinal) && l.Contains("\"status\":200", StringComparison.Ordinal));
        Assert.DoesNotContain(audit, l => l.Contains(fixture.EstAccount("cpo").Split(':')[1], StringComparison.Ordinal));
    }

    public void Dispose()
    {
        if (Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }
    }

    private static string Unique(int digits) => string.Concat(Enumerable.Range(0, digits).Select(_ => (char)('0' + RandomNumberGenerator.GetInt32(10))));

    /// <summary>A CSR as a station or a car makes it: C, O and the identifier as CN, a software key of the curve.</summary>
    private static byte[] MakeCsr(string commonName, ECCurve? curve = null)
    {
        using var key = ECDsa.Create(curve ?? ECCurve.NamedCurves.nistP256);
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCountryOrRegion("DE");
        subject.AddOrganizationName("V2gPki Demo");
        subject.AddCommonName(commonName);
        var hash = curve?.Oid.Value == ECCurve.NamedCurves.nistP384.Oid.Value ? HashAlgorithmName.SHA384 : HashAlgorithmName.SHA256;
        return new CertificateRequest(subject.Build(), key, hash).CreateSigningRequest();
    }

    /// <summary>Flips a bit in the last byte of the signature.</summary>
    private static byte[] BreakSignature(byte[] csr)
    {
        var copy = (byte[])csr.Clone();
        copy[^1] ^= 0x01;
        return copy;
    }

    private string Enroll(string ca, string role, string commonName)
    {
        var body = Path.Combine(_work, "enroll-" + Unique(6) + ".b64");
        File.WriteAllText(body, Convert.ToBase64String(MakeCsr(commonName)));
        var answer = body + ".p7";
        var curl = Tool.Run("curl", "-s", "-S", "--fail-with-body", "--cacert", fixture.EstTlsRoot, "-u", fixture.EstAccount(role),
            "-H", "Content-Type: application/pkcs10", "--data-binary", "@" + body, "-o", answer, fixture.EstAddress + ".well-known/est/" + ca + "/simpleenroll");
        Assert.True(curl.ExitCode == 0, curl.ToString());
        return PrintCertificates(answer);
    }

    private string FetchCaCerts(string? ca = null, string? path = null)
    {
        var answer = Path.Combine(_work, "cacerts-" + Unique(6) + ".b64");
        var url = new Uri(fixture.EstAddress, (path ?? "/.well-known/est/" + ca + "/cacerts").TrimStart('/'));
        var curl = Tool.Run("curl", "-s", "-S", "--fail-with-body", "--cacert", fixture.EstTlsRoot, "-o", answer, url.ToString());
        Assert.True(curl.ExitCode == 0, curl.ToString());
        return answer;
    }

    /// <summary>The certificates of a base64 certs-only answer, as openssl prints them (subject, issuer, PEM).</summary>
    private string PrintCertificates(string base64File)
    {
        var der = base64File + ".der";
        File.WriteAllBytes(der, Convert.FromBase64String(File.ReadAllText(base64File)));
        return Tool.OpenSsl("pkcs7", "-inform", "DER", "-in", der, "-print_certs").StdOut;
    }

    /// <summary>A self-signed TLS client certificate naming an account: the right name from a CA nobody trusts.</summary>
    private static X509Certificate2 SelfSigned(string commonName)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + commonName, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }
}
