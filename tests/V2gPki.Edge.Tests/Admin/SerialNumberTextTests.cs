// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.


using V2gPki.Edge.Listeners.Admin;

namespace V2gPki.Edge.Tests.Admin;

public class SerialNumberTextTests
{
    [Theory]
    [InlineData("1A2B", "1A2B")]
    [InlineData("1a2b", "1A2B")]
    [InlineData("0x1a2b", "1A2B")]
    [InlineData("  00001A2B ", "1A2B")]
    [InlineData("1:a2:b", "1A2B")]
    [InlineData("abc", "0ABC")]
    [InlineData("1", "01")]
    [InlineData("80", "0080")]                // RFC 5280 §4.1.2.2: positive, so a sign octet when the high bit is set
    [InlineData("0080", "0080")]
    [InlineData("00000000FF", "00FF")]
    [InlineData("7F0102030405060708090A0B0C0D0E0F10111213", "7F0102030405060708090A0B0C0D0E0F10111213")]
    public void TryParse_HexVariants_DerIntegerContentOctets(string text, string expected)
    {
        Assert.True(SerialNumberText.TryParse(text, out var serial, out var error), error);
        Assert.Equal(expected, SerialNumberText.ToHex(serial));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("0x", "empty")]
    [InlineData("::", "empty")]
    [InlineData("12 34", "not hex")]
    [InlineData("-1", "not hex")]
    [InlineData("12G4", "not hex")]
    [InlineData("0000", "zero")]
    [InlineData("800102030405060708090A0B0C0D0E0F10111213", "longer than 20 octets")] // 20 octets + the sign octet
    [InlineData("010102030405060708090A0B0C0D0E0F1011121314", "longer than 20 octets")]
    public void TryParse_Invalid_RefusedWithReason(string text, string reason)
    {
        Assert.False(SerialNumberText.TryParse(text, out var serial, out var error));
        Assert.Empty(serial);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_OverlongText_Refused()
    {
        Assert.False(SerialNumberText.TryParse(new string('0', 200) + "1", out _, out var error));
        Assert.Contains("longer than", error, StringComparison.Ordinal);
    }
}
