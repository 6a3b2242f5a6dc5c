// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using V2gPki.Hsm;
using V2gPki.Issuer.Worker;
using Xunit.Abstractions;

namespace V2gPki.Issuer.Tests;

/// <summary>
/// docs/architecture.md §4 invariant 2 at the worker level: a child process (tests/V2gPki.TestHosts,
/// issuer-killchild) revokes certificates through the <see cref="IssuingWorker"/> (priority-lane signature, WAL
/// commit, acknowledgement) from four streams and prints each acknowledged serial; the test SIGKILLs it at random moments (after it is ready),
/// restarts it over the same store and token, and finally checks that every acknowledged revocation is in the registry
/// and served as revoked by a response that parses, and that store verify passes. V2GPKI_KILLS overrides the number of
/// kills (perf-scripts/issuer-killtest.sh).
/// </summary>
public sealed class KillTests(ITestOutputHelper output)
{
    [Fact]
    public async Task KillTest_SigkillsDuringRevocations_LoseNoAcknowledgedRevocation()
    {
        var kills = int.TryParse(Environment.GetEnvironmentVariable("V2GPKI_KILLS"), CultureInfo.InvariantCulture, out var k) ? k : 20;
        var dir = Path.Combine(Path.GetTempPath(), "v2gpki-issuer-kill-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)));
        Directory.CreateDirectory(dir);
        var conf = SoftHsm2Environment.WriteConfig(Path.Combine(dir, "hsm"));
        var pin = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        var acked = new ConcurrentQueue<string>();
        var random = new Random();
        try
        {
            var killed = 0;
            for (var run = 0; run < kills; run++)
            {
                using var child = Tool.Start(Child(dir, conf, pin, "run", run.ToString(CultureInfo.InvariantCulture)));
                var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var before = acked.Count;
                var reader = Task.Run(async () =>
                {
                    while (await child.StandardOutput.ReadLineAsync() is { } line)
                    {
                        if (line.StartsWith("ACK ", StringComparison.Ordinal))
                        {
                            acked.Enqueue(line[4..]);
                        }
                        else if (line.StartsWith("READY", StringComparison.Ordinal))
                        {
                            ready.TrySetResult();
                        }
                    }
                });
                var stderr = child.StandardError.ReadToEndAsync();
                var started = await Task.WhenAny(ready.Task, child.WaitForExitAsync(), Task.Delay(TimeSpan.FromMinutes(2)));
                Assert.True(ready.Task.IsCompleted, "child not ready: " + await ReadSoon(stderr));
                await Task.Delay(random.Next(150, 900));
                Tool.Kill(child); // SIGKILL
                await reader;
                killed++;
                output.WriteLine($"run {run}: killed after {acked.Count - before} acknowledgements");
            }

            var ackFile = Path.Combine(dir, "acked.txt");
            await File.WriteAllLinesAsync(ackFile, acked);
            var verify = await Tool.RunAsync(Child(dir, conf, pin, "verify", ackFile) with { Timeout = TimeSpan.FromMinutes(10) });
            var text = verify.StdOut;
            output.WriteLine(text);
            var summary = text.Split('\n').Single(l => l.StartsWith("KILLVERIFY", StringComparison.Ordinal));
            output.WriteLine($"kills={killed} {summary}");
            Assert.Equal(kills, killed);
            Assert.Contains(" lost=0 ", summary, StringComparison.Ordinal);
            Assert.Contains(" verify=passed ", summary, StringComparison.Ordinal);
            Assert.DoesNotContain(" acknowledged=0 ", summary, StringComparison.Ordinal);
            Assert.Equal(0, verify.ExitCode);
        }
        finally
        {
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static async Task<string> ReadSoon(Task<string> text) => await Task.WhenAny(text, Task.Delay(1000)) == text ? await text : "";

    private static Tool.Command Child(string dir, string conf, string pin, string mode, string argument) =>
        TestHostsProgram.Command("issuer-killchild", dir, mode, argument) with
        {
            Environment = new Dictionary<string, string?> { [SoftHsm2Environment.ConfigVariable] = conf, ["V2GPKI_KILL_PIN"] = pin },
        };
}
