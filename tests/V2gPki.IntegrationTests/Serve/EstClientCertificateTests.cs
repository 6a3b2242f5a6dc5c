// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using V2gPki.Store;

namespace V2gPki.IntegrationTests.Serve;

/// <summary>
/// TLS client certificates at the demo's EST listener, with curl and openssl as the clients: a party's certificate from
/// the party-auth CA authenticates its account (mTLS), and <c>simplereenroll</c> (RFC 7030 §4.2.2) renews a certificate
/// with itself — only while our registry says it is good (a revoked certificate renewing itself is the class of
/// EJBCA's CVE-2020-25276).
/// </summary>
[Collection(PkiServerCollection.Name)]
public sealed class EstClientCertificateTests(PkiServerFixture fixture) : IDisposable
{
    private readonly string _work = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "v2gpki-est-mtls-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)))).FullName;

    [Fact]
    public void SimpleEnroll_PartyClientCertificate_AuthenticatesTheAccountItNames()
    {
        var (status, body) = Post("cpo/simpleenroll", Csr("DE*ABC*E" + Unique(6)), PartyCertificate("cpo"));

        Assert.True(status == 200, body);
        Assert.Contains("subject=", PrintCertificates(body), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string, int> PartyCertificateMatrix => new()
    {
        // role of the certificate, {ca}, CN, status: the certificate's account is authorized like its password would be
        { "cpo", "cpo", "DE*XYZ*E1", 403 },             // another operator's EVSE ID
        { "cpo", "mo", "DE-ABC-C12345678", 403 },       // a CPO at the MO branch
        { "mo", "mo", "DE-ABC-C" + Unique(8), 200 },
        { "mo", "mo", "DE-XYZ-C12345678", 403 },
        { "oem", "oem", "WAB" + Unique(14), 200 },
    };

    [Theory]
    [MemberData(nameof(PartyCertificateMatrix))]
    public void SimpleEnroll_PartyClientCertificate_AuthorizedAsItsAccount(string role, string ca, string commonName, int expected)
    {
        var (status, body) = Post(ca + "/simpleenroll", Csr(commonName), PartyCertificate(role));

        Assert.True(expected == status, $"{role} certificate at {ca} for {commonName}: {status} {body}");
    }

    [Fact]
    public void SimpleEnroll_ClientCertificateOfAnotherCa_401WithTheBasicChallengeFirst()
    {
        // A self-signed certificate naming the demo CPO account: the name is right, the issuer is not trusted.
        var key = Path.Combine(_work, "self.key");
        var certificate = Path.Combine(_work, "self.pem");
        var made = Tool.OpenSsl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", key, "-out", certificate,
            "-subj", "/CN=cpo-demo", "-days", "1", "-addext", "extendedKeyUsage=clientAuth");
        Assert.True(made.ExitCode == 0, made.ToString());

        var (status, body, headers) = PostWithHeaders("cpo/simpleenroll", Csr("DE*ABC*E" + Unique(6)), (certificate, key));

        Assert.True(status == 401, body);
        Assert.Empty(body); // BouncyCastle Java cannot answer a challenge with a body; the reason goes to the audit log
        var audit = File.ReadAllLines(Path.Combine(fixture.DataDirectory, "audit", "est-audit.jsonl"));
        Assert.Contains(audit, l => l.Contains("not trusted for party authentication", StringComparison.Ordinal)
            && l.Contains("\"caller\":\"refused-client-certificate\"", StringComparison.Ordinal));
        var challenge = headers.Split('\n').First(l => l.StartsWith("WWW-Authenticate:", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("Basic realm=", challenge, StringComparison.Ordinal);
    }

    [Fact]
    public void SimpleReenroll_GoodCertificate_NewCertificateWithTheSameSubjectThatIsGoodInOcsp()
    {
        var commonName = "DE*ABC*E" + Unique(6);
        var current = EnrollWithKey(commonName, out var key);

        var (status, body) = Post("cpo/simplereenroll", Csr(commonName, key), (current, key));

        Assert.True(status == 200, body);
        var renewed = Path.Combine(_work, "renewed.pem");
        File.WriteAllText(renewed, PrintCertificates(body));
        Assert.Equal(Field(current, "-subject"), Field(renewed, "-subject"));
        Assert.NotEqual(Field(current, "-serial"), Field(renewed, "-serial"));
        var verify = Tool.OpenSsl("verify", "-x509_strict", "-CAfile", fixture.Ca("v2g-root"), "-untrusted", fixture.Cert("evse-chain"), renewed);
        Assert.Contains(": OK", verify.StdOut, StringComparison.Ordinal);
        var ocsp = Tool.OpenSsl("ocsp", "-url", fixture.Url, "-issuer", fixture.Ca("cpo-sub2"), "-cert", renewed, "-CAfile", fixture.Ca("v2g-root"),
            "-verify_other", fixture.Cert("evse-chain"), "-no_nonce");
        Assert.Contains(renewed + ": good", ocsp.StdOut, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RevocationReason.KeyCompromise, "revoked")]
    [InlineData(RevocationReason.CertificateHold, "on hold")]
    public async Task SimpleReenroll_CertificateRevokedInOurRegistry_403(RevocationReason reason, string said)
    {
        // Regression test of the CVE-2020-25276 class: the certificate still verifies and is inside its validity, only
        // the registry knows it is revoked; renewal must ask the registry.
        var commonName = "DE*ABC*E" + Unique(6);
        var current = EnrollWithKey(commonName, out var key);
        using var parsed = X509CertificateLoader.LoadCertificateFromFile(current);
        Assert.True(fixture.Runtime.Directory.TryGetIssuer("cpo-sub2", out var issuer));
        var revoked = await fixture.Runtime.Worker.RevokeAsync(issuer.Id, parsed.SerialNumberBytes.ToArray(), reason);
        Assert.Equal(V2gPki.Issuer.Worker.StatusChangeStatus.Applied, revoked.Status);

        var (status, body) = Post("cpo/simplereenroll", Csr(commonName, key), (current, key));

        Assert.True(status == 403, body);
        Assert.Contains(said, body, StringComparison.Ordinal);
    }

    [Fact]
    public void SimpleReenroll_AnotherSubject_400()
    {
        var current = EnrollWithKey("DE*ABC*E" + Unique(6), out var key);

        var (status, body) = Post("cpo/simplereenroll", Csr("DE*ABC*E" + Unique(7), key), (current, key));

        Assert.True(status == 400, body);
        Assert.Contains("RFC 7030 §4.2.2", body, StringComparison.Ordinal);
    }

    [Fact]
    public void SimpleReenroll_NoClientCertificate_403WithTheReason()
    {
        var (status, body) = Post("cpo/simplereenroll", Csr("DE*ABC*E" + Unique(6)), null);

        Assert.True(status == 403, body);
        Assert.Contains("none was presented", body, StringComparison.Ordinal);
    }

    [Fact]
    public void SimpleReenroll_PartyCertificateOrAnotherBranchesLeaf_403()
    {
        var party = Post("cpo/simplereenroll", Csr("DE*ABC*E" + Unique(6)), PartyCertificate("cpo"));
        Assert.True(party.Status == 403, party.Body);
        Assert.Contains("not issued by cpo-sub2", party.Body, StringComparison.Ordinal);

        // The demo's contract certificate is good and ours, but mo-sub2 issued it: cpo cannot renew it.
        var contract = Post("cpo/simplereenroll", Csr("DE*ABC*E" + Unique(6)), (fixture.Cert("contract-good"), Path.Combine(fixture.DataDirectory, "certs", "contract-good.key")));
        Assert.True(contract.Status == 403, contract.Body);
        Assert.Contains("not issued by cpo-sub2", contract.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CaCertsAndCsrAttrs_AuthenticationRequired_PartyClientCertificateIsACredential()
    {
        // OPCP asks for a credential on cacerts too (Listeners:Est:CacertsRequiresAuthentication); BouncyCastle's client
        // can authenticate csrattrs only with a TLS client certificate.
        await using var listener = await OwnEstListener.StartAsync(fixture, est => est.CacertsRequiresAuthentication = true);
        var (certificate, key) = PartyCertificate("cpo");
        foreach (var operation in new[] { "cacerts", "csrattrs" })
        {
            var url = new Uri(listener.BaseAddress, ".well-known/est/cpo/" + operation).ToString();
            var with = Tool.Run("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "--cacert", fixture.EstTlsRoot, "--cert", certificate, "--key", key, url);
            var without = Tool.Run("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "--cacert", fixture.EstTlsRoot, url);

            Assert.Equal("200", with.StdOut.Trim());
            Assert.Equal("401", without.StdOut.Trim());
        }
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private static string Unique(int digits) => string.Concat(Enumerable.Range(0, digits).Select(_ => (char)('0' + RandomNumberGenerator.GetInt32(10))));

    private (string Certificate, string Key) PartyCertificate(string role) =>
        (Path.Combine(fixture.DataDirectory, "est", role + "-client.pem"), Path.Combine(fixture.DataDirectory, "est", role + "-client.key"));

    /// <summary>A base64 CSR file made by openssl req: C, O and the CN as a station makes it, with a new key or the given one.</summary>
    private string Csr(string commonName, string? key = null)
    {
        var name = Path.Combine(_work, "csr-" + Unique(8));
        var keyArguments = key is null
            ? new[] { "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", name + ".key" }
            : ["-key", key];
        var made = Tool.OpenSsl(["req", "-new", .. keyArguments, "-subj", "/C=DE/O=V2gPki Demo/CN=" + commonName, "-outform", "DER", "-out", name + ".der"]);
        Assert.True(made.ExitCode == 0, made.ToString());
        File.WriteAllText(name + ".b64", Convert.ToBase64String(File.ReadAllBytes(name + ".der"), Base64FormattingOptions.InsertLineBreaks));
        return name + ".b64";
    }

    /// <summary>Enrolls with the demo CPO's password and keeps the key: a charger's current certificate.</summary>
    private string EnrollWithKey(string commonName, out string key)
    {
        var csr = Csr(commonName);
        key = csr[..^".b64".Length] + ".key";
        var curl = Tool.Run("curl", "-s", "-S", "--fail-with-body", "--cacert", fixture.EstTlsRoot, "-u", fixture.EstAccount("cpo"),
            "-H", "Content-Type: application/pkcs10", "--data-binary", "@" + csr, "-o", csr + ".p7", fixture.EstAddress + ".well-known/est/cpo/simpleenroll");
        Assert.True(curl.ExitCode == 0, curl.ToString());
        var pem = csr + ".pem";
        File.WriteAllText(pem, PrintCertificates(File.ReadAllText(csr + ".p7")));
        return pem;
    }

    private (int Status, string Body) Post(string path, string csr, (string Certificate, string Key)? client)
    {
        var (status, body, _) = PostWithHeaders(path, csr, client);
        return (status, body);
    }

    /// <summary>POSTs a CSR file with curl, with a TLS client certificate or none; returns the status, body and headers.</summary>
    private (int Status, string Body, string Headers) PostWithHeaders(string path, string csr, (string Certificate, string Key)? client)
    {
        var answer = csr + ".answer";
        List<string> arguments = ["-s", "-S", "--cacert", fixture.EstTlsRoot, "-H", "Content-Type: application/pkcs10", "--data-binary", "@" + csr,
            "-o", answer, "-D", answer + ".headers", "-w", "%{http_code}"];
        if (client is { } pair)
        {
            arguments.AddRange(["--cert", pair.Certificate, "--key", pair.Key]);
        }

        arguments.Add(fixture.EstAddress + ".well-known/est/" + path);
        var curl = Tool.Run("curl", [.. arguments]);
        Assert.True(curl.ExitCode == 0, curl.ToString());
        return (int.Parse(curl.StdOut.Trim(), System.Globalization.CultureInfo.InvariantCulture), File.ReadAllText(answer), File.ReadAllText(answer + ".headers"));
    }

    /// <summary>The certificates of a base64 certs-only answer, as openssl prints them.</summary>
    private string PrintCertificates(string base64)
    {
        var der = Path.Combine(_work, "p7-" + Unique(8) + ".der");
        File.WriteAllBytes(der, Convert.FromBase64String(base64));
        var print = Tool.OpenSsl("pkcs7", "-inform", "DER", "-in", der, "-print_certs");
        Assert.True(print.ExitCode == 0, print.ToString());
        return print.StdOut;
    }

    private static string Field(string certificate, string option) => Tool.OpenSsl("x509", "-in", certificate, "-noout", option).StdOut.Trim();
}
