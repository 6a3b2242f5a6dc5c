// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Hsm;

namespace V2gPki.Pki.Hierarchy;

/// <summary>A leaf whose key is ours (the CPS signing leaf, kept in the online token).</summary>
public sealed class LeafManifestEntry
{
    /// <summary>Gets or sets the name (<c>cps</c>).</summary>
    public string Name { get; set; } = "";

    /// <summary>Gets or sets the profile name (<c>cps</c>).</summary>
    public string Profile { get; set; } = "";

    /// <summary>Gets or sets the issuing CA.</summary>
    public string Ca { get; set; } = "";

    /// <summary>Gets or sets the token role (<c>online</c>).</summary>
    public string TokenRole { get; set; } = HsmTokenRoles.Online;

    /// <summary>Gets or sets the key label.</summary>
    public string KeyLabel { get; set; } = "";

    /// <summary>Gets or sets the key type.</summary>
    public HsmKeyType KeyType { get; set; }

    /// <summary>Gets or sets the certificate file (PEM), relative to the manifest's directory.</summary>
    public string? CertificatePath { get; set; }
}
