// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Listeners.Admin;

/// <summary>The issuing CA of a certificate.</summary>
internal sealed class CaReference
{
    /// <summary>The CA name (docs/architecture.md §2).</summary>
    public required string Name { get; init; }

    /// <summary>The store issuer id.</summary>
    public int IssuerId { get; init; }

    /// <summary>The CA certificate's subject DN.</summary>
    public required string Subject { get; init; }
}
