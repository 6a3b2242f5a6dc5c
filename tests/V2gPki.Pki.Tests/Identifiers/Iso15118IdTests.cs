// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Pki.Identifiers;

namespace V2gPki.Pki.Tests.Identifiers;

public class Iso15118IdTests
{
    [Theory]
    [InlineData(IdType.Evse, "DE*AB7*E840*6487", "DEAB7E8406487", "DEAB7", null)]
    [InlineData(IdType.Secc, "DE-ICE-S-00003C4D557878675645330967543476-2", "DEICES00003C4D5578786756453309675434762", "DEICE", null)]
    [InlineData(IdType.Emaid, "NL-TNM-000122045", "NLTNM000122045", "NLTNM", 'U')]
    [InlineData(IdType.Pcid, "wp012345678901234", "WP012345678901234", "WP0", null)]
    public void TryParse_EachType_DispatchesToItsGrammar(IdType type, string value, string normalized, string owner, char? checkDigit)
    {
        Assert.True(Iso15118Id.TryParse(type, value, default, out var id, out var error), error.Message);
        Assert.Equal(type, id.Type);
        Assert.Equal(normalized, id.Normalized);
        Assert.Equal(owner, id.OwnerPrefix);
        Assert.Equal(checkDigit, id.ComputedCheckDigit);
    }

    [Fact]
    public void TryParse_UnknownType_ReturnsUnknownIdType()
    {
        Assert.False(Iso15118Id.TryParse(IdType.None, "X", default, out _, out var error));
        Assert.Equal(IdErrorCode.UnknownIdType, error.Code);
    }

    [Fact]
    public void TryParse_EmaidStrict_UsesOptions()
    {
        var strict = new IdParseOptions(IdStrictness.Strict);
        Assert.False(Iso15118Id.TryParse(IdType.Emaid, "NLTNM000122045X", strict, out _, out var error));
        Assert.Equal(IdErrorCode.WrongCheckDigit, error.Code);
        Assert.True(Iso15118Id.TryParse(IdType.Emaid, "NLTNM000122045X", default, out var id, out _));
        Assert.Equal(IdWarnings.WrongCheckDigit, id.Warnings);
    }

    [Fact]
    public void TryParse_PcidPart20_UsesVersion()
    {
        var pcid = "WP0" + new string('A', 40);
        Assert.False(Iso15118Id.TryParse(IdType.Pcid, pcid, default, out _, out _));
        Assert.True(Iso15118Id.TryParse(IdType.Pcid, pcid, new IdParseOptions(Version: Iso15118Version.Part20), out _, out _));
    }

    [Theory]
    [InlineData("evse", IdType.Evse)]
    [InlineData("SECC", IdType.Secc)]
    [InlineData("emaid", IdType.Emaid)]
    [InlineData("pcid", IdType.Pcid)]
    public void IdTypeNames_KnownName_RoundTrips(string name, IdType type)
    {
        Assert.True(IdTypeNames.TryParse(name, out var parsed));
        Assert.Equal(type, parsed);
        Assert.Equal(name.ToLowerInvariant(), IdTypeNames.ToName(type));
    }

    [Fact]
    public void IdTypeNames_UnknownName_ReturnsFalse()
    {
        Assert.False(IdTypeNames.TryParse("veh", out var type));
        Assert.Equal(IdType.None, type);
    }
}
