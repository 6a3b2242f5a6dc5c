// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Pki.Hierarchy;

/// <summary>One HSM token of the hierarchy: its role (<c>root</c> or <c>online</c>), label and where its PIN comes from.</summary>
public sealed class TokenManifestEntry
{
    /// <summary>Gets or sets the role (<see cref="V2gPki.Hsm.HsmTokenRoles"/>).</summary>
    public string Role { get; set; } = "";

    /// <summary>Gets or sets the token label.</summary>
    public string Label { get; set; } = "";

    /// <summary>Gets or sets the environment variable holding the user PIN (the PIN itself is never written).</summary>
    public string PinEnvironmentVariable { get; set; } = "";
}
