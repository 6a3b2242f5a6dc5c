// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Pki.Identifiers;

namespace V2gPki.Parties.Tests;

public sealed class OwnedPrefixesTests
{
    [Theory]
    [InlineData("DE*ABC", "DEABC")]
    [InlineData("de*abc", "DEABC")]
    [InlineData("DEABC", "DEABC")]
    [InlineData("DE-AB1", "DEAB1")]
    [InlineData(" NL*123 ", "NL123")]
    public void TryCreate_OperatorForms_NormalisedAsTheIdentifiersOwnerPrefix(string given, string normalized)
    {
        Assert.True(OwnedPrefixes.TryCreate([given], [given], null, null, out var prefixes, out var error), error);
        Assert.Equal([normalized], prefixes!.EvseOperators);
        Assert.Equal([normalized], prefixes.EmaidProviders);
    }

    [Theory]
    [InlineData("DE**ABC")]
    [InlineData("DE*AB")]
    [InlineData("DE*ABCD")]
    [InlineData("D1*ABC")]
    [InlineData("XX*ABC")]     // not an assigned ISO 3166-1 code
    [InlineData("DE_ABC")]
    [InlineData("")]
    public void TryCreate_MalformedOperator_RefusedWithTheValueInTheMessage(string given)
    {
        Assert.False(OwnedPrefixes.TryCreate([given], null, null, null, out var prefixes, out var error));
        Assert.Null(prefixes);
        Assert.Contains(given.Length == 0 ? "''" : given.Trim(), error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("WA")]
    [InlineData("WABC")]
    [InlineData("W-B")]
    public void TryCreate_MalformedWmi_Refused(string wmi)
    {
        Assert.False(OwnedPrefixes.TryCreate(null, null, [wmi], null, out _, out var error));
        Assert.Contains("WMI", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Owns_EvseAndSeccShareOperatorPrefixes_EmaidAndPcidTheirOwn()
    {
        Assert.True(OwnedPrefixes.TryCreate(["DE*ABC"], ["NL-XYZ"], ["wab"], ["Acme CPS"], out var prefixes, out _));
        Assert.True(prefixes!.Owns(IdType.Evse, EvseId.Parse("DE*ABC*E123").OwnerPrefix));
        Assert.True(prefixes.Owns(IdType.Secc, "DEABC"));
        Assert.False(prefixes.Owns(IdType.Emaid, "DEABC"));
        Assert.True(prefixes.Owns(IdType.Emaid, Emaid.Parse("NL-XYZ-C12345678-X").OwnerPrefix));
        Assert.True(prefixes.Owns(IdType.Pcid, Pcid.Parse("WAB12345678901234").OwnerPrefix));
        Assert.False(prefixes.Owns(IdType.Pcid, "WAC"));
        Assert.True(prefixes.OwnsCpsName("Acme CPS 7"));
        Assert.False(prefixes.OwnsCpsName("acme CPS 7"));
    }

    [Fact]
    public void TryCreate_Duplicates_KeptOnce()
    {
        Assert.True(OwnedPrefixes.TryCreate(["DE*ABC", "DEABC", "de-abc"], null, ["WAB", "wab"], null, out var prefixes, out _));
        Assert.Single(prefixes!.EvseOperators);
        Assert.Single(prefixes.PcidWmis);
    }
}
