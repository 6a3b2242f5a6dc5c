// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Hsm;

/// <summary>The token roles of the demo configuration (docs/architecture.md §4 invariant 1, §6).</summary>
public static class HsmTokenRoles
{
    /// <summary>The token holding the V2G root and Sub-CA 1 keys (offline in production).</summary>
    public const string Root = "root";

    /// <summary>The token holding Sub-CA 2, OCSP signer and CPS keys (always online).</summary>
    public const string Online = "online";
}
