// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Text;
using V2gPki.Edge.Listeners.Kestrel;
using V2gPki.Edge.Runtime;

namespace V2gPki.IntegrationTests.Edge;

/// <summary>The OCSP routes of docs/architecture.md §3/§7 over real sockets, on both hosts.</summary>
public class OcspRoutesTests
{
    private static readonly byte[] Malformed = [0x30, 0x03, 0x0A, 0x01, 0x01];

    [Fact]
    public async Task Post_RootAndOcspPath_AnswerTheResponseBytesWithoutCachingHeaders()
    {
        await using var server = await TestOcspServer.StartAsync();
        using var http = RawHttp.Connect(server.Port);

        foreach (var target in new[] { "/", "/ocsp" })
        {
            // No Content-Type at all: it is not checked (docs/architecture.md §3).
            http.Send(RawHttp.Post(target, Fixtures.Request(2)));
            var response = http.Read()!;

            Assert.Equal(200, response.Status);
            Assert.Equal("application/ocsp-response", response.Header("Content-Type"));
            Assert.Equal(Fixtures.Response(2), response.Body);
            Assert.Null(response.Header("Cache-Control"));
            Assert.Null(response.Header("ETag"));
        }

        await Eventually.EqualAsync(2, () => server.Metrics.RequestCount(RequestRoute.OcspPost, RequestOutcome.Successful));
    }

    [Fact]
    public async Task Get_EveryTolerance_AnswersTheResponseBytes()
    {
        await using var server = await TestOcspServer.StartAsync();
        using var http = RawHttp.Connect(server.Port);
        var request = Fixtures.Read("get-plus-slash.req");
        var b64 = Convert.ToBase64String(request);
        string[] targets =
        [
            "/" + b64,
            "/ocsp/" + b64,
            "//" + b64,
            "/ocsp//" + b64,
            "/" + b64.Replace("+", "%2B").Replace("/", "%2F").Replace("=", "%3D"),
            "/" + b64.Replace("+", "%2b").Replace("/", "%2f").Replace("=", "%3d"),
            "/" + b64.Replace("+", "%20"),
            "/" + b64.Replace('+', '-').Replace('/', '_').TrimEnd('='),
            "/" + b64.TrimEnd('='),
            "/ocsp/" + b64.Replace("/", "%2F"),
            "/" + Convert.ToBase64String(Fixtures.Read("get-double-slash.req")),
            "//" + Convert.ToBase64String(Fixtures.Read("get-double-slash.req")),
        ];
        foreach (var target in targets)
        {
            http.Send(RawHttp.Get(target));
            var response = http.Read()!;
            Assert.True(response.Status == 200, target);
            Assert.Equal("application/ocsp-response", response.Header("Content-Type"));

            // The scripted responder answers exactly these DER bytes with response 1 (anything else: unauthorized).
            Assert.Equal(Fixtures.Response(1), response.Body);
        }

        // The table requests come back byte for byte.
        for (var serial = 1; serial <= 8; serial++)
        {
            http.Send(RawHttp.Get("/" + Uri.EscapeDataString(Convert.ToBase64String(Fixtures.Request(serial)))));
            var response = http.Read()!;
            Assert.Equal(200, response.Status);
            Assert.Equal(Fixtures.Response(serial), response.Body);
        }
    }

    [Fact]
    public async Task Get_UndecodableBase64_Http200MalformedRequestAndCounted()
    {
        await using var server = await TestOcspServer.StartAsync();
        using var http = RawHttp.Connect(server.Port);

        foreach (var target in new[] { "/MEUw!!", "/favicon.ico", "/ocsp/MEUwA", "/ocsp", "/ocsp/" })
        {
            http.Send(RawHttp.Get(target));
            var response = http.Read()!;
            Assert.True(200 == response.Status, target);
            Assert.Equal(Malformed, response.Body);
            Assert.Equal("no-store", response.Header("Cache-Control"));
        }

        await Eventually.EqualAsync(5, () => server.Metrics.RequestCount(RequestRoute.OcspGet, RequestOutcome.MalformedRequest));
        await Eventually.EqualAsync(3, () => server.Metrics.RejectedCount(RejectReason.UndecodableGet));
        await Eventually.EqualAsync(2, () => server.Metrics.RejectedCount(RejectReason.EmptyRequest));
    }

    [Fact]
    public async Task Post_GarbageOrEmptyBody_Http200WithUnsignedError()
    {
        await using var server = await TestOcspServer.StartAsync();
        using var http = RawHttp.Connect(server.Port);

        http.Send(RawHttp.Post("/", []));
        Assert.Equal(Malformed, http.Read()!.Body);

        http.Send(RawHttp.Post("/", "hello"u8.ToArray()));
        var unknown = http.Read()!;
        Assert.Equal(200, unknown.Status);
        Assert.Equal(new byte[] { 0x30, 0x03, 0x0A, 0x01, 0x06 }, unknown.Body);

        http.Send(RawHttp.Post("/", ScriptedResponder.TryLaterRequest));
        Assert.Equal(new byte[] { 0x30, 0x03, 0x0A, 0x01, 0x03 }, http.Read()!.Body);
    }

    [Fact]
    public async Task GetRootAlone_IsNotAnOcspRequest_404()
    {
        await using var server = await TestOcspServer.StartAsync();
        using var http = RawHttp.Connect(server.Port);

        http.Send(RawHttp.Get("/"));
        var response = http.Read()!;

        Assert.Equal(404, response.Status);
        Assert.StartsWith("text/plain", response.Header("Content-Type"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PUT", "/", "GET, HEAD, POST")]
    [InlineData("DELETE", "/ocsp", "GET, HEAD, POST")]
    [InlineData("POST", "/health", "GET, HEAD")]
    [InlineData("PUT", "/MEUwQzBBMD8wPTAJBgUrDgMCGgUABBQ", "GET, HEAD")]
    [InlineData("OPTIONS", "/metrics", "GET, HEAD")]
    public async Task OtherMethods_405WithAllow(string method, string target, string allow)
    {
        await using var server = await TestOcspServer.StartAsync();
        using var http = RawHttp.Connect(server.Port);

        http.Send($"{method} {target} HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n");
        var response = http.Read()!;

        Assert.Equal(405, response.Status);
        Assert.Equal(allow, response.Header("Allow"));
        await Eventually.EqualAsync(1, () => server.Metrics.RejectedCount(RejectReason.MethodNotAllowed));
    }

    [Fact]
    public async Task HealthReadyMetrics_Answer()
    {
        await using var server = await TestOcspServer.StartAsync();
        using var http = RawHttp.Connect(server.Port);

        http.Send(RawHttp.Get("/health"));
        Assert.Equal("ok\n", Encoding.UTF8.GetString(http.Read()!.Body));

        http.Send(RawHttp.Get("/ready"));
        Assert.Equal(200, http.Read()!.Status);

        server.Readiness.State = new Readiness(StoreReady: false, HsmLoggedIn: true);
        http.Send(RawHttp.Get("/ready"));
        var notReady = http.Read()!;
        Assert.Equal(503, notReady.Status);
        Assert.Contains("store", Encoding.UTF8.GetString(notReady.Body), StringComparison.Ordinal);

        http.Send(RawHttp.Post("/", Fixtures.Request(1)));
        http.Read();
        http.Send(RawHttp.Get("/metrics"));
        var metrics = http.Read()!;
        var text = Encoding.UTF8.GetString(metrics.Body);
        Assert.Equal(200, metrics.Status);
        Assert.StartsWith("text/plain; version=0.0.4", metrics.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Contains("v2gpki_http_requests_total{route=\"ocsp_post\",outcome=\"successful\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("v2gpki_http_requests_total{route=\"ready\",outcome=\"not_ready\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("v2gpki_http_request_duration_seconds_bucket{route=\"ocsp_post\",le=\"+Inf\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("v2gpki_allocated_bytes_per_request", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Head_OnOcspGet_HeadersWithoutBody()
    {
        await using var server = await TestOcspServer.StartAsync();
        using var http = RawHttp.Connect(server.Port);

        http.Send($"HEAD /{Uri.EscapeDataString(Convert.ToBase64String(Fixtures.Request(1)))} HTTP/1.1\r\nHost: x\r\n\r\n");
        var head = http.Read(headRequest: true)!;
        http.Send(RawHttp.Get("/health"));
        var next = http.Read()!;

        Assert.Equal(200, head.Status);
        Assert.Equal(Fixtures.Response(1).Length.ToString(System.Globalization.CultureInfo.InvariantCulture), head.Header("Content-Length"));
        Assert.Equal("ok\n", Encoding.UTF8.GetString(next.Body));
    }

    [Fact]
    public async Task ResponderThrows_Http200InternalErrorAndCounted()
    {
        await using var server = await TestOcspServer.StartAsync();
        using var http = RawHttp.Connect(server.Port);

        http.Send(RawHttp.Post("/", ScriptedResponder.ThrowingRequest));
        var response = http.Read()!;
        http.Send(RawHttp.Post("/", Fixtures.Request(1)));
        var next = http.Read()!;

        Assert.Equal(200, response.Status);
        Assert.Equal(new byte[] { 0x30, 0x03, 0x0A, 0x01, 0x02 }, response.Body);
        await Eventually.EqualAsync(1, () => server.Metrics.RejectedCount(RejectReason.ResponderException));
        Assert.Equal(Fixtures.Response(1), next.Body);
    }

    [Fact]
    public async Task NeedsLiveSigning_GoesThroughTheSlowPath()
    {
        await using var server = await TestOcspServer.StartAsync();
        using var http = RawHttp.Connect(server.Port);

        http.Send(RawHttp.Post("/", Fixtures.Read("nonce.req")));
        var signed = http.Read()!;
        http.Send(RawHttp.Get("/" + Uri.EscapeDataString(Convert.ToBase64String(Fixtures.Read("multi.req")))));
        var tryLater = http.Read()!;

        Assert.Equal(Fixtures.Response(1), signed.Body);
        Assert.Equal(new byte[] { 0x30, 0x03, 0x0A, 0x01, 0x03 }, tryLater.Body);
        Assert.Equal(200, tryLater.Status);
        Assert.Equal(2, server.Responder.SlowCalls);
    }
}
