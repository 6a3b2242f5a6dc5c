// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Pki.Issuance;

/// <summary>The outcome of an issuance. Values are explicit and never reused.</summary>
public enum IssuanceStatus
{
    /// <summary>The certificate was signed, verified against the issuer key and is within the size limit.</summary>
    Issued = 0,

    /// <summary>The issuing CA does not issue this profile (another kind or ISO 15118 part), or the CSR was checked against another profile.</summary>
    ProfileMismatch = 1,

    /// <summary>The issuing CA has no key of ours (an external CA): nothing can be signed for it here.</summary>
    IssuerCannotSign = 2,

    /// <summary>The validity window is empty: the issuer has expired or the requested end is not after now.</summary>
    ValidityEmpty = 3,

    /// <summary>The pre-issuance lint found the TBS certificate off-profile; nothing was sent to the HSM.</summary>
    LintRefused = 4,

    /// <summary>Every serial drawn was already in use (a broken random source or registry); nothing was signed.</summary>
    SerialExhausted = 5,

    /// <summary>The signed certificate did not verify with the issuer key or grew beyond the size limit; it was discarded.</summary>
    SignatureInvalid = 6,

    /// <summary>The clock went backwards by more than the tolerance since the last issuance (docs/architecture.md §9: signing refuses to run when the clock jumps).</summary>
    ClockJumped = 7,
}
