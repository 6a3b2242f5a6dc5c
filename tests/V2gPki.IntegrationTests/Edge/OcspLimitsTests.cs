// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Text;
using V2gPki.Edge.Listeners.Kestrel;

namespace V2gPki.IntegrationTests.Edge;

/// <summary>HTTP-level limits and framing (docs/architecture.md §3 Errors, §4 invariant 5) with raw sockets.</summary>
public class OcspLimitsTests
{
    [Fact]
    public async Task Post_ContentLengthOverLimit_413AndConnectionClosed()
    {
        await using var server = await TestOcspServer.StartAsync();
        using var http = RawHttp.Connect(server.Port);

        http.Send(RawHttp.Post("/", new byte[9000]));
        var response = http.Read()!;

        Assert.Equal(413, response.Status);
        Assert.Equal("close", response.Header("Connection"));
        Assert.True(http.WaitForClose(TimeSpan.FromSeconds(10)));
        await Eventually.EqualAsync(1, () => server.Metrics.RejectedCount(RejectReason.BodyTooLarge));
        await Eventually.EqualAsync(1, () => server.Metrics.RequestCount(RequestRoute.OcspPost, RequestOutcome.PayloadTooLarge));
    }

    [Fact]
    public async Task Post_ChunkedBody_IsAnswered()
    {
        await using var server = await TestOcspServer.StartAsync();
        using var http = RawHttp.Connect(server.Port);
        var body = Fixtures.Request(3);

        http.Send("POST /ocsp HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
        http.Send($"{10:x}\r\n");
        http.Send(RawHttp.Concat(body.AsSpan(0, 10).ToArray(), "\r\n"u8.ToArray()));
        await Task.Delay(50);
        http.Send($"{body.Length - 10:x}\r\n");
        http.Send(RawHttp.Concat(body.AsSpan(10).ToArray(), "\r\n0\r\n\r\n"u8.ToArray()));
        var response = http.Read()!;

        Assert.Equal(200, response.Status);
        Assert.Equal(Fixtures.Response(3), response.Body);
    }

    [Fact]
    public async Task Post_ChunkedBodyOverLimit_413ClosedAndNotLoggedAsAnError()
    {
        var log = new CapturedLog();
        await using var server = await TestOcspServer.StartAsync(log: log);
        using var http = RawHttp.Connect(server.Port);

        http.Send("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
        for (var i = 0; i < 5; i++)
        {
            http.Send(RawHttp.Concat(Encoding.ASCII.GetBytes($"{2048:x}\r\n"), new byte[2048], "\r\n"u8.ToArray()));
        }

        http.Send("0\r\n\r\n");
        var response = http.Read();

        Assert.Equal(413, response?.Status);
        Assert.Equal("request body too large\n", Encoding.ASCII.GetString(response!.Body));
        Assert.Equal("close", response.Header("Connection"));
        Assert.True(http.WaitForClose(TimeSpan.FromSeconds(10)));
        await Eventually.EqualAsync(1, () => server.Metrics.RejectedCount(RejectReason.BodyTooLarge));
        await Eventually.EqualAsync(1, () => server.Metrics.RequestCount(RequestRoute.OcspPost, RequestOutcome.PayloadTooLarge));

        // Anyone can send such a body: it must not write an error with a stack trace to the log each time.
        Assert.Empty(log.Records);
    }

    [Fact]
    public async Task Post_BadChunkFraming_400WithReasonClosedNotLoggedAndServerStillServes()
    {
        // RFC 9112 §7.1: a chunk size must be hex digits; Kestrel refuses the body while we read it.
        var log = new CapturedLog();
        await using var server = await TestOcspServer.StartAsync(log: log);
        using (var http = RawHttp.Connect(server.Port))
        {
            http.Send("POST /ocsp HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n0123\r\n0\r\n\r\n");
            var response = http.Read();

            Assert.Equal(400, response?.Status);
            Assert.StartsWith("request body rejected", Encoding.ASCII.GetString(response!.Body), StringComparison.Ordinal);
            Assert.Equal("close", response.Header("Connection"));
            Assert.True(http.WaitForClose(TimeSpan.FromSeconds(10)));
        }

        await Eventually.EqualAsync(1, () => server.Metrics.RequestCount(RequestRoute.OcspPost, RequestOutcome.BadRequest));
        Assert.Empty(log.Records);
        using var next = RawHttp.Connect(server.Port);
        next.Send(RawHttp.Post("/", Fixtures.Request(5)));
        Assert.Equal(Fixtures.Response(5), next.Read()?.Body);
    }

    [Fact]
    public async Task HugeHeaders_431()
    {
        await using var server = await TestOcspServer.StartAsync();
        using var http = RawHttp.Connect(server.Port);

        http.Send(RawHttp.Get("/health", $"X-Big: {new string('a', 9000)}\r\n"));
        var response = http.Read();

        Assert.Equal(431, response?.Status);
        Assert.True(http.WaitForClose(TimeSpan.FromSeconds(10)));
        await WaitForAsync(() => server.Metrics.RejectedCount(RejectReason.RequestHeadersTooLarge) == 1);
    }

    [Fact]
    public async Task TooManyHeaders_431()
    {
        await using var server = await TestOcspServer.StartAsync(limits: l => l.MaxRequestHeaderCount = 8);
        using var http = RawHttp.Connect(server.Port);
        var headers = new StringBuilder();
        for (var i = 0; i < 20; i++)
        {
            headers.Append(System.Globalization.CultureInfo.InvariantCulture, $"X-H{i}: v\r\n");
        }

        http.Send(RawHttp.Get("/health", headers.ToString()));

        Assert.Equal(431, http.Read()?.Status);
        await WaitForAsync(() => server.Metrics.RejectedCount(RejectReason.TooManyRequestHeaders) == 1);
    }

    [Fact]
    public async Task SlowHeaders_ConnectionClosedAfterTheTimeout()
    {
        await using var server = await TestOcspServer.StartAsync(limits: l => l.RequestHeadersTimeoutSeconds = 1);
        using var http = RawHttp.Connect(server.Port);

        http.Send("GET /health HTTP/1.1\r\nHost: x\r\n");
        var closed = http.WaitForClose(TimeSpan.FromSeconds(10));

        Assert.True(closed);
        await WaitForAsync(() => server.Metrics.RejectedCount(RejectReason.RequestHeadersTimeout) == 1);
    }

    [Fact]
    public async Task SlowBody_ConnectionAbortedBelowTheMinimumDataRate()
    {
        await using var server = await TestOcspServer.StartAsync(limits: l =>
        {
            l.MinRequestBodyBytesPerSecond = 1000;
            l.MinRequestBodyGraceSeconds = 1.5;
        });
        using var http = RawHttp.Connect(server.Port);

        http.Send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n0123456789");
        var closed = http.WaitForClose(TimeSpan.FromSeconds(15));

        Assert.True(closed);
        await Eventually.EqualAsync(1, () => server.Metrics.RejectedCount(RejectReason.MinRequestBodyDataRate));
    }

    [Fact]
    public async Task ConnectionsOverTheCap_ClosedAtOnceAndCounted()
    {
        await using var server = await TestOcspServer.StartAsync(limits: l => l.MaxConcurrentConnections = 1);
        using var first = RawHttp.Connect(server.Port);
        first.Send(RawHttp.Get("/health"));
        Assert.Equal(200, first.Read()!.Status);

        using var second = RawHttp.Connect(server.Port);
        second.Send(RawHttp.Get("/health"));

        Assert.Null(second.Read());
        await Eventually.EqualAsync(1, () => server.Metrics.RejectedCount(RejectReason.ConnectionLimit));
        first.Send(RawHttp.Get("/health"));
        Assert.Equal(200, first.Read()!.Status);
    }

    [Fact]
    public async Task IdleKeepAlive_ConnectionClosedAfterTheKeepAliveTimeout()
    {
        await using var server = await TestOcspServer.StartAsync(limits: l => l.KeepAliveTimeoutSeconds = 1);
        using var http = RawHttp.Connect(server.Port);

        http.Send(RawHttp.Get("/health"));
        Assert.Equal(200, http.Read()!.Status);

        Assert.True(http.WaitForClose(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task HalfClosedAfterACompleteRequest_AnsweredOrClosedNeverHung()
    {
        // Kestrel treats a client FIN as the end of the connection (Http1Connection.OnInputOrOutputCompleted aborts
        // the output): a response ready before the FIN is seen is sent, otherwise the connection just closes.
        // Either way nothing hangs and the server keeps serving (docs/architecture.md §4 invariant 5).
        await using var server = await TestOcspServer.StartAsync();
        for (var i = 0; i < 20; i++)
        {
            using var http = RawHttp.Connect(server.Port);
            http.Send(RawHttp.Post("/", Fixtures.Request(5)));
            http.ShutdownSend();
            var response = http.Read();
            Assert.True(response is null || response.Body.AsSpan().SequenceEqual(Fixtures.Response(5)));
            Assert.True(http.WaitForClose(TimeSpan.FromSeconds(10)));
        }

        using var next = RawHttp.Connect(server.Port);
        next.Send(RawHttp.Post("/", Fixtures.Request(5)));
        Assert.Equal(Fixtures.Response(5), next.Read()?.Body);
    }

    [Fact]
    public async Task HalfClosedInTheMiddleOfTheBody_ClosedWithoutAnswerAndServerStillServes()
    {
        await using var server = await TestOcspServer.StartAsync();
        using (var http = RawHttp.Connect(server.Port))
        {
            var request = RawHttp.Post("/", Fixtures.Request(5));
            http.Send(request.AsSpan(0, request.Length - 20).ToArray());
            http.ShutdownSend();
            var response = http.Read();
            Assert.True(response is null || response.Status == 400);
        }

        using var next = RawHttp.Connect(server.Port);
        next.Send(RawHttp.Post("/", Fixtures.Request(5)));
        Assert.Equal(Fixtures.Response(5), next.Read()?.Body);
    }

    [Fact]
    public async Task Pipelined_ThreeRequestsInOneWrite_ThreeResponsesInOrder()
    {
        await using var server = await TestOcspServer.StartAsync();
        using var http = RawHttp.Connect(server.Port);

        http.Send(RawHttp.Concat(
            RawHttp.Post("/", Fixtures.Request(1)),
            RawHttp.Get("/" + Uri.EscapeDataString(Convert.ToBase64String(Fixtures.Request(2)))),
            RawHttp.Post("/ocsp", Fixtures.Request(3))));

        Assert.Equal(Fixtures.Response(1), http.Read()!.Body);
        Assert.Equal(Fixtures.Response(2), http.Read()!.Body);
        Assert.Equal(Fixtures.Response(3), http.Read()!.Body);
    }

    [Theory]
    [InlineData("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello", "two Content-Lengths")]
    [InlineData("GET /health HTTP/1.1\r\nHost: x\r\nBad Header: x\r\n\r\n", "space in a header name")]
    [InlineData("GET /he alth HTTP/1.1\r\nHost: x\r\n\r\n", "space in the target")]
    public async Task BadFraming_400ByKestrel(string raw, string why)
    {
        await using var server = await TestOcspServer.StartAsync();
        using var http = RawHttp.Connect(server.Port);

        http.Send(raw);
        var response = http.Read();

        Assert.True(response?.Status == 400, why);
    }

    [Fact]
    public async Task ContentLengthAndTransferEncodingTogether_ChunkedWinsAndTheConnectionCloses()
    {
        // RFC 9112 §6.1: Transfer-Encoding overrides Content-Length and the connection must close after the
        // response, so a smuggled second request can never be read from the same connection.
        await using var server = await TestOcspServer.StartAsync();
        using var http = RawHttp.Connect(server.Port);

        http.Send("GET /health HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /metrics HTTP/1.1\r\nHost: x\r\n\r\n");
        var response = http.Read()!;

        Assert.Equal(200, response.Status);
        Assert.Equal("close", response.Header("Connection"));
        Assert.True(http.WaitForClose(TimeSpan.FromSeconds(10)));
        await Eventually.EqualAsync(0, () => server.Metrics.RequestCount(RequestRoute.Metrics, RequestOutcome.Ok));
    }

    [Fact]
    public async Task GetLongerThanTheRequestLineLimit_RejectedByKestrel()
    {
        await using var server = await TestOcspServer.StartAsync(limits: l => l.MaxRequestLineBytes = 512);
        using var http = RawHttp.Connect(server.Port);

        http.Send(RawHttp.Get("/M" + new string('A', 1000)));

        Assert.Equal(414, http.Read()?.Status);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition());
    }
}
