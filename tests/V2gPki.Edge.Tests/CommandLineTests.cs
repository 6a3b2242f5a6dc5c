// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Tests;

public class CommandLineTests
{
    [Theory]
    [InlineData("serve", "--help")]
    [InlineData("perf-serve", "--help")]
    public void EveryCommand_HasHelp(string command, string flag)
    {
        Assert.Equal(0, Program.Main([command, flag]));
    }

    [Fact]
    public void Serve_WithoutConfig_IsAUsageError()
    {
        Assert.Equal(2, Program.Main(["serve"]));
        Assert.Equal(2, Program.Main(["no-such-command"]));
    }

    [Fact]
    public void Serve_DataDirectoryWithoutHierarchy_FailsNamingWhatToRun()
    {
        var path = Path.Combine(Path.GetTempPath(), $"v2gpki-serve-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "DataDir": "no-such-data", "Listeners": { "Ocsp": { "Port": 0 }, "Admin": { "Port": 0 } } }""");
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        try
        {
            Assert.Equal(1, Program.Main(["serve", "--config", path]));
        }
        finally
        {
            Console.SetError(original);
            File.Delete(path);
        }

        Assert.Contains("holds no CA hierarchy", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("v2gpki demo", error.ToString(), StringComparison.Ordinal);
    }
}
