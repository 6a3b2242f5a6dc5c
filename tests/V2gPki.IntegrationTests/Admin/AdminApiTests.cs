// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using V2gPki.Edge.Listeners.Admin;
using V2gPki.Issuer.Answering;
using V2gPki.Ocsp;
using PkiKind = V2gPki.Pki.Profiles.CertificateKind;

namespace V2gPki.IntegrationTests.Admin;

/// <summary>The admin API against a real worker, store and SoftHSM2 hierarchy (docs/architecture.md §3 revocation flow, §7).</summary>
[Collection(AdminCollection.Name)]
public sealed class AdminApiTests(AdminFixture fixture)
{
    private static string NewEvseId() => "DEABCE" + Convert.ToHexString(RandomNumberGenerator.GetBytes(5));

    [Fact]
    public async Task Revoke_KeyCompromise_NextOcspAnswerIsRevokedWithReasonVerifiedByOpenssl()
    {
        var leaf = await fixture.IssueAsync(PkiKind.Evse, NewEvseId());
        Assert.Contains("good", Verify(leaf, "-sha256").Output, StringComparison.Ordinal);

        using var client = fixture.Client();
        using var response = await client.PostAsync("admin/v1/revoke", Json(new { ca = leaf.Ca, serial = leaf.SerialHex, reason = "keyCompromise" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("revoked", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("keyCompromise", body.RootElement.GetProperty("reason").GetString());
        Assert.Equal(1, body.RootElement.GetProperty("reasonCode").GetInt32());
        Assert.True(body.RootElement.GetProperty("changed").GetBoolean());
        var revokedAt = body.RootElement.GetProperty("revokedAt").GetDateTimeOffset();
        Assert.InRange(revokedAt, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddSeconds(1));

        // The acknowledgement came after the WAL commit: the very next lookup serves the new response (SHA-1 and SHA-256 CertIDs).
        foreach (var hash in new[] { "-sha1", "-sha256" })
        {
            var (exit, output) = Verify(leaf, hash);
            Assert.True(exit == 0, output);
            Assert.Contains("Response verify OK", output, StringComparison.Ordinal);
            Assert.Contains(": revoked", output, StringComparison.Ordinal);
            Assert.Contains("Reason: keyCompromise", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Revoke_Twice_SecondIsIdempotentAndKeepsFirstReasonAndTime()
    {
        var leaf = await fixture.IssueAsync(PkiKind.Evse, NewEvseId());
        using var client = fixture.Client();
        var time = DateTimeOffset.UtcNow.AddHours(-3);
        var wholeSeconds = new DateTimeOffset(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        using var first = await client.PostAsync("admin/v1/revoke", Json(new { ca = leaf.Ca, serial = leaf.SerialHex, reason = 4, time = time.ToString("O") }));
        using var second = await client.PostAsync("admin/v1/revoke", Json(new { ca = leaf.Ca, serial = "00" + leaf.SerialHex.ToLowerInvariant(), reason = "key-compromise" }));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        using var body = JsonDocument.Parse(await second.Content.ReadAsStringAsync());
        Assert.False(body.RootElement.GetProperty("changed").GetBoolean());
        Assert.Equal("superseded", body.RootElement.GetProperty("reason").GetString());
        Assert.Equal(wholeSeconds, body.RootElement.GetProperty("revokedAt").GetDateTimeOffset());
        Assert.True(fixture.AdminMetrics.RequestCount(AdminAction.Revoke, AdminOutcome.Unchanged) > 0);
    }

    [Fact]
    public async Task Hold_ThenUnhold_GoodAgain_AndUnholdOfGoodOrRevokedIsConflict()
    {
        var leaf = await fixture.IssueAsync(PkiKind.Evse, NewEvseId());
        using var client = fixture.Client();
        var target = new { ca = leaf.Ca, serial = leaf.SerialHex };

        using (var notHeld = await client.PostAsync("admin/v1/unhold", Json(target)))
        {
            Assert.Equal(HttpStatusCode.Conflict, notHeld.StatusCode);
            Assert.Contains("not on hold", await notHeld.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var hold = await client.PostAsync("admin/v1/revoke", Json(new { ca = leaf.Ca, serial = leaf.SerialHex, reason = "certificateHold" })))
        {
            Assert.Equal(HttpStatusCode.OK, hold.StatusCode);
            Assert.Contains("\"status\":\"hold\"", await hold.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Contains("Reason: certificateHold", Verify(leaf, "-sha256").Output, StringComparison.Ordinal);

        using (var release = await client.PostAsync("admin/v1/unhold", Json(target)))
        {
            Assert.Equal(HttpStatusCode.OK, release.StatusCode);
            Assert.Contains("\"status\":\"good\"", await release.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var (exit, output) = Verify(leaf, "-sha1");
        Assert.True(exit == 0, output);
        Assert.Contains(": good", output, StringComparison.Ordinal);

        using (var revoke = await client.PostAsync("admin/v1/revoke", Json(new { ca = leaf.Ca, serial = leaf.SerialHex, reason = "superseded" })))
        {
            Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        }

        using (var holdRevoked = await client.PostAsync("admin/v1/revoke", Json(new { ca = leaf.Ca, serial = leaf.SerialHex, reason = "certificateHold" })))
        {
            Assert.Equal(HttpStatusCode.Conflict, holdRevoked.StatusCode);
        }

        using var unholdRevoked = await client.PostAsync("admin/v1/unhold", Json(target));
        Assert.Equal(HttpStatusCode.Conflict, unholdRevoked.StatusCode);
        Assert.Contains("revoked (final)", await unholdRevoked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "missing bearer token", false)]
    [InlineData("wrong-token-0123456789abcdef", "invalid bearer token", true)]
    public async Task AnyRoute_MissingOrWrongToken_401WithBearerChallengeAndAudited(string? token, string detail, bool invalidToken)
    {
        using var client = fixture.Client(token);
        using var response = await client.PostAsync("admin/v1/revoke", Json(new { ca = "cpo-sub2", serial = "01", reason = "keyCompromise" }));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Equal(invalidToken, challenge.Parameter?.Contains("invalid_token", StringComparison.Ordinal) == true);
        Assert.Contains(detail, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var id = response.Headers.GetValues("X-Request-Id").Single();
        var line = Assert.Single(fixture.AuditLines(), l => l.Contains(id, StringComparison.Ordinal));
        Assert.Contains("\"outcome\":\"unauthorized\"", line, StringComparison.Ordinal);
        Assert.Contains(invalidToken ? "\"caller\":\"invalid-token\"" : "\"caller\":\"anonymous\"", line, StringComparison.Ordinal);
        if (token is not null)
        {
            Assert.DoesNotContain(token, line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Revoke_AuditLog_RequestedAndOutcomeLinesWithTokenIdNeverTheToken()
    {
        var leaf = await fixture.IssueAsync(PkiKind.Evse, NewEvseId());
        using var client = fixture.Client();
        using var response = await client.PostAsync("admin/v1/revoke", Json(new { ca = leaf.Ca, serial = leaf.SerialHex, reason = "cessationOfOperation" }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var id = response.Headers.GetValues("X-Request-Id").Single();
        var lines = fixture.AuditLines().Where(l => l.Contains(id, StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, lines.Length);
        using var requested = JsonDocument.Parse(lines[0]);
        using var outcome = JsonDocument.Parse(lines[1]);
        Assert.Equal("requested", requested.RootElement.GetProperty("outcome").GetString());
        Assert.Equal("ok", outcome.RootElement.GetProperty("outcome").GetString());
        Assert.Equal(200, outcome.RootElement.GetProperty("status").GetInt32());
        foreach (var line in new[] { outcome.RootElement, requested.RootElement })
        {
            Assert.Equal("revoke", line.GetProperty("action").GetString());
            Assert.Equal(leaf.Ca, line.GetProperty("ca").GetString());
            Assert.Equal(leaf.SerialHex, line.GetProperty("serial").GetString());
            Assert.Equal("cessationOfOperation", line.GetProperty("reason").GetString());
            Assert.Equal(AdminFixture.TokenId, line.GetProperty("caller").GetString());
            Assert.StartsWith("127.0.0.1:", line.GetProperty("remote").GetString(), StringComparison.Ordinal);
        }

        Assert.DoesNotContain(fixture.Token, File.ReadAllText(fixture.AuditPath), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"ca\":\"cpo-sub2\",\"serial\":\"0G\",\"reason\":\"keyCompromise\"}", 400, "serial: not hex")]
    [InlineData("{\"ca\":\"cpo-sub2\",\"serial\":\"00\",\"reason\":\"keyCompromise\"}", 400, "serial: zero")]
    [InlineData("{\"ca\":\"cpo-sub2\",\"serial\":\"0102030405060708090A0B0C0D0E0F101112131415\",\"reason\":1}", 400, "longer than 20 octets")]
    [InlineData("{\"ca\":\"cpo-sub2\",\"serial\":\"01\",\"reason\":\"stolen\"}", 400, "reason: not an RFC 5280 reason")]
    [InlineData("{\"ca\":\"cpo-sub2\",\"serial\":\"01\",\"reason\":7}", 400, "reason: not an RFC 5280 reason")]
    [InlineData("{\"ca\":\"cpo-sub2\",\"serial\":\"01\",\"reason\":\"removeFromCRL\"}", 400, "/admin/v1/unhold")]
    [InlineData("{\"ca\":\"cpo-sub2\",\"serial\":\"01\"}", 400, "reason: missing")]
    [InlineData("{\"ca\":\"cpo-sub2\",\"serial\":1,\"reason\":1}", 400, "serial: must be a string")]
    [InlineData("{\"ca\":\"cpo-sub2\",\"serial\":\"01\",\"reason\":1,\"time\":\"yesterday\"}", 400, "time: not an RFC 3339")]
    [InlineData("{\"ca\":\"cpo-sub2\",\"serial\":\"01\",\"reason\":1,\"time\":\"2025-01-01T00:00:00\"}", 400, "with Z or an offset")]
    [InlineData("{\"ca\":\"cpo-sub2\",\"serial\":\"01\",\"reason\":1,\"time\":\"2999-01-01T00:00:00Z\"}", 400, "time: in the future")]
    [InlineData("{\"ca\":\"cpo-sub2\",\"serial\":\"01\",\"reasons\":1}", 400, "unknown field 'reasons'")]
    [InlineData("[1,2]", 400, "must be a JSON object")]
    [InlineData("{\"ca\":\"cpo-sub2\",", 400, "not valid JSON")]
    [InlineData("{\"ca\":\"\\uD800\",\"serial\":\"01\",\"reason\":1}", 400, "not valid Unicode text")]     // RFC 8259 §8.2: a lone surrogate
    [InlineData("{\"\\uDC00\":1}", 400, "not valid Unicode text")]
    [InlineData("{\"ca\":\"no-such-ca\",\"serial\":\"01\",\"reason\":1}", 404, "unknown CA 'no-such-ca'")]
    [InlineData("{\"ca\":\"cpo-sub2\",\"serial\":\"7FFFFFFFFFFFFFFF01\",\"reason\":1}", 404, "no certificate with serial 7FFFFFFFFFFFFFFF01")]
    public async Task Revoke_BadInput_DocumentedStatusWithShortReason(string body, int status, string detail)
    {
        using var client = fixture.Client();
        using var response = await client.PostAsync("admin/v1/revoke", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(status, (int)response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains(detail, text, StringComparison.Ordinal);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var id = response.Headers.GetValues("X-Request-Id").Single();
        Assert.Contains(fixture.AuditLines(), l => l.Contains(id, StringComparison.Ordinal) && l.Contains($"\"status\":{status}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Revoke_NotJsonContentType_415()
    {
        using var client = fixture.Client();
        using var response = await client.PostAsync("admin/v1/revoke", new StringContent("ca=cpo-sub2&serial=01", Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public void Revoke_BodyOverLimit_413()
    {
        // Declared too large: refused from the headers, before the body is sent (a raw socket, so no write races the answer).
        using (var raw = V2gPki.IntegrationTests.Edge.RawHttp.Connect(fixture.BaseAddress.Port))
        {
            raw.Send($"POST /admin/v1/revoke HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {fixture.Token}\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n");
            Assert.Equal(413, raw.Read()?.Status);
        }

        // Chunked (no Content-Length): Kestrel's body limit stops the read.
        using var chunked = V2gPki.IntegrationTests.Edge.RawHttp.Connect(fixture.BaseAddress.Port);
        var json = "{\"ca\":\"cpo-sub2\"" + new string(' ', 5000) + "}";
        chunked.Send($"POST /admin/v1/revoke HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {fixture.Token}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n{json.Length:X}\r\n{json}\r\n0\r\n\r\n");
        Assert.Equal(413, chunked.Read()?.Status);
    }

    [Theory]
    [InlineData("GET", "admin/v1/revoke", 405)]
    [InlineData("POST", "admin/v1/cas", 405)]
    [InlineData("GET", "admin/v1/nothing", 404)]
    [InlineData("GET", "admin/v1/certificates/cpo-sub2/01/der", 404)]
    [InlineData("GET", "other", 404)]
    public async Task Routes_WrongMethodOrPath_405Or404(string method, string path, int status)
    {
        using var client = fixture.Client();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = Json(new { });
        }

        using var response = await client.SendAsync(request);
        Assert.Equal(status, (int)response.StatusCode);
        if (status == 405)
        {
            Assert.NotEmpty(response.Content.Headers.Allow);
        }
    }

    [Fact]
    public async Task Status_RevokedLeaf_DetailsWithIssuerAndServedResponse()
    {
        var evseId = NewEvseId();
        var leaf = await fixture.IssueAsync(PkiKind.Evse, evseId);
        using var client = fixture.Client();
        (await client.PostAsync("admin/v1/revoke", Json(new { ca = leaf.Ca, serial = leaf.SerialHex, reason = "affiliationChanged" }))).Dispose();

        using var response = await client.GetAsync($"admin/v1/certificates/{leaf.Ca}/{leaf.SerialHex.ToLowerInvariant()}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var details = JsonSerializer.Deserialize(await response.Content.ReadAsByteArrayAsync(), AdminJsonContext.Default.CertificateDetails)!;
        Assert.Equal("cpo-sub2", details.Ca);
        Assert.Equal(leaf.SerialHex, details.Serial);
        Assert.Equal("evse", details.Kind);
        Assert.Equal(evseId, details.SubjectId);
        Assert.Contains("CN=" + evseId, details.Subject, StringComparison.Ordinal);
        Assert.Equal("revoked", details.Status);
        Assert.Equal("affiliationChanged", details.Reason);
        Assert.Equal(3, details.ReasonCode);
        Assert.Equal(2, details.StatusVersion);
        Assert.False(details.Expired);
        Assert.Equal("cpo-sub2", details.Issuer.Name);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(leaf.Der)), details.CertificateSha256);
        Assert.Equal("found", details.Ocsp.Lookup);
        Assert.Equal("revoked", details.Ocsp.Status);
        Assert.True(details.Ocsp.Current);
        Assert.True(details.Ocsp.Fresh);
        Assert.True(details.Ocsp.NextUpdate > details.Ocsp.ThisUpdate);
        Assert.Equal("cpo-sub2-ocsp", details.Ocsp.Signer?.Name);
    }

    [Fact]
    public async Task Pem_RegisteredLeaf_TheCertificate()
    {
        var leaf = await fixture.IssueAsync(PkiKind.Evse, NewEvseId());
        using var client = fixture.Client();
        using var response = await client.GetAsync($"admin/v1/certificates/{leaf.Ca}/{leaf.SerialHex}/pem");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-pem-file", response.Content.Headers.ContentType?.MediaType);
        var pem = await response.Content.ReadAsStringAsync();
        using var certificate = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(pem);
        Assert.Equal(leaf.Der, certificate.RawData);
    }

    [Fact]
    public async Task Status_UnknownSerialOrCa_404()
    {
        using var client = fixture.Client();
        using var serial = await client.GetAsync("admin/v1/certificates/cpo-sub2/7EADBEEF");
        using var ca = await client.GetAsync("admin/v1/certificates/nope/01");
        using var bad = await client.GetAsync("admin/v1/certificates/cpo-sub2/xyz");
        Assert.Equal(HttpStatusCode.NotFound, serial.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, ca.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task List_BySubject_NormalisedIdMatchesEveryCertificateOfThatSubject()
    {
        var evseId = NewEvseId();
        var first = await fixture.IssueAsync(PkiKind.Evse, evseId);
        var second = await fixture.IssueAsync(PkiKind.Evse, evseId);
        await fixture.IssueAsync(PkiKind.Evse, NewEvseId());
        using var client = fixture.Client();

        // The query in the separated, lower-case form: normalised through the EVSE ID parser.
        var query = evseId[..2] + "*" + evseId[2..5] + "*" + evseId[5..].ToLowerInvariant();
        using var response = await client.GetAsync("admin/v1/certificates?subject=" + Uri.EscapeDataString(query));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var list = JsonSerializer.Deserialize(await response.Content.ReadAsByteArrayAsync(), AdminJsonContext.Default.CertificateList)!;
        Assert.Equal(evseId, list.Subject);
        Assert.Contains("evse", list.IdentifierType, StringComparison.Ordinal);
        Assert.Equal(2, list.Count);
        Assert.False(list.Truncated);
        Assert.Equal(new[] { first.SerialHex, second.SerialHex }.Order(), list.Certificates.Select(c => c.Serial).Order());
        Assert.All(list.Certificates, c => Assert.Equal("good", c.Status));

        using var limited = await client.GetAsync("admin/v1/certificates?subject=" + evseId + "&limit=1");
        var one = JsonSerializer.Deserialize(await limited.Content.ReadAsByteArrayAsync(), AdminJsonContext.Default.CertificateList)!;
        Assert.Equal(1, one.Count);
        Assert.True(one.Truncated);
    }

    [Theory]
    [InlineData("admin/v1/certificates", "subject: empty")]
    [InlineData("admin/v1/certificates?subject=DEABCE1&limit=0", "limit: must be 1 to")]
    [InlineData("admin/v1/certificates?subject=DEABCE1&limit=100000", "limit: must be 1 to")]
    public async Task List_BadQuery_400(string path, string detail)
    {
        using var client = fixture.Client();
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(detail, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cas_EveryConfiguredCaWithKeyIdAndSigner()
    {
        using var client = fixture.Client();
        using var response = await client.GetAsync("admin/v1/cas");
        var list = JsonSerializer.Deserialize(await response.Content.ReadAsByteArrayAsync(), AdminJsonContext.Default.CaList)!;

        Assert.Equal(fixture.Directory.Issuers.Count, list.Cas.Count);
        var sub2 = Assert.Single(list.Cas, c => c.Name == "cpo-sub2");
        Assert.Equal("cpo-sub1", sub2.Parent);
        Assert.NotNull(sub2.SubjectKeyId);
        Assert.Equal("cpo-sub2-ocsp", sub2.CurrentSigner?.Name);
    }

    [Fact]
    public async Task Metrics_RequestsCountedByActionAndOutcome()
    {
        var before = fixture.AdminMetrics.RequestCount(AdminAction.Cas, AdminOutcome.Ok);
        using var client = fixture.Client();
        (await client.GetAsync("admin/v1/cas")).Dispose();

        Assert.Equal(before + 1, fixture.AdminMetrics.RequestCount(AdminAction.Cas, AdminOutcome.Ok));
        var text = new ArrayBufferWriter<byte>();
        fixture.Metrics.WriteTo(text);
        Assert.Contains("v2gpki_admin_requests_total{action=\"cas\",outcome=\"ok\"}", Encoding.UTF8.GetString(text.WrittenSpan), StringComparison.Ordinal);
    }

    private (int ExitCode, string Output) Verify(IssuedLeaf leaf, string hash)
    {
        var algorithm = hash == "-sha1" ? OcspHashAlgorithm.Sha1 : OcspHashAlgorithm.Sha256;
        var request = new V2gPki.Edge.Listeners.Ocpp.OcspRequestData(algorithm, [], [], leaf.Serial, null);
        var hashes = IssuerHashes.Compute(algorithm, leaf.IssuerDer);
        request = request with { IssuerNameHash = hashes.NameHash.ToArray(), IssuerKeyHash = hashes.KeyHash.ToArray() };
        var body = new ArrayBufferWriter<byte>();
        var answer = fixture.Responder.Answer(V2gPki.Edge.Listeners.Ocpp.OcspRequestEncoder.Encode(request), body);
        Assert.Equal(OcspOutcome.Successful, answer.Outcome);
        return OpensslOcsp.Verify(body.WrittenSpan.ToArray(), leaf.SignerDer, leaf.IssuerDer, leaf.Serial, hash);
    }

    private static StringContent Json<T>(T value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");
}
