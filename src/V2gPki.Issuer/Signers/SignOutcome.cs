// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Issuer.Signers;

/// <summary>Why a response could or could not be signed. Values are never reused (docs/style.md §15).</summary>
public enum SignOutcome : byte
{
    /// <summary>Signed.</summary>
    Success = 1,

    /// <summary>The CA has no usable delegated signer (none configured, key missing, or every signer expired).</summary>
    NoSigner = 2,

    /// <summary>The clock stepped back beyond the tolerance: signing refused.</summary>
    ClockJumped = 3,

    /// <summary>The HSM failed to sign.</summary>
    HsmError = 4,
}
