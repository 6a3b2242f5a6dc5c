// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Parties.Tests;

public sealed class PartyDirectoryTests
{
    [Fact]
    public void TryGet_KnownAndUnknownIds()
    {
        var directory = new PartyDirectory([new PartyAccount("cpo-acme", PartyRoles.Cpo, OwnedPrefixes.None)]);

        Assert.True(directory.TryGet("cpo-acme", out var account));
        Assert.Equal(PartyRoles.Cpo, account.Roles);
        Assert.False(directory.TryGet("CPO-ACME", out _));
    }

    [Fact]
    public void Constructor_DuplicateId_Throws()
    {
        Assert.Throws<ArgumentException>(() => new PartyDirectory(
        [
            new PartyAccount("a", PartyRoles.Cpo, OwnedPrefixes.None),
            new PartyAccount("a", PartyRoles.Mo, OwnedPrefixes.None),
        ]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("with space")]
    [InlineData("tab\there")]
    [InlineData("é")]
    public void PartyAccount_BadId_Throws(string id)
    {
        Assert.Throws<ArgumentException>(() => new PartyAccount(id, PartyRoles.Cpo, OwnedPrefixes.None));
    }
}
