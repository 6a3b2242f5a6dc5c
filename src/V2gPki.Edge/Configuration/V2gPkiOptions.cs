// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Configuration;

/// <summary>
/// The whole configuration of <c>v2gpki</c> (DESIGN.md §9): one JSON file (comments and trailing commas allowed)
/// plus environment overrides with the prefix <c>V2GPKI_</c> and <c>__</c> between levels, e.g.
/// <c>V2GPKI_Listeners__Ocsp__Port=8080</c>. Bound by the configuration-binder source generator (NativeAOT-safe).
/// </summary>
public sealed class V2gPkiOptions
{
    /// <summary>The data directory (store, WAL, tokens, CRLs); relative paths are relative to the working directory.</summary>
    public string DataDir { get; set; } = "var/data";

    /// <summary>Where each listener binds, with its limits.</summary>
    public ListenersOptions Listeners { get; set; } = new();

    /// <summary>The PKCS#11 module and its tokens.</summary>
    public HsmOptions Hsm { get; set; } = new();

    /// <summary>OCSP responder policy.</summary>
    public OcspOptions Ocsp { get; set; } = new();
}
