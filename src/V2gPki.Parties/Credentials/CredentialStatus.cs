// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Parties.Credentials;

/// <summary>
/// The result of checking a presented credential (an admin bearer token today; Basic, bearer JWT and client
/// certificates use the same outcomes). Values are explicit and never reused (docs/style.md §15).
/// </summary>
public enum CredentialStatus : byte
{
    /// <summary>A configured credential was presented.</summary>
    Authenticated = 0,

    /// <summary>No <c>Authorization</c> header (RFC 6750 §3: the challenge carries no error code).</summary>
    Missing = 1,

    /// <summary>An <c>Authorization</c> header that is not <c>Bearer &lt;token&gt;</c>.</summary>
    Malformed = 2,

    /// <summary>A bearer token that is not configured (RFC 6750 §3.1 <c>invalid_token</c>).</summary>
    Invalid = 3,
}
