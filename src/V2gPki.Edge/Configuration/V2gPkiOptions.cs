// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Configuration;

/// <summary>
/// The whole configuration of <c>v2gpki</c> (docs/architecture.md §9): one JSON file (comments and trailing commas
/// allowed) plus environment overrides with the prefix <c>V2GPKI_</c> and <c>__</c> between levels, e.g.
/// <c>V2GPKI_Listeners__Ocsp__Port=8080</c>. Bound by the configuration-binder source generator (NativeAOT-safe).
/// </summary>
internal sealed class V2gPkiOptions
{
    /// <summary>
    /// The data directory (hierarchy, SoftHSM2 tokens, store and WAL, CRLs). A relative path is resolved against the
    /// directory of the config file (the working directory when there is none), so <c>"DataDir": "."</c> next to the
    /// data works from anywhere.
    /// </summary>
    public string DataDir { get; set; } = "var/data";

    /// <summary>Where each listener binds, with its limits.</summary>
    public ListenersOptions Listeners { get; set; } = new();

    /// <summary>The PKCS#11 module and its tokens.</summary>
    public HsmOptions Hsm { get; set; } = new();

    /// <summary>OCSP responder policy.</summary>
    public OcspOptions Ocsp { get; set; } = new();

    /// <summary>The certificate store.</summary>
    public StoreConfigOptions Store { get; set; } = new();

    /// <summary>The issuing worker (pre-signing, signer rollover).</summary>
    public IssuerConfigOptions Issuer { get; set; } = new();

    /// <summary>CRL publishing.</summary>
    public CrlConfigOptions Crl { get; set; } = new();

    /// <summary>The parties that may authenticate at the EST listener.</summary>
    public PartiesOptions Parties { get; set; } = new();
}
