// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Hsm;

namespace V2gPki.Pki.Hierarchy;

/// <summary>The HSM part of the hierarchy manifest: the PKCS#11 module and the tokens by role.</summary>
public sealed class CaManifestHsm
{
    /// <summary>Gets or sets the PKCS#11 module.</summary>
    public string ModulePath { get; set; } = HsmOptions.DefaultModulePath;

    /// <summary>Gets or sets the SoftHSM2 configuration file, relative to the data directory (<c>hsm/softhsm2.conf</c>); <see langword="null"/> for another module or an environment that sets <c>SOFTHSM2_CONF</c> itself.</summary>
    public string? SoftHsm2Config { get; set; }

    /// <summary>Gets or sets the tokens.</summary>
    public List<TokenManifestEntry> Tokens { get; set; } = [];
}
