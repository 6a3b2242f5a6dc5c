// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Diagnostics;
using System.Text.Json;
using V2gPki.IntegrationTests.Serve;
using Xunit.Abstractions;

namespace V2gPki.IntegrationTests.Edge;

/// <summary>The NativeAOT-published v2gpki: config binding through the source generator, and a real answer.</summary>
public class AotBinaryTests(ITestOutputHelper output)
{
    [AotBinaryFact]
    public async Task CheckConfig_JsonWithCommentsAndEnvironmentOverride_BindsUnderNativeAot()
    {
        var config = Path.Combine(Path.GetTempPath(), $"v2gpki-aot-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(config, """
            {
              // comments and trailing commas are allowed
              "Listeners": { "Ocsp": { "Port": 1234, "Limits": { "MaxRequestHeaderCount": 20, }, }, },
              "Ocsp": { "NeverIssuedPolicy": "unauthorized", "HashAlgorithms": [ "sha256" ] },
            }
            """);
        try
        {
            var result = await Tool.RunAsync(new Tool.Command(AotBinaryFactAttribute.RequiredPath, ["serve", "--config", config, "--check-config"])
            {
                Environment = { ["V2GPKI_Listeners__Ocsp__Port"] = "4321", ["V2GPKI_Ocsp__SlowPath__CacheSize"] = "77" },
            });

            Assert.True(result.ExitCode == 0, result.StdErr);
            using var document = JsonDocument.Parse(result.StdOut);
            var root = document.RootElement;
            var ocsp = root.GetProperty("Listeners").GetProperty("Ocsp");
            Assert.Equal(4321, ocsp.GetProperty("Port").GetInt32());
            Assert.Equal(20, ocsp.GetProperty("Limits").GetProperty("MaxRequestHeaderCount").GetInt32());
            Assert.Equal(8192, ocsp.GetProperty("Limits").GetProperty("MaxRequestBodyBytes").GetInt32());
            Assert.Equal("unauthorized", root.GetProperty("Ocsp").GetProperty("NeverIssuedPolicy").GetString());
            Assert.Equal(77, root.GetProperty("Ocsp").GetProperty("SlowPath").GetProperty("CacheSize").GetInt32());
        }
        finally
        {
            File.Delete(config);
        }
    }

    [AotBinaryFact]
    public async Task PerfServe_StartsAndAnswers_ExecToFirstAnswerReported()
    {
        var clock = Stopwatch.StartNew();
        using var server = ServerProcess.Start(AotBinaryFactAttribute.RequiredPath, "perf-serve", "--table", Fixtures.TableDirectory, "--port", "0");
        var line = await server.WaitForLineAsync("http://", TimeSpan.FromSeconds(60));
        var at = line.IndexOf("http://", StringComparison.Ordinal);
        var url = line[at..line.IndexOf(' ', at)];

        using var http = new HttpClient();
        using var content = new ByteArrayContent(Fixtures.Request(7));
        using var response = await http.PostAsync(new Uri(url), content);
        var body = await response.Content.ReadAsByteArrayAsync();
        output.WriteLine($"NativeAOT exec → first OCSP answer: {clock.ElapsedMilliseconds} ms (test-host process start included)");

        Assert.Equal(Fixtures.Response(7), body);
    }
}
