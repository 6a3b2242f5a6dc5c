// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Hsm;

/// <summary>
/// The security attributes of a private key as the token reports them (docs/architecture.md §4, invariant 1).
/// </summary>
/// <param name="IsToken"><c>CKA_TOKEN</c>: a persistent token object.</param>
/// <param name="IsPrivate"><c>CKA_PRIVATE</c>: usable only after login.</param>
/// <param name="IsSensitive"><c>CKA_SENSITIVE</c>: the key value cannot be read.</param>
/// <param name="IsExtractable"><c>CKA_EXTRACTABLE</c>: the key could be wrapped out of the token.</param>
/// <param name="CanSign"><c>CKA_SIGN</c>.</param>
/// <param name="CanDecrypt"><c>CKA_DECRYPT</c>.</param>
/// <param name="CanUnwrap"><c>CKA_UNWRAP</c>.</param>
/// <param name="CanDerive"><c>CKA_DERIVE</c>.</param>
/// <param name="IsAlwaysSensitive"><c>CKA_ALWAYS_SENSITIVE</c>: sensitive since creation.</param>
/// <param name="IsNeverExtractable"><c>CKA_NEVER_EXTRACTABLE</c>: never extractable since creation.</param>
/// <param name="IsLocal"><c>CKA_LOCAL</c>: generated on the token.</param>
/// <param name="IsValueReadable">Whether reading <c>CKA_VALUE</c> returned a value (it must be refused).</param>
public readonly record struct HsmKeyPolicy(
    bool IsToken,
    bool IsPrivate,
    bool IsSensitive,
    bool IsExtractable,
    bool CanSign,
    bool CanDecrypt,
    bool CanUnwrap,
    bool CanDerive,
    bool IsAlwaysSensitive,
    bool IsNeverExtractable,
    bool IsLocal,
    bool IsValueReadable)
{
    /// <summary>
    /// Whether the key meets the policy of a CA or signer key: a private token object that is sensitive, not
    /// extractable, unreadable, and allowed to sign but not to decrypt, unwrap or derive.
    /// </summary>
    public bool IsSigningKeyPolicy =>
        IsToken && IsPrivate && IsSensitive && !IsExtractable && !IsValueReadable && CanSign && !CanDecrypt && !CanUnwrap && !CanDerive;
}
