// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Pki.Identifiers;

namespace V2gPki.Pki.Tests.Identifiers;

public class CountryCodesTests
{
    [Fact]
    public void Count_OfficiallyAssigned_Is249()
    {
        Assert.Equal(249, CountryCodes.Count);
    }

    [Theory]
    [InlineData("DE")]
    [InlineData("nl")]
    [InlineData("GB")]
    [InlineData("AX")]
    [InlineData("ZW")]
    [InlineData("SS")]
    public void IsAssigned_IsoCode_True(string code) => Assert.True(CountryCodes.IsAssigned(code));

    [Theory]
    [InlineData("ZZ")]
    [InlineData("UK")]
    [InlineData("EU")]
    [InlineData("EM")]
    [InlineData("AA")]
    [InlineData("XK")]
    [InlineData("D")]
    [InlineData("DEU")]
    [InlineData("D1")]
    public void IsAssigned_NotIsoCode_False(string code) => Assert.False(CountryCodes.IsAssigned(code));

    [Fact]
    public void IsAssigned_MatchesTzDatabaseList_WhenAvailable()
    {
        const string path = "/usr/share/zoneinfo/iso3166.tab";
        if (!File.Exists(path))
        {
            return;
        }

        var expected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length >= 2 && line[0] != '#')
            {
                expected.Add(line[..2]);
            }
        }

        for (var a = 'A'; a <= 'Z'; a++)
        {
            for (var b = 'A'; b <= 'Z'; b++)
            {
                string code = new([a, b]);
                Assert.True(expected.Contains(code) == CountryCodes.IsAssigned(code), code);
            }
        }
    }
}
