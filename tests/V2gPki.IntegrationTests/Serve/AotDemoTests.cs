// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using V2gPki.IntegrationTests.Edge;
using Xunit.Abstractions;

namespace V2gPki.IntegrationTests.Serve;

/// <summary>
/// The NativeAOT-published binary end to end: <c>v2gpki demo</c> with a temporary data directory and free
/// ports — SoftHSM2 through Pkcs11Interop's marshalling data, FASTER store and WAL, BouncyCastle issuance, Kestrel —
/// answering openssl, enrolling over EST with the demo issuer's bearer JWT (Microsoft.IdentityModel under NativeAOT,
/// docs/nativeaot.md §7), then stopping cleanly on SIGTERM. scripts/test.sh publishes the binary and sets
/// EDGE_AOT_REQUIRED=1, so this never skips there.
/// </summary>
[Collection(SerialCollection.Name)]
public class AotDemoTests(ITestOutputHelper output)
{
    [AotBinaryFact]
    public async Task Demo_NativeAot_ServesGoodAndRevokedAndStopsOnSigterm()
    {
        var root = Path.Combine(Path.GetTempPath(), "v2gpki-aot-demo-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(5)).ToLowerInvariant());
        var data = Path.Combine(root, "data");
        var clock = Stopwatch.StartNew();
        try
        {
            using var demo = ServerProcess.Start(AotBinaryFactAttribute.RequiredPath, "demo", "--data", data, "--port", "0", "--admin-port", "0", "--est-port", "0");
            var port = await demo.WaitForPortAsync(TimeSpan.FromSeconds(60));
            var firstAnswer = clock.ElapsedMilliseconds;
            await demo.WaitForLineAsync("v2gpki demo: ready in", TimeSpan.FromSeconds(90));
            output.WriteLine($"NativeAOT demo: listening after {firstAnswer} ms, ready after {clock.ElapsedMilliseconds} ms (process start included)");

            ServeProcessTests.AssertVerdict(data, port, "evse-good", "good");
            ServeProcessTests.AssertVerdict(data, port, "oem-prov-revoked", "revoked", "Reason: superseded");
            ServeProcessTests.AssertVerdict(data, port, "cps-revoked", "revoked", "Reason: affiliationChanged");
            foreach (var file in new[] { "ca/v2g-root.pem", "ca/cpo-sub2.pem", "ca/cpo-sub2-ocsp.pem", "certs/contract-chain.pem", "certs/requests/unknown-issuer.req", "config.json", "admin.token" })
            {
                Assert.True(File.Exists(Path.Combine(data, file)), file);
            }

            EnrollWithBearerToken(data, root);

            demo.Signal("TERM");
            await demo.AssertExitsWithAsync(0, TimeSpan.FromSeconds(60));
        }
        finally
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>
    /// The demo's printed bearer-token enrollment (MaEVe's path shape) against the AOT binary: a valid token enrolls, the
    /// same token with its payload changed is refused with 401 and both challenges.
    /// </summary>
    private static void EnrollWithBearerToken(string data, string work)
    {
        var est = Regex.Match(File.ReadAllText(Path.Combine(data, "config.json")), "\"Audience\": \"(https://127\\.0\\.0\\.1:[0-9]+)\"").Groups[1].Value;
        Assert.NotEmpty(est);
        var csr = Path.Combine(work, "secc.csr");
        var made = Tool.OpenSsl("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", Path.Combine(work, "secc.key"),
            "-subj", "/C=DE/O=V2gPki Demo/CN=DE*ABC*E5678", "-outform", "DER", "-out", csr);
        Assert.True(made.ExitCode == 0, made.ToString());
        var body = Path.Combine(work, "secc.b64");
        File.WriteAllText(body, Convert.ToBase64String(File.ReadAllBytes(csr)));
        var token = File.ReadAllText(Path.Combine(data, "est", "cpo.jwt")).Trim();
        var answer = Path.Combine(work, "secc.p7.b64");

        var curl = Tool.Run("curl", "-s", "-S", "--fail-with-body", "--cacert", Path.Combine(data, "ca", "est-tls-root.pem"), "-H", "Authorization: Bearer " + token,
            "-H", "Content-Type: application/pkcs10", "--data-binary", "@" + body, "-o", answer, est + "/cpo/simpleenroll/ISO15118-2");

        Assert.True(curl.ExitCode == 0, curl.ToString() + (File.Exists(answer) ? File.ReadAllText(answer) : string.Empty));
        var der = answer + ".der";
        File.WriteAllBytes(der, Convert.FromBase64String(File.ReadAllText(answer)));

        // The issued CN is the normalised EVSE ID (docs/iso15118.md): no separators.
        Assert.Contains("CN = DEABCE5678", Tool.OpenSsl("pkcs7", "-inform", "DER", "-in", der, "-print_certs").StdOut, StringComparison.Ordinal);

        var parts = token.Split('.');
        var tampered = parts[0] + "." + parts[1][..^2] + (parts[1][^2] == 'A' ? "B" : "A") + parts[1][^1] + "." + parts[2];
        var refused = Tool.Run("curl", "-s", "-S", "-D", "-", "-o", "/dev/null", "--cacert", Path.Combine(data, "ca", "est-tls-root.pem"), "-H", "x-api-key: " + tampered,
            "-H", "Content-Type: application/pkcs10", "--data-binary", "@" + body, est + "/cpo/simpleenroll/ISO15118-2");
        var headers = refused.StdOut.Split('\n').Where(l => l.StartsWith("www-authenticate:", StringComparison.OrdinalIgnoreCase)).ToArray();
        Assert.Contains(" 401", refused.StdOut.Split('\n')[0], StringComparison.Ordinal);
        Assert.Equal(2, headers.Length);
        Assert.Contains("Basic realm", headers[0], StringComparison.Ordinal);
        Assert.Contains("error=\"invalid_token\"", headers[1], StringComparison.Ordinal);
    }
}
