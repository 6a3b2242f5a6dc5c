// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using Microsoft.Extensions.Time.Testing;
using V2gPki.Edge.Listeners.Kestrel;

namespace V2gPki.IntegrationTests.Edge;

/// <summary>RFC 5019 §6 / RFC 9919 caching headers on GET, and 304 on If-None-Match.</summary>
public class OcspCachingTests
{
    private static string TimedTarget => "/" + Uri.EscapeDataString(Convert.ToBase64String(ScriptedResponder.TimedRequest));

    [Fact]
    public async Task Get_SignedResponse_MaxAgeRunsToTheEarlierOfNextUpdateAndResign()
    {
        // now = thisUpdate + 1 day; re-sign at +2 days, nextUpdate at +10 days → max-age = 1 day.
        var time = new FakeTimeProvider(ScriptedResponder.TimedThisUpdate.AddDays(1));
        await using var server = await TestOcspServer.StartAsync(time: time);
        using var http = RawHttp.Connect(server.Port);

        http.Send(RawHttp.Get(TimedTarget));
        var response = http.Read()!;

        Assert.Equal(200, response.Status);
        Assert.Equal("max-age=86400, public, no-transform, must-revalidate", response.Header("Cache-Control"));
        Assert.Equal("Sun, 01 Nov 2026 12:00:00 GMT", response.Header("Last-Modified"));
        Assert.Equal("Wed, 11 Nov 2026 12:00:00 GMT", response.Header("Expires"));
        Assert.Equal("\"00112233445566778899aabbccddeeff\"", response.Header("ETag"));
    }

    [Fact]
    public async Task Get_IfNoneMatchWithOurTag_304WithoutBody()
    {
        var time = new FakeTimeProvider(ScriptedResponder.TimedThisUpdate.AddHours(1));
        await using var server = await TestOcspServer.StartAsync(time: time);
        using var http = RawHttp.Connect(server.Port);

        http.Send(RawHttp.Get(TimedTarget, "If-None-Match: \"other\", W/\"00112233445566778899aabbccddeeff\"\r\n"));
        var notModified = http.Read()!;
        http.Send(RawHttp.Get(TimedTarget, "If-None-Match: \"00112233445566778899aabbccddeefe\"\r\n"));
        var changed = http.Read()!;

        Assert.Equal(304, notModified.Status);
        Assert.Empty(notModified.Body);
        Assert.Equal("\"00112233445566778899aabbccddeeff\"", notModified.Header("ETag"));
        Assert.NotNull(notModified.Header("Cache-Control"));
        Assert.Equal(200, changed.Status);
        Assert.NotEmpty(changed.Body);
        await Eventually.EqualAsync(1, () => server.Metrics.RequestCount(RequestRoute.OcspGet, RequestOutcome.NotModified));
    }

    [Fact]
    public async Task Post_IfNoneMatch_IsIgnored()
    {
        await using var server = await TestOcspServer.StartAsync();
        using var http = RawHttp.Connect(server.Port);

        http.Send(RawHttp.Post("/", ScriptedResponder.TimedRequest, "If-None-Match: *\r\n"));
        var response = http.Read()!;

        Assert.Equal(200, response.Status);
        Assert.Null(response.Header("ETag"));
    }
}
