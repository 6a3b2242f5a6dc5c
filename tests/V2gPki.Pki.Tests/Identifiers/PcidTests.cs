// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Pki.Identifiers;

namespace V2gPki.Pki.Tests.Identifiers;

public class PcidTests
{
    // docs/iso15118.md §3: OPCP's CSR example, Hubject's lower-case QA example, an 18-character PCID.
    [Theory]
    [InlineData("WP012345678901234", "WP012345678901234", "WP0")]
    [InlineData("huboemprovcqa0615", "HUBOEMPROVCQA0615", "HUB")]
    [InlineData("WP0123456789012345", "WP0123456789012345", "WP0")]
    public void TryParse_ValidPart2_NormalisesUpperCase(string value, string normalized, string wmi)
    {
        Assert.True(Pcid.TryParse(value, out var id, out var error), error.Message);
        Assert.Equal(normalized, id.Normalized);
        Assert.Equal(wmi, id.Wmi);
        Assert.Equal(wmi, id.OwnerPrefix);
    }

    [Fact]
    public void Equals_DifferentCase_Equal()
    {
        Assert.Equal(Pcid.Parse("huboemprovcqa0615"), Pcid.Parse("HUBOEMPROVCQA0615"));
    }

    [Theory]
    [InlineData("", IdErrorCode.Empty)]
    [InlineData("WP01234567890123", IdErrorCode.TooShort)] // 16 characters
    [InlineData("WP01234567890123456", IdErrorCode.TooLong)] // 19 characters for -2
    [InlineData("WP0-12345678901234", IdErrorCode.InvalidCharacter)]
    [InlineData("WP0 12345678901234", IdErrorCode.InvalidCharacter)]
    public void TryParse_InvalidPart2_ReturnsSpecificError(string value, IdErrorCode expected)
    {
        Assert.False(Pcid.TryParse(value, out _, out var error));
        Assert.Equal(expected, error.Code);
        Assert.Contains("17-18 letters or digits", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_Part20_AcceptsUpTo64()
    {
        var max = "WP0" + new string('1', 61);
        Assert.True(Pcid.TryParse(max, Iso15118Version.Part20, out var id, out _));
        Assert.Equal(64, id.Normalized.Length);
        Assert.False(Pcid.TryParse(max + "1", Iso15118Version.Part20, out _, out var error));
        Assert.Equal(IdErrorCode.TooLong, error.Code);
        Assert.False(Pcid.TryParse(max, Iso15118Version.Part2, out _, out error));
        Assert.Equal(IdErrorCode.TooLong, error.Code);
        Assert.False(Pcid.TryParse("WP01234567890123", Iso15118Version.Part20, out _, out error));
        Assert.Equal(IdErrorCode.TooShort, error.Code);
    }
}
