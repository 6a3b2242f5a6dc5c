// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using V2gPki.Edge.Listeners.Est;

namespace V2gPki.IntegrationTests.Serve;

/// <summary>
/// Failed authentications per client address at EST: a listener of its own over the fixture's runtime, with a limit of
/// three, so that the collection's other tests (all from 127.0.0.1, many with wrong credentials) are not blocked.
/// </summary>
[Collection(PkiServerCollection.Name)]
public sealed class EstFailedAuthenticationTests(PkiServerFixture fixture)
{
    [Fact]
    public async Task SimpleEnroll_ThreeWrongPasswords_ThenEvenTheRightOneGets429WithRetryAfter()
    {
        await using var listener = await StartAsync(limit: 3);
        using var client = fixture.EstClient();

        for (var i = 0; i < 3; i++)
        {
            using var wrong = await EnrollAsync(client, listener.BaseAddress, fixture.EstAccount("cpo").Split(':')[0] + ":guess-" + i);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var right = await EnrollAsync(client, listener.BaseAddress, fixture.EstAccount("cpo"));

        var text = await right.Content.ReadAsStringAsync();
        Assert.True(right.StatusCode == HttpStatusCode.TooManyRequests, $"{(int)right.StatusCode} {text}");
        var retryAfter = int.Parse(right.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 300);
        Assert.Contains("too many failed authentications", text, StringComparison.Ordinal);

        // cacerts needs no credential, so it is not refused.
        using var cacerts = await client.GetAsync(new Uri(listener.BaseAddress, ".well-known/est/cpo/cacerts"));
        Assert.Equal(HttpStatusCode.OK, cacerts.StatusCode);
    }

    [Fact]
    public async Task SimpleEnroll_RequestsWithoutACredential_DoNotCount()
    {
        await using var listener = await StartAsync(limit: 3);
        using var client = fixture.EstClient();

        // libest and BouncyCastle always ask once without a credential, to fetch the challenge.
        for (var i = 0; i < 5; i++)
        {
            using var challenge = await EnrollAsync(client, listener.BaseAddress, null);
            Assert.Equal(HttpStatusCode.Unauthorized, challenge.StatusCode);
        }

        using var right = await EnrollAsync(client, listener.BaseAddress, fixture.EstAccount("cpo"));
        Assert.True(right.StatusCode == HttpStatusCode.OK, await right.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SimpleEnroll_SlowBody_ConnectionEndedWithinTheGraceAndTheListenerServesOn()
    {
        // Slowloris on the body: 10 bytes of a 1,000-byte CSR body, then nothing. Below the minimum body rate
        // (Listeners:Est:Limits:MinRequestBodyBytesPerSecond after MinRequestBodyGraceSeconds) the connection ends;
        // nothing hangs, and the next client is served.
        await using var listener = await OwnEstListener.StartAsync(fixture, est =>
        {
            est.Limits.MinRequestBodyBytesPerSecond = 500;
            est.Limits.MinRequestBodyGraceSeconds = 2;
        });
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, listener.BaseAddress.Port);
        await using var tls = new System.Net.Security.SslStream(tcp.GetStream(), false, (_, certificate, _, _) => fixture.IsEstServerCertificate(certificate));
        await tls.AuthenticateAsClientAsync("127.0.0.1");
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(fixture.EstAccount("cpo")));
        await tls.WriteAsync(Encoding.ASCII.GetBytes(
            "POST /.well-known/est/cpo/simpleenroll HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic " + basic
            + "\r\nContent-Type: application/pkcs10\r\nContent-Length: 1000\r\n\r\nMIIBMTCB2A"));
        await tls.FlushAsync();

        var started = System.Diagnostics.Stopwatch.StartNew();
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            while (await tls.ReadAsync(buffer, timeout.Token) > 0)
            {
            }
        }
        catch (IOException)
        {
            // A reset is an end too.
        }

        Assert.InRange(started.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        using var client = fixture.EstClient();
        using var next = await EnrollAsync(client, listener.BaseAddress, fixture.EstAccount("cpo"));
        Assert.True(next.StatusCode == HttpStatusCode.OK, await next.Content.ReadAsStringAsync());
    }

    private Task<EstListener> StartAsync(int limit) => OwnEstListener.StartAsync(fixture, est => est.FailedAuthenticationLimit = limit);

    private static async Task<HttpResponseMessage> EnrollAsync(HttpClient client, Uri baseAddress, string? basic)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCountryOrRegion("DE");
        subject.AddOrganizationName("V2gPki Demo");
        subject.AddCommonName("DE*ABC*E" + RandomNumberGenerator.GetInt32(100_000, 999_999));
        var csr = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256).CreateSigningRequest();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, ".well-known/est/cpo/simpleenroll"))
        {
            Content = new StringContent(Convert.ToBase64String(csr), Encoding.ASCII, "application/pkcs10"),
        };
        if (basic is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(basic)));
        }

        return await client.SendAsync(request);
    }
}
