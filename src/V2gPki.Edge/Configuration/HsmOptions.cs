// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Configuration;

/// <summary>
/// The PKCS#11 module and how the server logs in to its tokens (docs/architecture.md §6). The tokens themselves
/// (labels, which key lives where) are recorded in the hierarchy manifest <c>&lt;DataDir&gt;/ca/hierarchy.json</c> by
/// <c>v2gpki ca init</c>; this section only says where the PINs come from and how many sessions each lane gets.
/// </summary>
internal sealed class HsmOptions
{
    /// <summary>Path of the PKCS#11 module; null or empty takes the one the hierarchy manifest names (SoftHSM2 by default).</summary>
    public string? ModulePath { get; set; }

    /// <summary>Per-token PIN source and session counts, by role; a role not listed takes the manifest's PIN variable and the defaults.</summary>
    public HsmTokenOptions[]? Tokens { get; set; }
}
