// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Configuration;

/// <summary>One HSM token. The PIN is read from a file, never from the command line or the config itself.</summary>
public sealed class HsmTokenOptions
{
    /// <summary>The token label.</summary>
    public string Label { get; set; } = string.Empty;

    /// <summary>The file holding the user PIN (relative paths are relative to <see cref="V2gPkiOptions.DataDir"/>).</summary>
    public string PinFile { get; set; } = string.Empty;

    /// <summary><c>online</c> (issuing CAs and every OCSP signer) or <c>offline</c> (root, Sub-CA 1), DESIGN.md §4 invariant 1.</summary>
    public string Role { get; set; } = "online";

    /// <summary>Sessions opened on this token for signing (report sign rates over 1, 2, 4, 8).</summary>
    public int Sessions { get; set; } = 2;
}
