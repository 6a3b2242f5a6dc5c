// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Hsm;

/// <summary>
/// Why an HSM operation failed. Numeric values are stable and never reused (they may appear in logs and metrics).
/// </summary>
public enum HsmError
{
    /// <summary>The PKCS#11 module file does not exist at the configured path.</summary>
    ModuleNotFound = 1,

    /// <summary>The module file exists but could not be loaded or initialised as a PKCS#11 module.</summary>
    ModuleLoadFailed = 2,

    /// <summary>No initialised token with the configured label or slot is present.</summary>
    TokenNotFound = 3,

    /// <summary>The token rejected the PIN (<c>CKR_PIN_INCORRECT</c>, <c>CKR_PIN_INVALID</c>, <c>CKR_PIN_LEN_RANGE</c>).</summary>
    PinIncorrect = 4,

    /// <summary>The token's PIN is locked (<c>CKR_PIN_LOCKED</c> or the token reports <c>CKF_USER_PIN_LOCKED</c>).</summary>
    PinLocked = 5,

    /// <summary>The configured PIN source yielded no PIN (no value configured, or the environment variable is unset or empty).</summary>
    PinUnavailable = 6,

    /// <summary>No private key (or no public key) with the requested label exists on the token.</summary>
    KeyNotFound = 7,

    /// <summary>A key with the requested label already exists on the token.</summary>
    KeyExists = 8,

    /// <summary>A key exists but breaks the key policy: extractable, not sensitive, or not allowed to sign (docs/architecture.md §4, invariant 1).</summary>
    KeyPolicyViolation = 9,

    /// <summary>More than one private or public key carries the requested label.</summary>
    KeyAmbiguous = 10,

    /// <summary>The token does not support the mechanism, curve or key type requested.</summary>
    MechanismNotSupported = 11,

    /// <summary>The token went away while in use (removed, not present, slot invalid) and could not be found again.</summary>
    TokenUnavailable = 12,

    /// <summary>Any other PKCS#11 failure; <see cref="HsmException.ReturnValue"/> carries the <c>CKR_*</c> code.</summary>
    DeviceError = 13,

    /// <summary>The process platform is not supported (Pkcs11Interop's LowLevelAPI80 needs 64-bit Unix).</summary>
    UnsupportedPlatform = 14,

    /// <summary>A token with the requested label already exists (token initialisation).</summary>
    TokenExists = 15,

    /// <summary>No slot with an uninitialised token is available (token initialisation).</summary>
    NoFreeSlot = 16,
}
