// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Configuration;

/// <summary>The parties that may authenticate at the EST listener: accounts with roles, owned prefixes and credentials.</summary>
internal sealed class PartiesOptions
{
    /// <summary>The accounts.</summary>
    public List<PartyAccountOptions> Accounts { get; set; } = [];
}
