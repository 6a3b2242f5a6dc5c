// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Configuration;

/// <summary>
/// One HSM token of the hierarchy, by role. PINs never come from the command line or the config text itself: from a
/// file (mode 0600, relative to <see cref="V2gPkiOptions.DataDir"/>), else from an environment variable, else from
/// the variable the manifest names, else — demo data directories only — from <c>hsm/demo-pins.json</c>. They are
/// never logged.
/// </summary>
internal sealed class HsmTokenOptions
{
    /// <summary><c>root</c> (V2G root and Sub-CA 1 keys) or <c>online</c> (Sub-CA 2 keys and every OCSP signer), docs/architecture.md §4 invariant 1.</summary>
    public string Role { get; set; } = "online";

    /// <summary>A file holding the user PIN (first line); relative to the data directory. Takes precedence.</summary>
    public string? PinFile { get; set; }

    /// <summary>An environment variable holding the user PIN; null takes the manifest's (<c>V2GPKI_ROOT_PIN</c>, <c>V2GPKI_ONLINE_PIN</c>).</summary>
    public string? PinEnvironmentVariable { get; set; }

    /// <summary>Sessions reserved for revocation and issuance signatures (the priority lane).</summary>
    public int PrioritySessions { get; set; } = 1;

    /// <summary>
    /// Sessions of the bulk lane (pre-signing waves, live slow path), one worker thread each. SoftHSM2 serialises part
    /// of every signature on a token-wide lock: measure the sign rate over 1, 2, 4, 8 sessions before going past 2.
    /// </summary>
    public int BulkSessions { get; set; } = 2;

    /// <summary>Signatures queued or executing on the bulk lane at most (back-pressure for re-sign waves).</summary>
    public int BulkMaxInFlight { get; set; } = 1024;
}
