// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.


using V2gPki.Edge.Commands.Id;

namespace V2gPki.IntegrationTests.Cli;

/// <summary>`IdCheckCommand` in process (argument handling; the executable tests cover the real binary).</summary>
public class IdCheckCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = IdCheckCommand.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Run_Iso20Pcid_AcceptsLongPcid()
    {
        var pcid = "WP0" + new string('A', 50);
        Assert.Equal(IdCheckCommand.ExitInvalid, Run("check", "pcid", pcid).Code);
        Assert.Equal(IdCheckCommand.ExitValid, Run("check", "pcid", pcid, "--iso20").Code);
    }

    [Fact]
    public void Run_DoubleDash_TakesValueStartingWithDash()
    {
        var (code, stdout, _) = Run("check", "emaid", "--", "-NLTNM000122045");
        Assert.Equal(IdCheckCommand.ExitInvalid, code);
        Assert.Contains("input:       -NLTNM000122045", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnknownCountryLenient_WarnsStrictFails()
    {
        var (code, stdout, _) = Run("check", "emaid", "EMP99CQATEST00Z");
        Assert.Equal(IdCheckCommand.ExitValid, code);
        Assert.Contains("WARNING: 'EM' is not an ISO 3166-1 alpha-2 country code", stdout, StringComparison.Ordinal);
        Assert.Equal(IdCheckCommand.ExitInvalid, Run("check", "emaid", "EMP99CQATEST00Z", "--strict").Code);
    }

    [Fact]
    public void Run_ValidEmaidWithCorrectDigit_SaysMatches()
    {
        var (code, stdout, _) = Run("check", "emaid", "nltnmc00122045k");
        Assert.Equal(IdCheckCommand.ExitValid, code);
        Assert.Contains("normalized:  NLTNMC00122045K", stdout, StringComparison.Ordinal);
        Assert.Contains("check digit: K (computed; matches the given one)", stdout, StringComparison.Ordinal);
    }
}
