// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Configuration;

/// <summary>The PKCS#11 module and tokens (DESIGN.md §6).</summary>
public sealed class HsmOptions
{
    /// <summary>Path of the PKCS#11 module (SoftHSM2 by default).</summary>
    public string ModulePath { get; set; } = "/usr/lib/softhsm/libsofthsm2.so";

    /// <summary>The tokens the server logs in to; none means the built-in demo layout under the data directory.</summary>
    public HsmTokenOptions[]? Tokens { get; set; }
}
