// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.IntegrationTests.Edge;

/// <summary>
/// Independent clients against the real listener (docs/architecture.md §4 invariant 4): openssl ocsp (POST), curl (GET).
/// </summary>
public class ExternalClientTests
{
    [Fact]
    public async Task OpensslOcsp_PostToTheRootUrl_GetsTheResponseBytesBack()
    {
        await using var server = await TestOcspServer.StartAsync();
        var output = Path.Combine(Path.GetTempPath(), $"v2gpki-resp-{Guid.NewGuid():N}.der");
        try
        {
            var (code, text) = await RunAsync("openssl", "ocsp", "-url", server.BaseAddress.ToString(), "-reqin",
                Fixtures.Path("ocsp-set/table/s0004.req"), "-respout", output, "-CAfile", Fixtures.Path("ocsp-set/ca.pem"), "-resp_text");

            Assert.True(code == 0, text);
            Assert.Equal(Fixtures.Response(4), await File.ReadAllBytesAsync(output));
            Assert.Contains("Response verify OK", text, StringComparison.Ordinal);
            Assert.Contains("Cert Status: revoked", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public async Task Curl_GetWithUrlEncodedBase64_GetsTheResponseBytesAndCachingHeaders()
    {
        await using var server = await TestOcspServer.StartAsync();
        var output = Path.Combine(Path.GetTempPath(), $"v2gpki-get-{Guid.NewGuid():N}.der");
        var url = new Uri(server.BaseAddress, "ocsp/" + Uri.EscapeDataString(Convert.ToBase64String(Fixtures.Request(6)))).AbsoluteUri;
        try
        {
            var (code, headers) = await RunAsync("curl", "-s", "-D", "-", "-o", output, url);

            Assert.True(code == 0, headers);
            Assert.Equal(Fixtures.Response(6), await File.ReadAllBytesAsync(output));
            Assert.Contains("HTTP/1.1 200", headers, StringComparison.Ordinal);
            Assert.Contains("Cache-Control: max-age=", headers, StringComparison.Ordinal);
            Assert.Contains("ETag: \"", headers, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(output);
        }
    }

    internal static Task<Tool.Result> RunAsync(string file, params string[] args) =>
        Tool.RunAsync(new Tool.Command(file, args) { Timeout = TimeSpan.FromSeconds(30) });
}
