// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.IntegrationTests.Edge;

namespace V2gPki.IntegrationTests.Serve;

/// <summary>
/// Bad input against the real composed server gets its documented outcome (docs/architecture.md §3 Errors,
/// §4 invariant 5) and a counter on <c>/metrics</c> (read from the scrape text, as Prometheus would): malformed DER →
/// HTTP 200 malformedRequest; oversize → 413; slow headers and slow bodies → connection closed; half-closed mid-body →
/// closed without answer. The server keeps answering afterwards. Counters only grow, so each test compares before and
/// after.
/// </summary>
[Collection(PkiServerCollection.Name)]
public class BadInputMetricsTests(PkiServerFixture server)
{
    private static readonly byte[] MalformedRequest = [0x30, 0x03, 0x0A, 0x01, 0x01];

    [Theory]
    [InlineData("30020500", "unexpected_structure")]
    [InlineData("3003020101ff", "trailing_data")]
    [InlineData("3081", "truncated")]
    public async Task Post_MalformedDer_200MalformedRequestCountedByParserStatus(string hex, string status)
    {
        var sample = $"v2gpki_ocsp_parse_errors_total{{status=\"{status}\"}}";
        var before = await server.MetricAsync(sample);
        using var http = RawHttp.Connect(server.BaseAddress.Port);

        http.Send(RawHttp.Post("/", Convert.FromHexString(hex)));
        var response = http.Read()!;

        Assert.Equal(200, response.Status);
        Assert.Equal("application/ocsp-response", response.Header("Content-Type"));
        Assert.Equal(MalformedRequest, response.Body);
        await EventuallyAsync(sample, before + 1);
        Assert.True(await server.MetricAsync("v2gpki_http_requests_total{route=\"ocsp_post\",outcome=\"malformed_request\"}") >= 1);
    }

    [Fact]
    public async Task Post_SignedRequestWithRequestorName_AnsweredAndToleratedPartsCounted()
    {
        // docs/architecture.md §3 Parsing: a requestorName and a signature on the request are skipped (not verified),
        // counted, and the request is answered from the cache. The sample's own key signs it (the demo writes it next
        // to the leaf).
        var requestorName = "v2gpki_ocsp_request_tolerated_total{kind=\"requestor_name\"}";
        var signature = "v2gpki_ocsp_request_tolerated_total{kind=\"request_signature\"}";
        var (names, signatures) = (await server.MetricAsync(requestorName), await server.MetricAsync(signature));
        var result = Tool.Run("openssl", "ocsp", "-url", server.Url, "-issuer", server.Ca("cpo-sub2"), "-cert", server.Cert("evse-good"),
            "-signer", server.Cert("evse-good"), "-signkey", Path.Combine(server.DataDirectory, "certs", "evse-good.key"),
            "-CAfile", server.Ca("v2g-root"), "-verify_other", server.Cert("evse-chain"), "-no_nonce");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"{server.Cert("evse-good")}: good", result.StdOut, StringComparison.Ordinal);
        await EventuallyAsync(requestorName, names + 1);
        await EventuallyAsync(signature, signatures + 1);
    }

    [Fact]
    public async Task Get_UndecodableBase64_200MalformedRequestCounted()
    {
        var sample = "v2gpki_rejected_inputs_total{reason=\"get_undecodable\"}";
        var before = await server.MetricAsync(sample);
        using var http = RawHttp.Connect(server.BaseAddress.Port);

        http.Send(RawHttp.Get("/MEUw!!!!"));
        var response = http.Read()!;

        Assert.Equal(200, response.Status);
        Assert.Equal(MalformedRequest, response.Body);
        await EventuallyAsync(sample, before + 1);
    }

    [Fact]
    public async Task Post_OverTheBodyLimit_413Counted()
    {
        var sample = "v2gpki_rejected_inputs_total{reason=\"body_too_large\"}";
        var before = await server.MetricAsync(sample);
        using var http = RawHttp.Connect(server.BaseAddress.Port);

        http.Send(RawHttp.Post("/", new byte[9000]));

        Assert.Equal(413, http.Read()?.Status);
        await EventuallyAsync(sample, before + 1);
    }

    [Fact]
    public async Task SlowHeaders_ClosedAfterTheTimeoutCounted()
    {
        var sample = "v2gpki_rejected_inputs_total{reason=\"request_headers_timeout\"}";
        var before = await server.MetricAsync(sample);
        using var http = RawHttp.Connect(server.BaseAddress.Port);

        http.Send("POST / HTTP/1.1\r\nHost: x\r\n");

        Assert.True(http.WaitForClose(TimeSpan.FromSeconds(15)));
        await EventuallyAsync(sample, before + 1);
    }

    [Fact]
    public async Task SlowBody_ClosedBelowTheMinimumRateCounted()
    {
        var sample = "v2gpki_rejected_inputs_total{reason=\"min_request_body_data_rate\"}";
        var before = await server.MetricAsync(sample);
        using var http = RawHttp.Connect(server.BaseAddress.Port);

        http.Send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n0123456789");

        Assert.True(http.WaitForClose(TimeSpan.FromSeconds(20)));
        await EventuallyAsync(sample, before + 1);
    }

    [Fact]
    public async Task HalfClosedMidBody_ClosedWithoutAnswerCountedAndServerStillAnswers()
    {
        var sample = "v2gpki_rejected_inputs_total{reason=\"unexpected_end_of_request\"}";
        var before = await server.MetricAsync(sample);
        var request = RawHttp.Post("/", await File.ReadAllBytesAsync(server.Request("evse-good.sha1")));
        using (var http = RawHttp.Connect(server.BaseAddress.Port))
        {
            http.Send(request.AsSpan(0, request.Length - 10).ToArray());
            http.ShutdownSend();
            var response = http.Read();
            Assert.True(response is null || response.Status == 400);
        }

        await EventuallyAsync(sample, before + 1);
        using var next = RawHttp.Connect(server.BaseAddress.Port);
        next.Send(request);
        Assert.Equal(200, next.Read()?.Status);
    }

    private async Task EventuallyAsync(string sample, double atLeast)
    {
        for (var i = 0; i < 100 && await server.MetricAsync(sample) < atLeast; i++)
        {
            await Task.Delay(50);
        }

        Assert.True(await server.MetricAsync(sample) >= atLeast, $"{sample} did not reach {atLeast} on /metrics");
    }
}
