// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Diagnostics;
using System.Security.Cryptography;
using V2gPki.IntegrationTests.Edge;
using Xunit.Abstractions;

namespace V2gPki.IntegrationTests.Serve;

/// <summary>
/// The NativeAOT-published binary end to end: <c>v2gpki demo</c> with a temporary data directory and free
/// ports — SoftHSM2 through Pkcs11Interop's marshalling data, FASTER store and WAL, BouncyCastle issuance, Kestrel —
/// answering openssl, then stopping cleanly on SIGTERM. scripts/test.sh publishes the binary and sets
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
            using var demo = ServerProcess.Start(AotBinaryFactAttribute.RequiredPath, "demo", "--data", data, "--port", "0", "--admin-port", "0");
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
}
