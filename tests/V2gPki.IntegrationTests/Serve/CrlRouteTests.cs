// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Net;
using System.Net.Http.Headers;

namespace V2gPki.IntegrationTests.Serve;

/// <summary><c>GET /crl/&lt;ca-name&gt;.crl</c> (docs/architecture.md §7): DER, application/pkix-crl, ETag, Last-Modified, 304, 404.</summary>
[Collection(PkiServerCollection.Name)]
public class CrlRouteTests(PkiServerFixture server)
{
    public static TheoryData<string> Cas() =>
        ["v2g-root", "cpo-sub1", "cpo-sub2", "mo-sub1", "mo-sub2", "oem-sub1", "oem-sub2", "cps-sub1", "cps-sub2"];

    [Theory]
    [MemberData(nameof(Cas))]
    public async Task Get_EveryCa_DerCrlThatOpensslVerifiesWithTheCasKey(string ca)
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(server.BaseAddress, $"crl/{ca}.crl"));
        var der = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pkix-crl", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.ETag);
        Assert.False(response.Headers.ETag!.IsWeak);
        Assert.NotNull(response.Content.Headers.LastModified);
        var file = Path.Combine(Path.GetTempPath(), $"v2gpki-crl-{ca}-{Guid.NewGuid():N}.crl");
        await File.WriteAllBytesAsync(file, der);
        try
        {
            var verify = Tool.Run("openssl", "crl", "-verify", "-inform", "DER", "-in", file, "-CAfile", server.Ca(ca), "-noout", "-text");
            Assert.True(verify.ExitCode == 0, verify.ToString());
            Assert.Contains("verify OK", verify.All, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Get_SubCa2Crl_ListsTheRevokedSampleWithItsReason()
    {
        using var http = new HttpClient();
        var der = await http.GetByteArrayAsync(new Uri(server.BaseAddress, "crl/cpo-sub2.crl"));
        var file = Path.Combine(Path.GetTempPath(), $"v2gpki-crl-{Guid.NewGuid():N}.crl");
        await File.WriteAllBytesAsync(file, der);
        try
        {
            var text = Tool.Run("openssl", "crl", "-inform", "DER", "-in", file, "-noout", "-text").StdOut;
            Assert.Contains("Serial Number: " + Convert.ToHexString(server.Sample("evse-revoked").Serial), text, StringComparison.Ordinal);
            Assert.Contains("Key Compromise", text, StringComparison.Ordinal);
            Assert.DoesNotContain(Convert.ToHexString(server.Sample("evse-good").Serial), text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Get_ConditionalRequests_304ForTheCurrentCopy()
    {
        using var http = new HttpClient();
        var uri = new Uri(server.BaseAddress, "crl/mo-sub2.crl");
        using var first = await http.GetAsync(uri);
        var etag = first.Headers.ETag!;
        var lastModified = first.Content.Headers.LastModified!.Value;

        using var byTag = new HttpRequestMessage(HttpMethod.Get, uri);
        byTag.Headers.IfNoneMatch.Add(etag);
        using var notModified = await http.SendAsync(byTag);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        using var otherTag = new HttpRequestMessage(HttpMethod.Get, uri);
        otherTag.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"0000\""));
        otherTag.Headers.IfModifiedSince = lastModified;
        using var changed = await http.SendAsync(otherTag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode); // If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2)

        using var byDate = new HttpRequestMessage(HttpMethod.Get, uri);
        byDate.Headers.IfModifiedSince = lastModified;
        using var sameDate = await http.SendAsync(byDate);
        Assert.Equal(HttpStatusCode.NotModified, sameDate.StatusCode);

        using var older = new HttpRequestMessage(HttpMethod.Get, uri);
        older.Headers.IfModifiedSince = lastModified.AddDays(-1);
        using var newer = await http.SendAsync(older);
        Assert.Equal(HttpStatusCode.OK, newer.StatusCode);
    }

    [Theory]
    [InlineData("crl/no-such-ca.crl")]
    [InlineData("crl/cpo-sub2")]
    [InlineData("crl/cpo-sub2.pem")]
    [InlineData("crl/..%2Fca%2Fhierarchy.json")]
    [InlineData("crl/")]
    public async Task Get_UnknownOrMalformedName_404(string path)
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(server.Url + path));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Post_CrlRoute_405()
    {
        using var http = new HttpClient();
        using var content = new ByteArrayContent([1]);
        using var response = await http.PostAsync(new Uri(server.BaseAddress, "crl/cpo-sub2.crl"), content);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
