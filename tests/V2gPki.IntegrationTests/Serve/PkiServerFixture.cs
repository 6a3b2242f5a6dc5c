// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging.Abstractions;
using V2gPki.Edge.Commands.Demo;
using V2gPki.Edge.Configuration;
using V2gPki.Edge.Listeners.Kestrel;
using V2gPki.Edge.Runtime;
using V2gPki.IntegrationTests.Edge;
using V2gPki.Metrics;

namespace V2gPki.IntegrationTests.Serve;

/// <summary>
/// The real server in process, as <c>v2gpki demo</c> builds it, with real SoftHSM2 tokens: the public listener binds
/// port 0 first, then the demo hierarchy is issued with that port in every AIA URL, sample leaves are issued and
/// revoked through the worker. Then the runtime is closed and opened again from the demo's config.json exactly as
/// <c>v2gpki serve</c> does, with probes of <c>/ready</c> and OCSP taken between opening and recovery. One SoftHSM2
/// instance per process (docs/architecture.md §6): every test of this collection shares this fixture.
/// </summary>
public sealed class PkiServerFixture : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "v2gpki-serve-tests-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(5)).ToLowerInvariant());

    public string DataDirectory => Path.Combine(_root, "data");

    internal EdgeServer Server { get; private set; } = null!;

    internal PkiRuntime Runtime { get; private set; } = null!;

    internal DemoResult Demo { get; private set; } = null!;

    public Uri BaseAddress => Server.BaseAddress;

    public string Url => Server.BaseAddress.ToString();

    internal EdgeMetrics Metrics => Server.Metrics;

    /// <summary>HTTP status of /ready and the OCSP answer while nothing was attached (listener up, PKI not open).</summary>
    public (int Ready, byte[] Ocsp) BeforeRuntime { get; private set; }

    /// <summary>The same with the runtime open and its store not yet recovered.</summary>
    public (int Ready, byte[] Ocsp) BeforeRecovery { get; private set; }

    /// <summary>The same after recovery.</summary>
    public (int Ready, byte[] Ocsp) AfterRecovery { get; private set; }

    public string Ca(string name) => Path.Combine(DataDirectory, "ca", name + ".pem");

    public string Cert(string name) => Path.Combine(DataDirectory, "certs", name + ".pem");

    public string Request(string name) => Path.Combine(DataDirectory, "certs", "requests", name + ".req");

    /// <summary>Gets where the demo's EST listener answers (HTTPS, a free port).</summary>
    public Uri EstAddress { get; private set; } = null!;

    /// <summary>Gets the root of the EST listener's TLS certificate.</summary>
    public string EstTlsRoot => Path.Combine(DataDirectory, "ca", "est-tls-root.pem");

    /// <summary>
    /// An HTTPS client of the EST listener that trusts its TLS root alone (a custom trust store, never the system's),
    /// presenting <paramref name="clientCertificate"/> when one is given.
    /// </summary>
    /// <param name="clientCertificate">The TLS client certificate, with its key, or null.</param>
    /// <returns>The client; dispose it.</returns>
    public HttpClient EstClient(X509Certificate2? clientCertificate = null)
    {
        var handler = new SocketsHttpHandler();
        if (clientCertificate is not null)
        {
            handler.SslOptions.ClientCertificates = [clientCertificate];
        }

        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) => IsEstServerCertificate(certificate);
        return new HttpClient(handler);
    }

    /// <summary>Whether a TLS server certificate chains to the EST listener's TLS root.</summary>
    /// <param name="certificate">The certificate the server presented, or null.</param>
    /// <returns>Whether it is trusted.</returns>
    public bool IsEstServerCertificate(X509Certificate? certificate)
    {
        if (certificate is null)
        {
            return false;
        }

        using var trusted = X509CertificateLoader.LoadCertificateFromFile(EstTlsRoot);
        using var presented = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(trusted);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(presented);
    }

    /// <summary>The demo account of a role as <c>user:password</c>.</summary>
    /// <param name="role">cpo, mo, oem or cps.</param>
    /// <returns>The pair, as curl's <c>-u</c> takes it.</returns>
    public string EstAccount(string role) => File.ReadAllText(Path.Combine(DataDirectory, "est", role + ".basic")).Trim();

    /// <summary>The demo's bearer token of a role (docs/bearer-tokens.md).</summary>
    /// <param name="role">cpo, mo, oem or cps.</param>
    /// <returns>The compact JWS.</returns>
    public string EstToken(string role) => File.ReadAllText(Path.Combine(DataDirectory, "est", role + ".jwt")).Trim();

    internal DemoSample Sample(string name) => Demo.Samples.First(s => s.Name == name);

    public async Task InitializeAsync()
    {
        // Tokens go to the process-wide SoftHSM2 directory, not under _root (deleted when this fixture ends while other
        // collections may still sign): the demo's own Prepare below then finds the module already loaded.
        ProcessSoftHsm.EnsureLoaded();
        Directory.CreateDirectory(_root);
        var listener = new V2gPkiOptions();
        listener.Listeners.Ocsp.Port = 0;
        listener.Listeners.Ocsp.InlineScheduling = true;
        listener.Listeners.Ocsp.Limits.RequestHeadersTimeoutSeconds = 1;
        listener.Listeners.Ocsp.Limits.MinRequestBodyBytesPerSecond = 1000;
        listener.Listeners.Ocsp.Limits.MinRequestBodyGraceSeconds = 1.5;
        Server = await EdgeServer.StartAsync(listener, new EdgeMetrics(new MetricsRegistry()), TimeProvider.System, NullLoggerFactory.Instance, CancellationToken.None);

        // A well-formed request of an issuer nobody knows yet: before a runtime is attached every OCSP answer is tryLater.
        var probe = Fixtures.Request(1);
        BeforeRuntime = await ProbeAsync(probe);

        var settings = new DemoSettings { DataDirectory = DataDirectory, Port = BaseAddress.Port, AdminPort = 0, EstPort = 0, StoreCapacity = 10_000 };
        Demo = await DemoBuilder.CreateAsync(settings, Server, TimeProvider.System, NullLoggerFactory.Instance, null, CancellationToken.None);

        // Close and re-open as 'v2gpki serve --config <data>/config.json' does: store checkpointed, then recovered.
        Server.Slot.Attach(null);
        await Demo.Runtime.DisposeAsync();
        Assert.True(ConfigLoader.TryLoad(Demo.ConfigPath, out var options, out var error), error);
        Runtime = PkiRuntime.Open(options, TimeProvider.System, NullLoggerFactory.Instance, Server.Metrics);
        Server.Attach(Runtime);
        var request = await File.ReadAllBytesAsync(Request("evse-good.sha1"));
        BeforeRecovery = await ProbeAsync(request);
        await Runtime.StartAsync();
        AfterRecovery = await ProbeAsync(request);
        // Every test of the collection comes from 127.0.0.1, and many present wrong credentials on purpose: the
        // failed-authentication limit is tested on a listener of its own (EstFailedAuthenticationTests).
        options.Listeners.Est!.FailedAuthenticationLimit = 100_000;
        EstAddress = await Server.StartEstAsync(options, Runtime, CancellationToken.None) ?? throw new InvalidOperationException("the demo config has no EST listener");
    }

    public async Task DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.StopAsync(CancellationToken.None);
        }

        if (Runtime is not null)
        {
            await Runtime.DisposeAsync();
        }

        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Scrapes /metrics.</summary>
    public async Task<string> MetricsTextAsync()
    {
        using var http = new HttpClient();
        return await http.GetStringAsync(new Uri(BaseAddress, "metrics"));
    }

    /// <summary>Reads one sample of /metrics (0 when absent).</summary>
    public async Task<double> MetricAsync(string sample)
    {
        foreach (var line in (await MetricsTextAsync()).Split('\n'))
        {
            if (line.StartsWith(sample + " ", StringComparison.Ordinal))
            {
                return double.Parse(line[(sample.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }

    private async Task<(int, byte[])> ProbeAsync(byte[] ocspRequest)
    {
        using var http = new HttpClient();
        using var ready = await http.GetAsync(new Uri(BaseAddress, "ready"));
        using var content = new ByteArrayContent(ocspRequest);
        using var ocsp = await http.PostAsync(BaseAddress, content);
        return ((int)ready.StatusCode, await ocsp.Content.ReadAsByteArrayAsync());
    }
}

[CollectionDefinition(Name)]
public sealed class PkiServerCollection : ICollectionFixture<PkiServerFixture>
{
    public const string Name = "pki server (in process, SoftHSM2)";
}
