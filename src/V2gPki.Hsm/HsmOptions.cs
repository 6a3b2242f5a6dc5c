// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Hsm;

/// <summary>The <c>Hsm</c> configuration section: the PKCS#11 module and the tokens by role.</summary>
public sealed class HsmOptions
{
    /// <summary>The path of SoftHSM2's module on Debian, the default <see cref="ModulePath"/>.</summary>
    public const string DefaultModulePath = "/usr/lib/softhsm/libsofthsm2.so";

    /// <summary>The PKCS#11 module to load.</summary>
    public string ModulePath { get; set; } = DefaultModulePath;

    /// <summary>
    /// For SoftHSM2: the <c>softhsm2.conf</c> to use. When set, <c>SOFTHSM2_CONF</c> is set through the C library
    /// before the module loads (SoftHSM2 reads it with <c>getenv</c>). Leave unset when the environment already has it.
    /// </summary>
    public string? SoftHsm2ConfigPath { get; set; }

    /// <summary>The tokens, one per role.</summary>
    public IList<HsmTokenOptions> Tokens { get; } = new List<HsmTokenOptions>();
}
