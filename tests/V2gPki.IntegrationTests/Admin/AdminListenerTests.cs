// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using V2gPki.Edge.Commands.Status;
using V2gPki.Edge.Listeners.Admin;
using V2gPki.Edge.Runtime;
using V2gPki.Issuer;
using V2gPki.Issuer.Worker;
using V2gPki.Parties.Credentials;
using V2gPki.Pki.Issuance;
using V2gPki.Store;

namespace V2gPki.IntegrationTests.Admin;

/// <summary>
/// The admin listener's transport rules (docs/architecture.md §7): plain HTTP only on loopback, HTTPS anywhere.
/// </summary>
[Collection(AdminCollection.Name)]
public sealed class AdminListenerTests(AdminFixture fixture)
{
    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    public async Task StartAsync_NonLoopbackWithoutHttps_RefusedNamingTheSetting(string address)
    {
        var settings = new AdminListenerSettings { Address = address, Port = 0, TokenFile = fixture.TokenFile, AuditLogFile = fixture.AuditPath };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => AdminListener.StartAsync(settings, fixture.Api));

        Assert.Contains("not a loopback address", error.Message, StringComparison.Ordinal);
        Assert.Contains("HttpsCertificateFile", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_HttpsWithPemCertificateAndKey_CliTrustsItWithCacert()
    {
        var directory = Path.Combine(fixture.DataDirectory, "tls-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(3)));
        Directory.CreateDirectory(directory);
        var (certificateFile, keyFile) = WriteSelfSigned(directory);
        await using var listener = await AdminListener.StartAsync(
            new AdminListenerSettings { Address = "127.0.0.1", Port = 0, TokenFile = fixture.TokenFile, AuditLogFile = fixture.AuditPath, HttpsCertificateFile = certificateFile, HttpsKeyFile = keyFile },
            fixture.Api);
        Assert.Equal("https", listener.BaseAddress.Scheme);

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = StatusCommand.Run(["--cas", "--admin-url", listener.BaseAddress.ToString(), "--token-file", fixture.TokenFile, "--cacert", certificateFile], stdout, stderr);
        Assert.True(exit == 0, stderr.ToString());
        Assert.Contains("cpo-sub2", stdout.ToString(), StringComparison.Ordinal);

        // Without --cacert the self-signed certificate is not trusted: no token is sent over an unverified channel.
        using var untrusted = new StringWriter();
        Assert.Equal(1, StatusCommand.Run(["--cas", "--admin-url", listener.BaseAddress.ToString(), "--token-file", fixture.TokenFile], new StringWriter(), untrusted));
        Assert.Contains("cannot reach the admin API", untrusted.ToString(), StringComparison.Ordinal);

        // Plain HTTP to the HTTPS port gets no admin answer.
        using var plain = new HttpClient();
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => plain.GetAsync("http://127.0.0.1:" + listener.BaseAddress.Port + "/admin/v1/cas"));
    }

    [Fact]
    public async Task StartAsync_UnreadableCertificate_ClearError()
    {
        var bad = Path.Combine(fixture.DataDirectory, "bad-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(3)) + ".pem");
        await File.WriteAllTextAsync(bad, "not a certificate");
        var settings = new AdminListenerSettings { Address = "127.0.0.1", Port = 0, TokenFile = fixture.TokenFile, AuditLogFile = fixture.AuditPath, HttpsCertificateFile = bad };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => AdminListener.StartAsync(settings, fixture.Api));
        Assert.Contains("cannot load the HTTPS certificate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Composition_OptionsUnderDataDirectory_StartsWithTokenAndOwnsTheAuditLog()
    {
        var data = Path.Combine(fixture.DataDirectory, "composition-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(3)));
        var options = new V2gPki.Edge.Configuration.AdminListenerOptions { Port = 0, AuditLogFile = "audit/admin.jsonl" };
        var backend = new FixtureBackend(fixture, data);
        var missing = await Assert.ThrowsAsync<InvalidOperationException>(() => AdminComposition.StartAsync(options, backend));
        Assert.Contains("admin.token' does not exist", missing.Message, StringComparison.Ordinal);

        var token = AdminTokens.CreateFile(Path.Combine(data, "admin.token"));
        await using (var listener = await AdminComposition.StartAsync(options, backend))
        {
            using var client = new HttpClient { BaseAddress = listener.BaseAddress };
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            using var response = await client.GetAsync("admin/v1/cas");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var line = Assert.Single(await File.ReadAllLinesAsync(Path.Combine(data, "audit", "admin.jsonl")));
        Assert.Contains("\"action\":\"cas\"", line, StringComparison.Ordinal);
        Assert.Contains("\"caller\":\"sha256:", line, StringComparison.Ordinal);
    }

    private static (string Certificate, string Key) WriteSelfSigned(string directory)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=v2gpki admin test", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var certificateFile = Path.Combine(directory, "admin.pem");
        var keyFile = Path.Combine(directory, "admin.key");
        File.WriteAllText(certificateFile, certificate.ExportCertificatePem() + "\n");
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem() + "\n");
        return (certificateFile, keyFile);
    }

    /// <summary>The fixture's parts as the back end a front end sees (what <c>PkiRuntime</c> is in the server).</summary>
    private sealed class FixtureBackend(AdminFixture fixture, string dataDirectory) : IIssuingBackend
    {
        public string DataDirectory { get; } = dataDirectory;

        public IssuingWorker Worker => fixture.Worker;

        public IssuerDirectory Directory => fixture.Directory;

        public V2gPki.Pki.Hierarchy.CaHierarchy Hierarchy => fixture.Hierarchy;

        public ICertificateRegistry Registry => fixture.Store;

        public IServingIndex ServingIndex => fixture.Store;

        public CertificateIssuer CertificateIssuer { get; } = new(TimeProvider.System);

        public V2gPki.Metrics.MetricsRegistry MetricsRegistry { get; } = new();

        public TimeProvider Time => TimeProvider.System;

        public Microsoft.Extensions.Logging.ILoggerFactory LoggerFactory => Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance;
    }
}
