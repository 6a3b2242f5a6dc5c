// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Pki.Identifiers;

namespace V2gPki.Pki.Tests.Identifiers;

public class SeccIdTests
{
    private const string Controller32 = "00003C4D557878675645330967543476";

    // docs/iso15118.md §1.2 (Hubject / OPCP example).
    [Theory]
    [InlineData("DE-ICE-S-00003C4D557878675645330967543476-2", "DEICES00003C4D5578786756453309675434762", '2')]
    [InlineData("DEICES00003C4D5578786756453309675434762", "DEICES00003C4D5578786756453309675434762", null)]
    [InlineData("de-ice-s-00003c4d557878675645330967543476", "DEICES00003C4D557878675645330967543476", null)]
    [InlineData("DE-ICES00003C4D557878675645330967543476-x", "DEICES00003C4D557878675645330967543476X", 'X')]
    public void TryParse_Valid_Normalises(string value, string normalized, char? checkDigit)
    {
        Assert.True(SeccId.TryParse(value, out var id, out var error), error.Message);
        Assert.Equal(normalized, id.Normalized);
        Assert.Equal("DEICE", id.OwnerPrefix);
        Assert.Equal("DE", id.CountryCode);
        Assert.Equal("ICE", id.OperatorId);
        Assert.Equal(checkDigit, id.CheckDigit);
        Assert.InRange(id.Normalized.Length, SeccId.MinNormalizedLength, SeccId.MaxNormalizedLength);
    }

    [Fact]
    public void ControllerId_SeparatedCheckDigit_Excluded()
    {
        Assert.Equal(Controller32, SeccId.Parse("DE-ICE-S-" + Controller32 + "-2").ControllerId);
        Assert.Equal(Controller32, SeccId.Parse("DEICES" + Controller32).ControllerId);
    }

    [Fact]
    public void TryParse_LengthBounds_38To64Accepted()
    {
        Assert.True(SeccId.TryParse("DEICES" + new string('A', 32), out var min, out _));
        Assert.Equal(38, min.Normalized.Length);
        Assert.True(SeccId.TryParse("DE-ICE-S-" + new string('A', 57) + "-1", out var max, out _));
        Assert.Equal(64, max.Normalized.Length);
    }

    [Theory]
    [InlineData("", IdErrorCode.Empty)]
    [InlineData("DEICES0000", IdErrorCode.TooShort)]
    [InlineData("DEICES0000000000000000000000000000000", IdErrorCode.TooShort)] // 37
    [InlineData("DE-ICE-S-0000000000000000000000000000000-1", IdErrorCode.TooShort)] // controller 31
    [InlineData("DEICES00000000000000000000000000000000000000000000000000000000000", IdErrorCode.TooLong)] // 65
    [InlineData("DE-ICE-E-00003C4D557878675645330967543476", IdErrorCode.MissingIdType)]
    [InlineData("ZZ-ICE-S-00003C4D557878675645330967543476", IdErrorCode.UnknownCountryCode)]
    [InlineData("D3-ICE-S-00003C4D557878675645330967543476", IdErrorCode.InvalidCountryCode)]
    [InlineData("DE-I-E-S-00003C4D557878675645330967543476", IdErrorCode.InvalidPartyId)]
    [InlineData("DE*ICE*S*00003C4D557878675645330967543476", IdErrorCode.InvalidCharacter)]
    [InlineData("DE-ICE-S-00003C4D557878675645330967543476--", IdErrorCode.InvalidSeparators)] // the "check digit" would be a separator
    [InlineData("DE-ICE-S-00003C4D5578786756-45330967543476", IdErrorCode.InvalidSeparators)]
    [InlineData("DE-ICE-S-00003C4D557878675645330967543476--2", IdErrorCode.InvalidSeparators)]
    [InlineData("DE-ICE-S-00003C4D557878675645330967543476-", IdErrorCode.InvalidSeparators)]
    [InlineData("DE*AB7*E840*6487", IdErrorCode.InvalidCharacter)]
    public void TryParse_Invalid_ReturnsSpecificError(string value, IdErrorCode expected)
    {
        Assert.False(SeccId.TryParse(value, out _, out var error));
        Assert.Equal(expected, error.Code);
        Assert.Contains("CC-OOO-S-", error.Message, StringComparison.Ordinal);
    }
}
