// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.


using V2gPki.Edge.Commands;

namespace V2gPki.Edge.Tests;

public class CommandLineTests
{
    [Fact]
    public void TryParse_ValuesFlagsAndHelp()
    {
        Assert.True(CommandLine.TryParse(["--config", "a.json", "--check-config", "--port=9"], ["--config", "--port"], ["--check-config"], out var cli, out _));

        Assert.Equal("a.json", cli.Value("--config"));
        Assert.Equal("9", cli.Value("--port"));
        Assert.True(cli.Flag("--check-config"));
        Assert.False(cli.Help);

        Assert.True(CommandLine.TryParse(["-h"], [], [], out var help, out _));
        Assert.True(help.Help);
    }

    [Theory]
    [InlineData("--config")]
    [InlineData("--nope")]
    [InlineData("stray")]
    public void TryParse_UsageErrors(string arg)
    {
        Assert.False(CommandLine.TryParse([arg], ["--config"], [], out _, out var error));
        Assert.NotNull(error);
    }

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
