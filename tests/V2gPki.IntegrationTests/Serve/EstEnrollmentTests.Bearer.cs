// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace V2gPki.IntegrationTests.Serve;

/// <summary>
/// EST with the demo issuer's OAuth2 bearer tokens (docs/bearer-tokens.md), as MaEVe and CitrineOS send them:
/// <c>Authorization: Bearer</c>, <c>x-api-key</c>, the 401 challenges in order, the 403 of a foreign prefix.
/// </summary>
public sealed partial class EstEnrollmentTests
{
    public static TheoryData<string, string, string> OwnIdentifiersByPath => new()
    {
        // {path}, role, CN inside the demo token's prefix claims
        { "/.well-known/est/cpo/simpleenroll", "cpo", "DE*ABC*E" + Unique(6) },
        { "/cpo/simpleenroll/ISO15118-2", "cpo", "DE*ABC*E" + Unique(6) },                  // MaEVe
        { "/.well-known/cpo/simpleenroll", "cpo", "DE*ABC*E" + Unique(6) },                 // CitrineOS
        { "/.well-known/est/mo/simpleenroll/ISO15118-2", "mo", "DE-ABC-C" + Unique(8) },    // OPCP
        { "/.well-known/est/oem/simpleenroll", "oem", "WAB" + Unique(14) },
        { "/.well-known/est/cps/simpleenroll", "cps", "V2gPki Demo CPS " + Unique(4) },
    };

    [Theory]
    [MemberData(nameof(OwnIdentifiersByPath))]
    public void SimpleEnroll_CurlWithBearerToken_LeafThatOpensslVerifies(string path, string role, string commonName)
    {
        Directory.CreateDirectory(_work);
        var body = Path.Combine(_work, role + Unique(4) + ".b64");
        File.WriteAllText(body, Convert.ToBase64String(MakeCsr(commonName)));
        var answer = body + ".p7.b64";

        var curl = Tool.Run("curl", "-s", "-S", "--fail-with-body", "--cacert", fixture.EstTlsRoot, "-H", "Authorization: Bearer " + fixture.EstToken(role),
            "-H", "Content-Type: application/pkcs10", "--data-binary", "@" + body, "-o", answer, new Uri(fixture.EstAddress, path.TrimStart('/')).ToString());

        Assert.True(curl.ExitCode == 0, curl.ToString() + File.ReadAllText(answer));
        var leaf = Path.Combine(_work, role + Unique(4) + ".pem");
        File.WriteAllText(leaf, PrintCertificates(answer));
        var chain = Path.Combine(_work, role + "-chain.pem");
        File.WriteAllText(chain, PrintCertificates(FetchCaCerts(role)));
        var verify = Tool.OpenSsl("verify", "-x509_strict", "-CAfile", fixture.Ca("v2g-root"), "-untrusted", chain, leaf);
        Assert.Contains(": OK", verify.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SimpleEnroll_TokenOnlyInXApiKey_EnrolledAndAuditedAsTheTokensParty()
    {
        var commonName = "DE*ABC*E" + Unique(8);
        using var request = EnrollRequest("cpo/simpleenroll/ISO15118-2", commonName);
        request.Headers.Add("x-api-key", fixture.EstToken("cpo"));

        var (status, text, _) = await SendAsync(request);

        Assert.True(status == 200, text);
        var audit = await File.ReadAllLinesAsync(Path.Combine(fixture.DataDirectory, "audit", "est-audit.jsonl"));
        Assert.Contains(audit, l => l.Contains("\"subject\":\"" + commonName.Replace("*", string.Empty, StringComparison.Ordinal) + "\"", StringComparison.Ordinal)
            && l.Contains("\"caller\":\"jwt:cpo-demo-client@clients\"", StringComparison.Ordinal));
        Assert.DoesNotContain(audit, l => l.Contains(fixture.EstToken("cpo").Split('.')[2], StringComparison.Ordinal));
    }

    [Fact]
    public async Task SimpleEnroll_BothHeadersAsMaEVeSendsThem_Enrolled()
    {
        using var request = EnrollRequest("cpo/simpleenroll/ISO15118-2", "DE*ABC*E" + Unique(8));
        request.Headers.Add("x-api-key", fixture.EstToken("cpo"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fixture.EstToken("cpo"));

        var (status, text, _) = await SendAsync(request);

        Assert.True(status == 200, text);
    }

    public static TheoryData<string, string> BadTokens => new()
    {
        // case, words of the reason in the body
        { "tampered-payload", "signature does not verify" },
        { "expired", "expired" },
        { "wrong-audience", "audience" },
        { "unknown-kid", "does not hold" },
        { "foreign-key", "signature does not verify" },
        { "alg-none", "algorithm 'none'" },
        { "garbage", "not a JWT" },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task SimpleEnroll_BadBearerToken_401WithBasicThenInvalidTokenChallenge(string situation, string reason)
    {
        var token = BadToken(situation);
        foreach (var header in new[] { "Authorization", "x-api-key" })
        {
            using var request = EnrollRequest(".well-known/est/cpo/simpleenroll", "DE*ABC*E" + Unique(6));
            if (header == "Authorization")
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
            else
            {
                request.Headers.Add(header, token);
            }

            var (status, text, challenges) = await SendAsync(request);

            Assert.True(status == 401, $"{situation} in {header}: {status} {text}");
            Assert.Empty(text); // BouncyCastle Java cannot answer a challenge with a body

            // libest reads only the first challenge; RFC 6750 §3.1 names the error in the Bearer one, §3 its description.
            Assert.Equal(2, challenges.Length);
            Assert.Equal("Basic realm=\"v2gpki EST\", charset=\"UTF-8\"", challenges[0]);
            Assert.StartsWith("Bearer realm=\"v2gpki EST\", error=\"invalid_token\", error_description=\"", challenges[1], StringComparison.Ordinal);
            Assert.Contains(reason, challenges[1], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SimpleEnroll_NoCredential_401WithBasicThenBearerWithoutError()
    {
        using var request = EnrollRequest(".well-known/est/cpo/simpleenroll", "DE*ABC*E" + Unique(6));

        var (status, _, challenges) = await SendAsync(request);

        Assert.Equal(401, status);
        Assert.Equal(["Basic realm=\"v2gpki EST\", charset=\"UTF-8\"", "Bearer realm=\"v2gpki EST\""], challenges);
    }

    public static TheoryData<string, string, string, string> TokenDenials => new()
    {
        // role of the token, path, CN, words of the reason
        { "cpo", ".well-known/est/cpo/simpleenroll", "DE*XYZ*E1", "DEXYZ" },
        { "mo", ".well-known/est/mo/simpleenroll", "DE-XYZ-C12345678", "DEXYZ" },
        { "oem", ".well-known/est/oem/simpleenroll", "WXY12345678901234", "WXY" },
        { "cpo", ".well-known/est/mo/simpleenroll", "DE-ABC-C12345678", "role" },
    };

    [Theory]
    [MemberData(nameof(TokenDenials))]
    public async Task SimpleEnroll_ValidTokenForeignPrefixOrRole_403WithAReason(string role, string path, string commonName, string reason)
    {
        using var request = EnrollRequest(path, commonName);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fixture.EstToken(role));

        var (status, text, challenges) = await SendAsync(request);

        Assert.True(status == 403, $"{status} {text}");
        Assert.Contains(reason, text, StringComparison.Ordinal);
        Assert.Empty(challenges);
    }

    /// <summary>A refused token: changed after signing, or signed right but with a claim or key the server refuses.</summary>
    private string BadToken(string situation, string role = "cpo")
    {
        var good = fixture.EstToken(role);
        var parts = good.Split('.');
        var payload = Encoding.UTF8.GetString(FromBase64Url(parts[1]));
        var audience = "https://127.0.0.1:" + fixture.EstAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var demoKey = RSA.Create();
        demoKey.ImportFromPem(File.ReadAllText(Path.Combine(fixture.DataDirectory, "est", "token-issuer.key")));
        using var foreignKey = RSA.Create(2048);
        var expired = Regex.Replace(Regex.Replace(payload, "\"exp\":[0-9]+", "\"exp\":" + DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeSeconds()), "\"nbf\":[0-9]+", "\"nbf\":" + DateTimeOffset.UtcNow.AddHours(-2).ToUnixTimeSeconds());
        return situation switch
        {
            "tampered-payload" => parts[0] + "." + ToBase64Url(Encoding.UTF8.GetBytes(payload.Replace("DE*ABC", "DE*XYZ", StringComparison.Ordinal))) + "." + parts[2],
            "expired" => Sign(demoKey, "demo-token-issuer-1", expired),
            "wrong-audience" => Sign(demoKey, "demo-token-issuer-1", payload.Replace("\"aud\":\"" + audience + "\"", "\"aud\":\"https://other.example\"", StringComparison.Ordinal)),
            "unknown-kid" => Sign(demoKey, "another-key", payload),
            "foreign-key" => Sign(foreignKey, "demo-token-issuer-1", payload),
            "alg-none" => ToBase64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}"u8.ToArray()) + "." + parts[1] + ".",
            _ => "not-a-jwt",
        };
    }

    private static string Sign(RSA key, string kid, string payload)
    {
        var input = ToBase64Url(Encoding.UTF8.GetBytes("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}")) + "." + ToBase64Url(Encoding.UTF8.GetBytes(payload));
        return input + "." + ToBase64Url(key.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    private static string ToBase64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - (padded.Length % 4)) % 4));
    }

    private HttpRequestMessage EnrollRequest(string path, string commonName) =>
        new(HttpMethod.Post, new Uri(fixture.EstAddress, path.TrimStart('/')))
        {
            Content = new StringContent(Convert.ToBase64String(MakeCsr(commonName)), Encoding.ASCII, "application/pkcs10"),
        };

    private async Task<(int Status, string Text, string[] Challenges)> SendAsync(HttpRequestMessage request)
    {
        using var client = fixture.EstClient();
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var challenges = response.Headers.TryGetValues("WWW-Authenticate", out var values) ? values.ToArray() : [];
        return ((int)response.StatusCode, text, challenges);
    }
}
