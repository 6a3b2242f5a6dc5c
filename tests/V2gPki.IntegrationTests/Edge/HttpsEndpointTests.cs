// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using V2gPki.Edge.Listeners.Kestrel;

namespace V2gPki.IntegrationTests.Edge;

/// <summary>The TLS of every HTTPS listener: certificate loading, TLS 1.2 and 1.3, client certificates in the handshake.</summary>
public sealed class HttpsEndpointTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "v2gpki-https-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)));
    private readonly X509Certificate2 _server;
    private readonly X509Certificate2 _client;

    public HttpsEndpointTests()
    {
        Directory.CreateDirectory(_directory);
        _server = SelfSigned("CN=127.0.0.1", server: true);
        _client = SelfSigned("CN=cpo-acme client, O=Acme CPO", server: false);
    }

    [Theory]
    [InlineData(SslProtocols.Tls12)]
    [InlineData(SslProtocols.Tls13)]
    public async Task AllowCertificate_ClientPresentsOne_TheListenerSeesItAfterTheHandshake(SslProtocols protocol)
    {
        using var endpoint = HttpsEndpoint.Load(WritePem(_server, "server"), KeyFile("server"), ClientCertificateMode.AllowCertificate, "test listener");
        await using var app = await StartAsync(endpoint);

        var (subject, negotiated) = await GetAsync(app.Address, protocol, _client);

        Assert.Equal(_client.Subject, subject);
        Assert.Equal(protocol, negotiated);
    }

    [Theory]
    [InlineData(SslProtocols.Tls12)]
    [InlineData(SslProtocols.Tls13)]
    public async Task AllowCertificate_NoClientCertificate_StillServed(SslProtocols protocol)
    {
        using var endpoint = HttpsEndpoint.Load(WritePem(_server, "server"), KeyFile("server"), ClientCertificateMode.AllowCertificate, "test listener");
        await using var app = await StartAsync(endpoint);

        var (subject, _) = await GetAsync(app.Address, protocol, clientCertificate: null);

        Assert.Equal("none", subject);
    }

    [Fact]
    public async Task NoCertificate_ClientOffersOne_NotAskedForNotSeen()
    {
        using var endpoint = HttpsEndpoint.Load(WritePem(_server, "server"), KeyFile("server"), ClientCertificateMode.NoCertificate, "test listener");
        await using var app = await StartAsync(endpoint);

        var (subject, _) = await GetAsync(app.Address, SslProtocols.Tls13, _client);

        Assert.Equal("none", subject);
    }

    [Fact]
    public async Task Load_Pkcs12_Serves()
    {
        var pfx = Path.Combine(_directory, "server.p12");
        await File.WriteAllBytesAsync(pfx, _server.Export(X509ContentType.Pkcs12));
        using var endpoint = HttpsEndpoint.Load(pfx, keyFile: null, ClientCertificateMode.NoCertificate, "test listener");
        await using var app = await StartAsync(endpoint);

        var (subject, negotiated) = await GetAsync(app.Address, SslProtocols.Tls12, clientCertificate: null);

        Assert.Equal("none", subject);
        Assert.Equal(SslProtocols.Tls12, negotiated);
    }

    [Fact]
    public void Load_CertificateWithoutKey_ClearErrorNamingTheFile()
    {
        var pem = WritePem(_server, "nokey");

        var error = Assert.Throws<InvalidOperationException>(() => HttpsEndpoint.Load(pem, keyFile: null, ClientCertificateMode.NoCertificate, "est listener"));

        Assert.StartsWith("est listener: cannot load the HTTPS certificate '" + pem + "'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NotACertificate_ClearError()
    {
        var bad = Path.Combine(_directory, "bad.pem");
        File.WriteAllText(bad, "not a certificate");

        var error = Assert.Throws<InvalidOperationException>(() => HttpsEndpoint.Load(bad, keyFile: null, ClientCertificateMode.NoCertificate, "est listener"));

        Assert.Contains("cannot load the HTTPS certificate", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _server.Dispose();
        _client.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static X509Certificate2 SelfSigned(string subject, bool server)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid(server ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2")], critical: false));
        if (server)
        {
            var san = new SubjectAlternativeNameBuilder();
            san.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(san.Build());
        }

        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
    }

    private string WritePem(X509Certificate2 certificate, string name)
    {
        var path = Path.Combine(_directory, name + ".pem");
        File.WriteAllText(path, certificate.ExportCertificatePem());
        if (KeyFile(name) is { } key)
        {
            File.WriteAllText(key, certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        }

        return path;
    }

    private string? KeyFile(string name) => name == "nokey" ? null : Path.Combine(_directory, name + ".key");

    private static async Task<RunningApp> StartAsync(HttpsEndpoint endpoint)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            listen.Protocols = HttpProtocols.Http1;
            endpoint.Apply(listen);
        }));
        var app = builder.Build();
        app.Run(async context =>
        {
            var protocol = context.Features.Get<ITlsHandshakeFeature>()?.Protocol ?? SslProtocols.None;
            var subject = context.Connection.ClientCertificate?.Subject ?? "none";
            await context.Response.WriteAsync(subject + "\n" + (int)protocol);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningApp(app, new Uri(address));
    }

    private async Task<(string Subject, SslProtocols Protocol)> GetAsync(Uri address, SslProtocols protocol, X509Certificate2? clientCertificate)
    {
        using var handler = new SocketsHttpHandler();
        handler.SslOptions.EnabledSslProtocols = protocol;
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            certificate is not null && certificate.GetCertHashString() == _server.GetCertHashString();
        if (clientCertificate is not null)
        {
            handler.SslOptions.ClientCertificates = [clientCertificate];
            handler.SslOptions.LocalCertificateSelectionCallback = (_, _, _, _, _) => clientCertificate;
        }

        using var client = new HttpClient(handler);
        var text = await client.GetStringAsync(address);
        var lines = text.Split('\n');
        return (lines[0], (SslProtocols)int.Parse(lines[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    private sealed class RunningApp(WebApplication app, Uri address) : IAsyncDisposable
    {
        public Uri Address { get; } = address;

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
