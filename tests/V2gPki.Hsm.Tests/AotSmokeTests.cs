// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Hsm.Tests;

/// <summary>
/// Publishes tests/V2gPki.Hsm.AotSmoke with NativeAOT, runs it (its own throw-away SoftHSM2 token, in its own
/// process) and verifies every key and signature it prints with .NET and openssl (docs/architecture.md §6: an AOT test per mechanism).
/// </summary>
[Collection(Name)]
public class AotSmokeTests
{
    public const string Name = "NativeAOT smoke";

    [Fact]
    [Trait("Category", "Aot")]
    public void Publish_NativeAot_NoWarningsAndEverySignatureVerifies()
    {
        var root = RepositoryPaths.Root;
        var project = Path.Combine(root, "tests", "V2gPki.Hsm.AotSmoke", "V2gPki.Hsm.AotSmoke.csproj");
        var output = Path.Combine(root, "artifacts", "aot-smoke");

        (var publishExit, var publishLog) = Run("dotnet",
            ["publish", project, "-c", "Release", "-r", "linux-x64", "-o", output, "-nologo"], TimeSpan.FromMinutes(20));

        Assert.True(publishExit == 0, publishLog);
        // Our code publishes with zero AOT/trim warnings; Pkcs11Interop's own summary (IL3053) is suppressed in the
        // project with its reason, so any warning left is ours.
        Assert.DoesNotContain(publishLog.Split('\n'), line => line.Contains(": warning ", StringComparison.Ordinal));

        (var exit, var text) = Run(Path.Combine(output, "V2gPki.Hsm.AotSmoke"), [HsmOptions.DefaultModulePath], TimeSpan.FromMinutes(2));
        Assert.True(exit == 0, text);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains("dynamic-code False", lines);
        Assert.Contains("login-probe True", lines);
        Assert.Equal("ok", lines[^1]);
        var message = Convert.FromBase64String(Field(lines, "message")[1]);

        var keys = new Dictionary<string, (HsmSignatureAlgorithm Algorithm, byte[] Spki)>();
        foreach (var line in lines.Where(l => l.StartsWith("key ", StringComparison.Ordinal)))
        {
            var f = line.Split(' ');
            keys[f[1]] = (Enum.Parse<HsmSignatureAlgorithm>(f[2]), Convert.FromBase64String(f[3]));
            Assert.Contains($"policy {f[1]} True", lines);
        }

        Assert.Equal(["ed448", "p256", "p521"], keys.Keys.Order());
        var verified = 0;
        foreach (var line in lines.Where(l => l.StartsWith("sig ", StringComparison.Ordinal)))
        {
            var f = line.Split(' ');
            (var algorithm, var spki) = keys[f[1]];
            var signature = Convert.FromBase64String(f[3]);
            (var opensslExit, var opensslOutput) = SignatureVerifier.VerifyWithOpenSsl(spki, algorithm, message, signature);
            Assert.True(opensslExit == 0, line + "\n" + opensslOutput);
            if (algorithm != HsmSignatureAlgorithm.Ed448)
            {
                Assert.True(SignatureVerifier.VerifyEcdsa(spki, algorithm, message, signature), line);
            }

            verified++;
        }

        // Per key: one priority, three batched bulk and one single bulk-lane signature.
        Assert.Equal(15, verified);
    }

    private static string[] Field(string[] lines, string name) =>
        lines.Single(l => l.StartsWith(name + " ", StringComparison.Ordinal)).Split(' ');

    private static (int ExitCode, string Output) Run(string program, string[] arguments, TimeSpan timeout)
    {
        // The test host's MSBuild variables would point a nested dotnet at the wrong SDK pieces.
        var environment = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(k => k, _ => (string?)null);
        (var exitCode, var output) = Tool.Run(new Tool.Command(program, arguments) { Timeout = timeout, Environment = environment });
        return (exitCode, output);
    }
}
