// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using V2gPki.Edge.Listeners.Est;

namespace V2gPki.IntegrationTests.Serve;

/// <summary>
/// EST behind a TLS-terminating proxy: nginx asks the client for its certificate and forwards it URL-encoded in
/// <c>X-SSL-Client-Cert</c> (<c>$ssl_client_escaped_cert</c>), connecting to our listener from 127.0.0.2, the one trusted
/// proxy address. The same header sent directly from any other address is not believed.
/// </summary>
[Collection(PkiServerCollection.Name)]
public sealed class EstBehindProxyTests(PkiServerFixture fixture) : IAsyncLifetime
{
    private const string Header = "X-SSL-Client-Cert";
    private readonly string _work = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "v2gpki-est-proxy-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)))).FullName;
    private EstListener _listener = null!;
    private Process _nginx = null!;
    private int _proxyPort;

    public async Task InitializeAsync()
    {
        _listener = await OwnEstListener.StartAsync(fixture, est =>
        {
            est.ForwardedClientCertificateHeader = Header;
            est.TrustedProxies = ["127.0.0.2"];
            est.FailedAuthenticationLimit = 2;
        });
        _proxyPort = FreePort();
        var tls = Path.Combine(fixture.DataDirectory, "est", "tls");
        File.WriteAllText(Path.Combine(_work, "nginx.conf"), $$"""
            worker_processes 1;
            pid {{_work}}/nginx.pid;
            error_log {{_work}}/error.log warn;
            events { worker_connections 64; }
            http {
              access_log off;
              client_body_temp_path {{_work}}/body; proxy_temp_path {{_work}}/proxy; fastcgi_temp_path {{_work}}/fcgi;
              uwsgi_temp_path {{_work}}/uwsgi; scgi_temp_path {{_work}}/scgi;
              server {
                listen 127.0.0.1:{{_proxyPort}} ssl;
                ssl_certificate {{tls}}/server.pem;
                ssl_certificate_key {{tls}}/server.key;
                ssl_verify_client optional_no_ca;
                location / {
                  proxy_pass https://127.0.0.1:{{_listener.BaseAddress.Port}};
                  proxy_bind 127.0.0.2;
                  proxy_ssl_trusted_certificate {{fixture.EstTlsRoot}};
                  proxy_ssl_verify on;
                  proxy_ssl_name localhost;
                  proxy_set_header {{Header}} $ssl_client_escaped_cert;
                  proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                }
              }
            }
            """);
        var nginx = File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";
        _nginx = Tool.Start(new Tool.Command(nginx, ["-p", _work, "-e", Path.Combine(_work, "error.log"), "-c", Path.Combine(_work, "nginx.conf"), "-g", "daemon off;"]));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!IsListening(_proxyPort))
        {
            Assert.True(DateTime.UtcNow < deadline && !_nginx.HasExited, "nginx did not start: " + ReadError());
            await Task.Delay(50);
        }
    }

    public async Task DisposeAsync()
    {
        Tool.Kill(_nginx);
        _nginx.Dispose();
        await _listener.DisposeAsync();
        Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public void SimpleEnroll_PartyCertificateThroughTheProxy_AuthenticatesTheAccount()
    {
        var (status, body) = Post(new Uri($"https://127.0.0.1:{_proxyPort}/"), ["--cert", Client("cpo-client.pem"), "--key", Client("cpo-client.key")]);

        Assert.True(status == 200, body + ReadError());
    }

    [Fact]
    public void SimpleEnroll_ThroughTheProxyWithoutACertificate_401()
    {
        var (status, body) = Post(new Uri($"https://127.0.0.1:{_proxyPort}/"), []);

        Assert.True(status == 401, body);
    }

    [Fact]
    public void SimpleEnroll_HeaderSentDirectlyFromAnUntrustedAddress_Ignored401()
    {
        // The party's certificate is public: whoever sends it in the header, not from the proxy, proves nothing.
        var forged = Uri.EscapeDataString(File.ReadAllText(Client("cpo-client.pem")));

        var (status, body) = Post(_listener.BaseAddress, ["-H", Header + ": " + forged]);

        Assert.True(status == 401, body);
    }

    [Fact]
    public void SimpleEnroll_FailuresBehindTheProxy_CountPerClientNotForTheProxy()
    {
        // Two clients behind the one proxy, told apart by their source addresses (curl --interface): the one that
        // guesses wrong is refused (429), the other still enrolls. Keyed by the proxy's address, both would be refused.
        var proxy = new Uri($"https://127.0.0.1:{_proxyPort}/");
        for (var i = 0; i < 2; i++)
        {
            var (wrong, _) = Post(proxy, ["--interface", "127.0.0.3", "-u", "cpo-demo:guess-" + i, "-H", "X-Forwarded-For: 198.51.100." + i]);
            Assert.Equal(401, wrong);
        }

        var (blocked, text) = Post(proxy, ["--interface", "127.0.0.3", "-u", fixture.EstAccount("cpo")]);
        Assert.True(blocked == 429, text);
        Assert.Contains("127.0.0.3", text, StringComparison.Ordinal);

        var (other, body) = Post(proxy, ["--interface", "127.0.0.4", "-u", fixture.EstAccount("cpo")]);
        Assert.True(other == 200, body + ReadError());
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private string Client(string file) => Path.Combine(fixture.DataDirectory, "est", file);

    private string ReadError()
    {
        var log = Path.Combine(_work, "error.log");
        return File.Exists(log) ? "\nnginx: " + File.ReadAllText(log) : string.Empty;
    }

    /// <summary>POSTs a fresh openssl CSR for an EVSE ID of the demo CPO with curl; returns the status and body.</summary>
    private (int Status, string Body) Post(Uri baseAddress, string[] extra)
    {
        var name = Path.Combine(_work, "csr-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)));
        var made = Tool.OpenSsl("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", name + ".key",
            "-subj", "/C=DE/O=V2gPki Demo/CN=DE*ABC*E" + RandomNumberGenerator.GetInt32(100_000, 999_999), "-outform", "DER", "-out", name + ".der");
        Assert.True(made.ExitCode == 0, made.ToString());
        File.WriteAllText(name + ".b64", Convert.ToBase64String(File.ReadAllBytes(name + ".der")));
        var curl = Tool.Run("curl", ["-s", "-S", "--cacert", fixture.EstTlsRoot, "-H", "Content-Type: application/pkcs10", "--data-binary", "@" + name + ".b64",
            "-o", name + ".answer", "-w", "%{http_code}", .. extra, new Uri(baseAddress, ".well-known/est/cpo/simpleenroll").ToString()]);
        Assert.True(curl.ExitCode == 0, curl.ToString());
        return (int.Parse(curl.StdOut.Trim(), System.Globalization.CultureInfo.InvariantCulture), File.ReadAllText(name + ".answer"));
    }
}
