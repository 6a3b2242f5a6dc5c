// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Hsm;

/// <summary>What a slot of the module holds, as reported by <c>C_GetTokenInfo</c> (for status commands and checks).</summary>
/// <param name="SlotId">The slot ID.</param>
/// <param name="Label">The token label, trailing blanks removed.</param>
/// <param name="SerialNumber">The token serial number.</param>
/// <param name="IsInitialized">Whether the token is initialised (<c>CKF_TOKEN_INITIALIZED</c>).</param>
/// <param name="IsUserPinInitialized">Whether the user PIN is set (<c>CKF_USER_PIN_INITIALIZED</c>).</param>
/// <param name="IsUserPinLocked">Whether the user PIN is locked (<c>CKF_USER_PIN_LOCKED</c>).</param>
public sealed record HsmTokenInfo(
    ulong SlotId, string Label, string SerialNumber, bool IsInitialized, bool IsUserPinInitialized, bool IsUserPinLocked);
