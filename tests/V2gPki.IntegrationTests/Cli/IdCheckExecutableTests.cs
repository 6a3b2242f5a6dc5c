// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.IntegrationTests.Cli;

/// <summary>`v2gpki id check` against the real built executable.</summary>
public class IdCheckExecutableTests
{
    [Fact]
    public void IdCheck_ValidEmaidWithoutCheckDigit_PrintsNormalisedDigitOwnerAndExits0()
    {
        var (code, stdout, _) = V2gpkiProcess.Run("id", "check", "emaid", "NL-TNM-000122045");
        Assert.Equal(0, code);
        Assert.Contains("normalized:  NLTNM000122045\n", stdout, StringComparison.Ordinal);
        Assert.Contains("check digit: U (computed; not present in the ID; never appended)", stdout, StringComparison.Ordinal);
        Assert.Contains("owner:       NLTNM\n", stdout, StringComparison.Ordinal);
        Assert.Contains("verdict:     VALID\n", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("WARNING", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void IdCheck_WrongCheckDigitLenient_WarnsAndExits0()
    {
        var (code, stdout, _) = V2gpkiProcess.Run("id", "check", "emaid", "NL-TNM-000122045-X");
        Assert.Equal(0, code);
        Assert.Contains("WARNING: the 15th character 'X' is not the eMI3 check digit 'U'", stdout, StringComparison.Ordinal);
        Assert.Contains("verdict:     VALID (with warnings)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void IdCheck_WrongCheckDigitStrict_InvalidExits1()
    {
        var (code, stdout, _) = V2gpkiProcess.Run("id", "check", "--strict", "emaid", "NL-TNM-000122045-X");
        Assert.Equal(1, code);
        Assert.Contains("check digit: U (computed)", stdout, StringComparison.Ordinal);
        Assert.Contains("verdict:     INVALID (WrongCheckDigit)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void IdCheck_DinEvseId_InvalidNamesIsoFormExits1()
    {
        var (code, stdout, _) = V2gpkiProcess.Run("id", "check", "evse", "+49*810*000*438");
        Assert.Equal(1, code);
        Assert.Contains("DIN SPEC 91286", stdout, StringComparison.Ordinal);
        Assert.Contains("CC*OOO*E<outlet>", stdout, StringComparison.Ordinal);
        Assert.Contains("verdict:     INVALID (DinFormNotSupported)", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("evse", "DE*AB7*E840*6487", "DEAB7E8406487", "DEAB7")]
    [InlineData("secc", "DE-ICE-S-00003C4D557878675645330967543476-2", "DEICES00003C4D5578786756453309675434762", "DEICE")]
    [InlineData("pcid", "huboemprovcqa0615", "HUBOEMPROVCQA0615", "HUB")]
    public void IdCheck_ValidOtherTypes_Exits0(string type, string value, string normalized, string owner)
    {
        var (code, stdout, _) = V2gpkiProcess.Run("id", "check", type, value);
        Assert.Equal(0, code);
        Assert.Contains($"normalized:  {normalized}\n", stdout, StringComparison.Ordinal);
        Assert.Contains($"owner:       {owner}\n", stdout, StringComparison.Ordinal);
        Assert.Contains("check digit: none", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void IdCheck_PcidOf16_InvalidExits1()
    {
        var (code, stdout, _) = V2gpkiProcess.Run("id", "check", "pcid", "WP01234567890123");
        Assert.Equal(1, code);
        Assert.Contains("verdict:     INVALID (TooShort)", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("id", "check")]
    [InlineData("id", "check", "emaid")]
    [InlineData("id", "check", "veh", "X")]
    [InlineData("id", "check", "emaid", "A", "B")]
    [InlineData("id", "check", "--bogus", "emaid", "A")]
    [InlineData("id", "verify", "emaid", "A")]
    public void IdCheck_UsageError_Exits2WithUsageOnStderr(params string[] args)
    {
        var (code, stdout, stderr) = V2gpkiProcess.Run(args);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("usage: v2gpki id check", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void IdCheck_Help_PrintsUsageExits0()
    {
        var (code, stdout, _) = V2gpkiProcess.Run("id", "check", "--help");
        Assert.Equal(0, code);
        Assert.Contains("usage: v2gpki id check <evse|secc|emaid|pcid> <value>", stdout, StringComparison.Ordinal);
        Assert.Contains("exit status: 0 valid", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_TopLevel_ListsIdCheck()
    {
        var (code, stdout, _) = V2gpkiProcess.Run("help");
        Assert.Equal(0, code);
        Assert.Contains("id check", stdout, StringComparison.Ordinal);
    }
}
