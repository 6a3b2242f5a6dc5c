// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Parties.Credentials;

/// <summary>The result of checking a bearer token (<see cref="BearerTokens.AuthenticateAsync"/>).</summary>
/// <param name="Status">
/// <see cref="CredentialStatus.Authenticated"/>, <see cref="CredentialStatus.Missing"/> (an empty token),
/// <see cref="CredentialStatus.Malformed"/> (not a JWS in compact serialisation, RFC 7515 §7.1) or
/// <see cref="CredentialStatus.Invalid"/> (RFC 6750 §3.1 <c>invalid_token</c>: untrusted issuer, wrong audience,
/// expired, not yet valid, bad signature, unknown key, unusable claims).
/// </param>
/// <param name="Account">The party the token stands for; null unless <see cref="CredentialStatus.Authenticated"/>.</param>
/// <param name="Reason">Why the token is refused, for the caller and the audit log (no token material); empty on success.</param>
public readonly record struct BearerTokenResult(CredentialStatus Status, PartyAccount? Account, string Reason);
