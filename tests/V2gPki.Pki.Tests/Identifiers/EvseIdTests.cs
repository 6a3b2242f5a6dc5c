// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Pki.Identifiers;

namespace V2gPki.Pki.Tests.Identifiers;

public class EvseIdTests
{
    // docs/iso15118.md §1.1 vectors (mobilityid EvseIdSpec) and OPCP's example.
    [Theory]
    [InlineData("DE*AB7*E840*6487", "DEAB7E8406487", "DEAB7")]
    [InlineData("DEAB7E8406487", "DEAB7E8406487", "DEAB7")]
    [InlineData("de*ab7*e840*6487", "DEAB7E8406487", "DEAB7")]
    [InlineData("DE*DES*E*BMW*0113*2", "DEDESEBMW01132", "DEDES")]
    [InlineData("DE*TNM*ETWL*HEDWIGLAUDIENRING*LS12001*0", "DETNMETWLHEDWIGLAUDIENRINGLS120010", "DETNM")]
    [InlineData("DE*ICE*E45B*78C", "DEICEE45B78C", "DEICE")]
    [InlineData("DEAB7E1", "DEAB7E1", "DEAB7")]
    [InlineData("DE*AB7E1", "DEAB7E1", "DEAB7")]
    [InlineData("DEAB7*E1", "DEAB7E1", "DEAB7")]
    [InlineData("DE*AB7*E1234567890ABCDEFGHIJ1234567890", "DEAB7E1234567890ABCDEFGHIJ1234567890", "DEAB7")]
    [InlineData("NL*TNM*EEEEE", "NLTNMEEEEE", "NLTNM")]
    public void TryParse_ValidIsoForm_Normalises(string value, string normalized, string owner)
    {
        Assert.True(EvseId.TryParse(value, out var id, out var error), error.Message);
        Assert.Equal(IdErrorCode.None, error.Code);
        Assert.Equal(normalized, id.Normalized);
        Assert.Equal(owner, id.OwnerPrefix);
        Assert.Equal(normalized, id.ToString());
        Assert.InRange(id.Normalized.Length, EvseId.MinNormalizedLength, EvseId.MaxNormalizedLength);
    }

    [Fact]
    public void TryParse_MaximumOutletId_NormalisesTo37Characters()
    {
        var value = "DE*AB7*E" + new string('7', 31);
        Assert.True(EvseId.TryParse(value, out var id, out _));
        Assert.Equal(37, id.Normalized.Length);
        Assert.Equal(39, value.Length);
    }

    [Fact]
    public void Parts_IsoForm_SplitAsAnnexH()
    {
        var id = EvseId.Parse("de*ab7*E840*6487");
        Assert.Equal("DE", id.CountryCode);
        Assert.Equal("AB7", id.OperatorId);
        Assert.Equal("8406487", id.OutletId);
        Assert.Equal("DE*AB7*E8406487", id.DisplayForm);
    }

    [Fact]
    public void Equals_SameIdWithDifferentSeparatorsAndCase_Equal()
    {
        Assert.Equal(EvseId.Parse("DE*AB7*E840*6487"), EvseId.Parse("deab7e8406487"));
        Assert.True(EvseId.Parse("DE*AB7*E84*06487") == EvseId.Parse("DEAB7E8406487"));
        Assert.NotEqual(EvseId.Parse("DE*AB7*E1"), EvseId.Parse("DE*AB7*E2"));
    }

    [Theory]
    [InlineData("", IdErrorCode.Empty)]
    [InlineData("NL*TNM*840*6487", IdErrorCode.MissingIdType)] // no 'E'
    [InlineData("DE*AB7*E77777777777777777777777777777777", IdErrorCode.TooLong)] // outlet of 32
    [InlineData("DE*AB7*E", IdErrorCode.TooShort)]
    [InlineData("DE*AB7*E**", IdErrorCode.TooShort)]
    [InlineData("ZZ*TNM*E840*64878", IdErrorCode.UnknownCountryCode)]
    [InlineData("UK*SWI*E1", IdErrorCode.UnknownCountryCode)] // GB is the ISO code
    [InlineData("D1*AB7*E1", IdErrorCode.InvalidCountryCode)]
    [InlineData("DE*A*7*E1", IdErrorCode.InvalidPartyId)]
    [InlineData("DE*AB*E1", IdErrorCode.InvalidPartyId)]
    [InlineData("DE", IdErrorCode.InvalidPartyId)]
    [InlineData("DE**AB7*E1", IdErrorCode.InvalidPartyId)]
    [InlineData("DE*AB7**E1", IdErrorCode.MissingIdType)]
    [InlineData("DE-AB7-E1", IdErrorCode.InvalidCharacter)]
    [InlineData("DE*AB7*E1 ", IdErrorCode.InvalidCharacter)]
    [InlineData("DE*AB7*E\u00e91", IdErrorCode.InvalidCharacter)]
    [InlineData("+49*810*000*438", IdErrorCode.DinFormNotSupported)]
    [InlineData("49*810*000*438", IdErrorCode.DinFormNotSupported)]
    [InlineData("+49*810548*1234567890", IdErrorCode.DinFormNotSupported)]
    [InlineData("DE*SWI*E123456789012345678901234567890123", IdErrorCode.TooLong)]
    public void TryParse_Invalid_ReturnsSpecificError(string value, IdErrorCode expected)
    {
        Assert.False(EvseId.TryParse(value, out var id, out var error));
        Assert.Equal(expected, error.Code);
        Assert.Equal(default, id);
        Assert.Contains("CC*OOO*E", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_DinForm_MessageNamesIsoFormAndValue()
    {
        Assert.False(EvseId.TryParse("+49*810*000*438", out _, out var error));
        Assert.Contains("DIN SPEC 91286", error.Message, StringComparison.Ordinal);
        Assert.Contains("'+49*810*000*438'", error.Message, StringComparison.Ordinal);
        Assert.Contains("ISO 15118-2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_ControlCharacters_QuotedSafely()
    {
        Assert.False(EvseId.TryParse("DE*AB7*E1\n\u0000", out _, out var error));
        Assert.DoesNotContain("\n", error.Message, StringComparison.Ordinal);
        Assert.Contains("U+000A", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Invalid_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => EvseId.Parse("NL*TNM*840*6487"));
    }

    [Fact]
    public void Default_Value_IsEmpty()
    {
        Assert.Equal(string.Empty, default(EvseId).Normalized);
        Assert.Equal(string.Empty, default(EvseId).ToString());
    }
}
