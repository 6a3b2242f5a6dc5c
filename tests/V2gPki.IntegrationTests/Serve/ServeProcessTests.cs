// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using V2gPki.IntegrationTests.Cli;
using V2gPki.IntegrationTests.Edge;

namespace V2gPki.IntegrationTests.Serve;

/// <summary>
/// The real executables as an operator runs them, each its own process with its own SoftHSM2 instance: <c>v2gpki
/// demo</c> on a temporary data directory and free ports; SIGKILL after its revocations were acknowledged
/// (docs/architecture.md §4 invariant 2: WAL commit before the acknowledgement, no checkpoint yet); <c>v2gpki serve</c>
/// on the same data directory (still revoked, WAL replayed; a second process on that directory refused), SIGTERM
/// (drain, checkpoint, exit 0), <c>v2gpki store verify</c>.
/// </summary>
[Collection(SerialCollection.Name)]
public class ServeProcessTests : IDisposable
{
    private static readonly TimeSpan Start = TimeSpan.FromSeconds(90);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "v2gpki-process-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(5)).ToLowerInvariant());

    public ServeProcessTests() => Directory.CreateDirectory(_root);

    private string Data => Path.Combine(_root, "data");

    [Fact]
    public async Task Demo_KilledThenServedAgain_RevocationsSurviveAndTheStoreVerifies()
    {
        int port;
        using (var demo = ServerProcess.StartJit("demo", "--data", Data, "--port", "0", "--admin-port", "0", "--crl-dp"))
        {
            port = await demo.WaitForPortAsync(Start);
            await demo.WaitForLineAsync("v2gpki demo: ready in", Start);
            AssertVerdict(port, "evse-revoked", "revoked");
            AssertVerdict(port, "evse-good", "good");

            demo.Signal("KILL");
            Assert.NotEqual(0, await demo.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        }

        // The demo wrote the bound port into config.json (and into every AIA URL): serve listens there again.
        var config = Path.Combine(Data, "config.json");
        using (var serve = ServerProcess.StartJit("serve", "--config", config))
        {
            Assert.Equal(port, await serve.WaitForPortAsync(Start));
            var ready = await serve.WaitForLineAsync("v2gpki serve: ready", Start);
            Assert.DoesNotContain("WAL entries replayed: 0,", ready, StringComparison.Ordinal);

            AssertVerdict(port, "evse-revoked", "revoked", "Reason: keyCompromise");
            AssertVerdict(port, "contract-revoked", "revoked", "Reason: cessationOfOperation");
            AssertVerdict(port, "evse-good", "good");
            await AssertCrlDistributionPointServedAsync(port);
            var neverIssued = Tool.Run("openssl", "ocsp", "-url", $"http://127.0.0.1:{port}/", "-reqin", Path.Combine(Data, "certs", "requests", "never-issued.req"),
                "-CAfile", Ca("v2g-root"), "-verify_other", Cert("evse-chain"), "-resp_text");
            Assert.Contains("Revocation Time: Jan  1 00:00:00 1970 GMT", neverIssued.StdOut, StringComparison.Ordinal);

            // One process per data directory: while serve holds it, store verify and a demo that would wipe it refuse.
            var verifyWhileServing = V2gpkiProcess.Run("store", "verify", "--config", config);
            Assert.Equal(1, verifyWhileServing.ExitCode);
            Assert.Contains("another v2gpki process is using", verifyWhileServing.StdErr, StringComparison.Ordinal);
            var demoWhileServing = V2gpkiProcess.Run("demo", "--data", Data, "--port", "0", "--admin-port", "0");
            Assert.Equal(1, demoWhileServing.ExitCode);
            Assert.Contains("another v2gpki process is using", demoWhileServing.StdErr, StringComparison.Ordinal);
            AssertVerdict(port, "evse-good", "good");

            serve.Signal("TERM");
            await serve.AssertExitsWithAsync(0, TimeSpan.FromSeconds(60));
            Assert.Contains("stopped (store checkpointed)", serve.Output, StringComparison.Ordinal);
        }

        var verify = V2gpkiProcess.Run("store", "verify", "--config", config);
        Assert.True(verify.ExitCode == 0, verify.StdOut + verify.StdErr);
        Assert.Contains("store verify: PASSED", verify.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_DataDirectoryMoved_SignsWithTheTokensThatMovedWithIt()
    {
        int port;
        using (var demo = ServerProcess.StartJit("demo", "--data", Data, "--port", "0", "--admin-port", "0"))
        {
            port = await demo.WaitForPortAsync(Start);
            await demo.WaitForLineAsync("v2gpki demo: ready in", Start);
            demo.Signal("TERM");
            await demo.AssertExitsWithAsync(0, TimeSpan.FromSeconds(60));
        }

        // Restored elsewhere: hsm/softhsm2.conf still names the old token directory, which no longer exists.
        var moved = Path.Combine(_root, "restored");
        Directory.Move(Data, moved);
        using (var serve = ServerProcess.StartJit("serve", "--config", Path.Combine(moved, "config.json")))
        {
            Assert.Equal(port, await serve.WaitForPortAsync(Start));
            await serve.WaitForLineAsync("v2gpki serve: ready", Start);
            Assert.Contains(Path.Combine(moved, "hsm", "tokens"), await File.ReadAllTextAsync(Path.Combine(moved, "hsm", "softhsm2.conf")), StringComparison.Ordinal);

            AssertVerdict(moved, port, "evse-revoked", "revoked");
            AssertVerdict(moved, port, "evse-good", "good");
            // A never-issued serial is signed live by the online token's OCSP signer key: the moved tokens sign.
            var neverIssued = Tool.Run("openssl", "ocsp", "-url", $"http://127.0.0.1:{port}/", "-reqin", Path.Combine(moved, "certs", "requests", "never-issued.req"),
                "-CAfile", Path.Combine(moved, "ca", "v2g-root.pem"), "-verify_other", Path.Combine(moved, "certs", "evse-chain.pem"), "-resp_text");
            Assert.Contains("Response verify OK", neverIssued.StdErr, StringComparison.Ordinal);
            Assert.Contains("Revocation Time: Jan  1 00:00:00 1970 GMT", neverIssued.StdOut, StringComparison.Ordinal);

            serve.Signal("TERM");
            await serve.AssertExitsWithAsync(0, TimeSpan.FromSeconds(60));
        }
    }

    [Fact]
    public async Task Serve_ThreadPoolOfTwoWorkers_SigtermStopsWithinSeconds()
    {
        // Shutdown disposes the WAL; FASTER's commit callback blocks a pool thread until the device's write completes on
        // another one. When the WAL was disposed with a commit still in flight, a pool of two workers deadlocked there
        // and every SIGTERM hung (the process had to be killed).
        using (var demo = ServerProcess.StartJit("demo", "--data", Data, "--port", "0", "--admin-port", "0"))
        {
            await demo.WaitForPortAsync(Start);
            await demo.WaitForLineAsync("v2gpki demo: ready in", Start);
            demo.Signal("TERM");
            await demo.AssertExitsWithAsync(0, TimeSpan.FromSeconds(60));
        }

        var twoWorkers = new Dictionary<string, string> { ["DOTNET_ThreadPool_ForceMaxWorkerThreads"] = "2" };
        for (var i = 0; i < 2; i++)
        {
            using var serve = ServerProcess.StartJitWith(twoWorkers, "serve", "--config", Path.Combine(Data, "config.json"));
            var port = await serve.WaitForPortAsync(Start);
            await serve.WaitForLineAsync("v2gpki serve: ready", Start);
            AssertVerdict(port, "evse-good", "good");

            serve.Signal("TERM");
            await serve.AssertExitsWithAsync(0, TimeSpan.FromSeconds(30));
            Assert.Contains("stopped (store checkpointed)", serve.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Demo_EstPortInUse_Exit1WithTheReasonNotAnAbort()
    {
        // Binding the admin or EST listener happens after the runtime opened: a port in use must end in a message and an
        // orderly stop (exit 1), not an unhandled exception (SIGABRT, 134).
        using var busy = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        busy.Start();
        var port = ((System.Net.IPEndPoint)busy.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var result = V2gpkiProcess.Run("demo", "--data", Data, "--port", "0", "--admin-port", "0", "--est-port", port);

        Assert.True(result.ExitCode == 1, $"exit {result.ExitCode}\n{result.StdOut}\n{result.StdErr}");
        Assert.Contains("v2gpki demo: cannot start a listener:", result.StdErr, StringComparison.Ordinal);
        Assert.Contains(port, result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_DataDirectoryItDidNotMake_RefusedAndLeftAlone()
    {
        Directory.CreateDirectory(Data);
        var precious = Path.Combine(Data, "precious.txt");
        File.WriteAllText(precious, "keep me");

        var result = V2gpkiProcess.Run("demo", "--data", Data, "--port", "0");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("was not made by 'v2gpki demo'", result.StdErr, StringComparison.Ordinal);
        Assert.True(File.Exists(precious));
    }

    [Fact]
    public void HelpTexts_DemoServeStore_DescribeTheirOptions()
    {
        foreach (var (command, text) in new[] { ("demo", "--crl-dp"), ("serve", "--check-config"), ("store", "verify --config") })
        {
            var result = V2gpkiProcess.Run(command, "--help");
            Assert.True(result.ExitCode == 0, result.StdErr);
            Assert.Contains(text, result.StdOut, StringComparison.Ordinal);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>docs/architecture.md §10: CRL distribution points are off by default; with --crl-dp they name the served /crl/&lt;issuer&gt;.crl.</summary>
    private async Task AssertCrlDistributionPointServedAsync(int port)
    {
        using var leaf = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(Cert("contract-good")));
        var extension = leaf.Extensions.OfType<X509Extension>().Single(e => e.Oid?.Value == "2.5.29.31");
        var expected = $"http://127.0.0.1:{port}/crl/mo-sub2.crl";
        Assert.Contains(expected, new AsnEncodedData(extension.Oid, extension.RawData).Format(false), StringComparison.Ordinal);
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(expected));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pkix-crl", response.Content.Headers.ContentType?.MediaType);
    }

    internal static void AssertVerdict(string data, int port, string sample, string verdict, string? line = null)
    {
        var kind = sample[..sample.LastIndexOf('-')];
        var issuer = kind switch { "evse" => "cpo-sub2", "contract" => "mo-sub2", "oem-prov" => "oem-sub2", _ => "cps-sub2" };
        var certificate = Path.Combine(data, "certs", sample + ".pem");
        var result = Tool.Run("openssl", "ocsp", "-url", $"http://127.0.0.1:{port}/", "-issuer", Path.Combine(data, "ca", issuer + ".pem"), "-cert", certificate,
            "-CAfile", Path.Combine(data, "ca", "v2g-root.pem"), "-verify_other", Path.Combine(data, "certs", kind + "-chain.pem"), "-no_nonce");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Response verify OK", result.StdErr, StringComparison.Ordinal);
        Assert.Contains($"{certificate}: {verdict}", result.StdOut, StringComparison.Ordinal);
        if (line is not null)
        {
            Assert.Contains(line, result.StdOut, StringComparison.Ordinal);
        }
    }

    private void AssertVerdict(int port, string sample, string verdict, string? line = null) => AssertVerdict(Data, port, sample, verdict, line);

    private string Ca(string name) => Path.Combine(Data, "ca", name + ".pem");

    private string Cert(string name) => Path.Combine(Data, "certs", name + ".pem");
}
