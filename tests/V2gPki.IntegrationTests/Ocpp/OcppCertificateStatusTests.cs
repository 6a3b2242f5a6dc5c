// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using V2gPki.Edge.Listeners.Ocpp;
using V2gPki.IntegrationTests.Admin;
using PkiKind = V2gPki.Pki.Profiles.CertificateKind;

namespace V2gPki.IntegrationTests.Ocpp;

/// <summary>
/// The OCPP 2.0.1 GetCertificateStatus adapter end to end (docs/architecture.md §7): JSON with hashes computed here
/// from the real certificates (independently of V2gPki.Ocsp) → adapter → the issuer's answering chain → base64 DER
/// response that <c>openssl ocsp -respin</c> verifies for the same issuer and serial.
/// </summary>
[Collection(AdminCollection.Name)]
public sealed class OcppCertificateStatusTests(AdminFixture fixture)
{
    public static TheoryData<string> Algorithms => new() { "SHA256", "SHA384", "SHA512" };

    [Theory]
    [MemberData(nameof(Algorithms))]
    public async Task Post_HexHashesOfRealCertificate_AcceptedAndOpensslVerifiesGood(string algorithm)
    {
        var leaf = await fixture.IssueAsync(PkiKind.Evse, "DEABCE" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)));
        await using var server = await OcppTestServer.StartAsync(fixture.NewOcppHandler());
        using var client = new HttpClient { BaseAddress = server.BaseAddress };

        var (name, key) = Hashes(leaf.IssuerDer, algorithm);
        var body = Wrapped(algorithm, Convert.ToHexString(name), Convert.ToHexStringLower(key), "0000" + leaf.SerialHex.ToLowerInvariant());
        using var response = await client.PostAsync(OcppCertificateStatusHandler.RoutePath, Json(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Accepted", answer.RootElement.GetProperty("status").GetString());
        Assert.False(answer.RootElement.TryGetProperty("statusInfo", out _));
        var ocspResult = answer.RootElement.GetProperty("ocspResult").GetString()!;
        Assert.InRange(ocspResult.Length, 1, 5500);
        var (exit, output) = OpensslOcsp.Verify(Convert.FromBase64String(ocspResult), leaf.SignerDer, leaf.IssuerDer, leaf.Serial, "-" + algorithm.ToLowerInvariant());
        Assert.True(exit == 0, output);
        Assert.Contains("Response verify OK", output, StringComparison.Ordinal);
        Assert.Contains(": good", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_AfterAdminRevoke_OcspResultShowsRevokedWithReason()
    {
        var leaf = await fixture.IssueAsync(PkiKind.Contract, "DE8AA" + Convert.ToHexString(RandomNumberGenerator.GetBytes(5))[..9]);
        using (var admin = fixture.Client())
        {
            using var revoke = await admin.PostAsync("admin/v1/revoke", Json($$"""{"ca":"{{leaf.Ca}}","serial":"{{leaf.SerialHex}}","reason":"cACompromise"}"""));
            Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        }

        var (name, key) = Hashes(leaf.IssuerDer, "SHA256");
        var result = await fixture.NewOcppHandler().AnswerAsync(Encoding.UTF8.GetBytes(Wrapped("SHA256", Convert.ToHexString(name), Convert.ToHexString(key), leaf.SerialHex)), CancellationToken.None);

        var ocspResult = Accepted(result);
        var (exit, output) = OpensslOcsp.Verify(Convert.FromBase64String(ocspResult), leaf.SignerDer, leaf.IssuerDer, leaf.Serial, "-sha256");
        Assert.True(exit == 0, output);
        Assert.Contains(": revoked", output, StringComparison.Ordinal);
        // (openssl names reasons 0-8 only; 9 and 10 print as "(UNKNOWN)".)
        Assert.True(output.Contains("Reason: cACompromise", StringComparison.Ordinal), output);
    }

    [Fact]
    public async Task Answer_BareObjectWithBase64Hashes_Accepted()
    {
        var leaf = await fixture.IssueAsync(PkiKind.Evse, "DEABCE" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)));
        var (name, key) = Hashes(leaf.IssuerDer, "SHA384");

        // SwitchEV style: urlsafe base64 (without padding for the key hash); SHA-384 base64 is 64 characters, hex 96.
        var bare = $$"""{"hashAlgorithm":"sha-384","issuerNameHash":"{{Convert.ToBase64String(name)}}","issuerKeyHash":"{{Convert.ToBase64String(key).Replace('+', '-').Replace('/', '_').TrimEnd('=')}}","serialNumber":"{{leaf.SerialHex}}","responderURL":"http://127.0.0.1:8080/"}""";
        var result = await fixture.NewOcppHandler().AnswerAsync(Encoding.UTF8.GetBytes(bare), CancellationToken.None);

        var (exit, output) = OpensslOcsp.Verify(Convert.FromBase64String(Accepted(result)), leaf.SignerDer, leaf.IssuerDer, leaf.Serial, "-sha384");
        Assert.True(exit == 0, output);
        Assert.Contains(": good", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_SubCaCertificateStatus_AnsweredByParentsSigner()
    {
        // Stations ask for the Sub-CA 2 certificate too (docs/architecture.md §3): cpo-sub2's certificate under
        // cpo-sub1.
        var sub1 = fixture.Hierarchy.GetCa("cpo-sub1");
        var sub2 = fixture.Hierarchy.GetCa("cpo-sub2");
        var registration = await fixture.Worker.RegisterAsync(new V2gPki.Issuer.Worker.CertificateRegistration { CertificateDer = sub2.CertificateDer, Kind = V2gPki.Store.CertificateKind.SubCa });
        Assert.True(registration.Succeeded, registration.Status.ToString());
        var (name, key) = Hashes(sub1.CertificateDer.ToArray(), "SHA512");
        var serial = V2gPki.Pki.Certificates.CertificateInfo.Parse(sub2.CertificateDer).Serial;

        var result = await fixture.NewOcppHandler().AnswerAsync(Encoding.UTF8.GetBytes(Wrapped("SHA512", Convert.ToHexString(name), Convert.ToHexString(key), Convert.ToHexString(serial))), CancellationToken.None);

        var (exit, output) = OpensslOcsp.Verify(Convert.FromBase64String(Accepted(result)), fixture.Hierarchy.GetOcspSigner("cpo-sub1").CertificateDer.ToArray(), sub1.CertificateDer.ToArray(), serial, "-sha512");
        Assert.True(exit == 0, output);
        Assert.Contains(": good", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_NeverIssuedSerial_AcceptedExtendedRevokedFromLivePath()
    {
        var sub2 = fixture.Hierarchy.GetCa("cpo-sub2");
        var (name, key) = Hashes(sub2.CertificateDer.ToArray(), "SHA256");
        var serial = "7E" + Convert.ToHexString(RandomNumberGenerator.GetBytes(10));

        var result = await fixture.NewOcppHandler().AnswerAsync(Encoding.UTF8.GetBytes(Wrapped("SHA256", Convert.ToHexString(name), Convert.ToHexString(key), serial)), CancellationToken.None);

        var (exit, output) = OpensslOcsp.Verify(Convert.FromBase64String(Accepted(result)), fixture.Hierarchy.GetOcspSigner("cpo-sub2").CertificateDer.ToArray(), sub2.CertificateDer.ToArray(), Convert.FromHexString(serial), "-sha256");
        Assert.True(exit == 0, output);
        Assert.Contains(": revoked", output, StringComparison.Ordinal);
        Assert.Contains("Revocation Time: Jan  1 00:00:00 1970 GMT", output, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> FailedMatrix()
    {
        var name = new string('a', 64);
        var key = new string('B', 64);
        return new()
        {
            { "unknown issuer", Wrapped("SHA256", name, key, "01"), "UnknownIssuer" },
            { "SHA1 is not OCPP", Wrapped("SHA1", new string('a', 40), new string('b', 40), "01"), "InvalidValue" },
            { "MD5", Wrapped("MD5", name, key, "01"), "InvalidValue" },
            { "hash too short", Wrapped("SHA256", name[..62], key, "01"), "InvalidValue" },
            { "hash not hex, not base64", Wrapped("SHA256", new string('g', 64), key, "01"), "InvalidValue" },
            { "SHA-512 hash for SHA256", Wrapped("SHA256", new string('a', 128), key, "01"), "InvalidValue" },
            { "serial not hex", Wrapped("SHA256", name, key, "12Z4"), "InvalidValue" },
            { "serial zero", Wrapped("SHA256", name, key, "0000"), "InvalidValue" },
            { "serial 21 octets", Wrapped("SHA256", name, key, "01" + new string('0', 40)), "InvalidValue" },
            { "serial as number", $$$"""{"ocspRequestData":{"hashAlgorithm":"SHA256","issuerNameHash":"{{{name}}}","issuerKeyHash":"{{{key}}}","serialNumber":1,"responderURL":"x"}}""", "FormatViolation" },
            { "missing issuerKeyHash", $$$"""{"ocspRequestData":{"hashAlgorithm":"SHA256","issuerNameHash":"{{{name}}}","serialNumber":"01","responderURL":"x"}}""", "FormatViolation" },
            { "ocspRequestData not an object", """{"ocspRequestData":"x"}""", "FormatViolation" },
            { "array", "[]", "FormatViolation" },
            { "empty object", "{}", "FormatViolation" },
        };
    }

    [Theory]
    [MemberData(nameof(FailedMatrix))]
    public async Task Answer_BadOrUnknownInput_Http200FailedWithReasonCode(string description, string body, string reasonCode)
    {
        var result = await fixture.NewOcppHandler().AnswerAsync(Encoding.UTF8.GetBytes(body), CancellationToken.None);

        Assert.Equal(200, result.HttpStatus);
        using var answer = JsonDocument.Parse(result.Body);
        Assert.Equal("Failed", answer.RootElement.GetProperty("status").GetString());
        Assert.False(answer.RootElement.TryGetProperty("ocspResult", out _), description);
        var info = answer.RootElement.GetProperty("statusInfo");
        Assert.Equal(reasonCode, info.GetProperty("reasonCode").GetString());
        Assert.InRange(info.GetProperty("reasonCode").GetString()!.Length, 1, OcppStatusInfo.MaxReasonCodeLength);
        Assert.False(string.IsNullOrEmpty(info.GetProperty("additionalInfo").GetString()));
    }

    [Theory]
    [InlineData("POST", "application/json", "{\"ocspRequestData\":", 400)]
    [InlineData("POST", "application/json", "not json", 400)]
    [InlineData("POST", "text/plain", "{}", 415)]
    [InlineData("POST", null, "{}", 415)]
    [InlineData("GET", null, null, 405)]
    public async Task Http_NotJsonOrWrongMethod_HttpErrors(string method, string? contentType, string? body, int status)
    {
        await using var server = await OcppTestServer.StartAsync(fixture.NewOcppHandler());
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        using var request = new HttpRequestMessage(new HttpMethod(method), OcppCertificateStatusHandler.RoutePath.TrimStart('/'));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (contentType is not null)
            {
                request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
            }
        }

        using var response = await client.SendAsync(request);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Http_BodyOverLimit_413()
    {
        await using var server = await OcppTestServer.StartAsync(fixture.NewOcppHandler(new OcppAdapterOptions { MaxRequestBodyBytes = 1024 }));
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        using var response = await client.PostAsync(OcppCertificateStatusHandler.RoutePath.TrimStart('/'), Json("{\"customData\":\"" + new string('x', 2000) + "\"}"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Answer_ResultOverOcppLimit_FailedResultTooLarge()
    {
        var leaf = await fixture.IssueAsync(PkiKind.Evse, "DEABCE" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)));
        var (name, key) = Hashes(leaf.IssuerDer, "SHA256");
        var handler = fixture.NewOcppHandler(new OcppAdapterOptions { MaxOcspResultLength = 100 });

        var result = await handler.AnswerAsync(Encoding.UTF8.GetBytes(Wrapped("SHA256", Convert.ToHexString(name), Convert.ToHexString(key), leaf.SerialHex)), CancellationToken.None);

        Assert.Equal(OcppOutcome.ResultTooLarge, result.Outcome);
        Assert.Contains("ResultTooLarge", Encoding.UTF8.GetString(result.Body), StringComparison.Ordinal);
    }

    /// <summary>issuerNameHash and issuerKeyHash as RFC 6960 §4.1.1 defines them, from the issuer certificate.</summary>
    private static (byte[] Name, byte[] Key) Hashes(byte[] issuerDer, string algorithm)
    {
        using var issuer = X509CertificateLoader.LoadCertificate(issuerDer);
        var name = issuer.SubjectName.RawData;
        var key = issuer.PublicKey.EncodedKeyValue.RawData; // the subjectPublicKey BIT STRING contents (EC point)
        return algorithm switch
        {
            "SHA256" => (SHA256.HashData(name), SHA256.HashData(key)),
            "SHA384" => (SHA384.HashData(name), SHA384.HashData(key)),
            _ => (SHA512.HashData(name), SHA512.HashData(key)),
        };
    }

    private static string Wrapped(string algorithm, string nameHash, string keyHash, string serial) =>
        $$$"""{"ocspRequestData":{"hashAlgorithm":"{{{algorithm}}}","issuerNameHash":"{{{nameHash}}}","issuerKeyHash":"{{{keyHash}}}","serialNumber":"{{{serial}}}","responderURL":"http://127.0.0.1:8080/"},"customData":{"vendorId":"test"}}""";

    private static string Accepted(OcppCertificateStatusResult result)
    {
        Assert.Equal(200, result.HttpStatus);
        using var answer = JsonDocument.Parse(result.Body);
        Assert.True(answer.RootElement.GetProperty("status").GetString() == "Accepted", Encoding.UTF8.GetString(result.Body));
        return answer.RootElement.GetProperty("ocspResult").GetString()!;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
