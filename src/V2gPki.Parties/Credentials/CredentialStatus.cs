// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Parties.Credentials;

/// <summary>
/// The result of checking a presented credential (admin bearer tokens, HTTP Basic; bearer JWT and client certificates
/// use the same outcomes). Values are explicit and never reused (docs/style.md §15).
/// </summary>
public enum CredentialStatus : byte
{
    /// <summary>A configured credential was presented.</summary>
    Authenticated = 0,

    /// <summary>No <c>Authorization</c> header (RFC 6750 §3: the challenge carries no error code).</summary>
    Missing = 1,

    /// <summary>
    /// An <c>Authorization</c> header that is not of the form the check reads: <c>Bearer &lt;token&gt;</c> for
    /// <see cref="AdminTokens"/>, <c>Basic &lt;base64(user-id:password)&gt;</c> for <see cref="BasicCredentials"/>.
    /// </summary>
    Malformed = 2,

    /// <summary>
    /// A well-formed credential that is not configured: an unknown bearer token (RFC 6750 §3.1 <c>invalid_token</c>), an
    /// unknown Basic user id or a wrong password.
    /// </summary>
    Invalid = 3,
}
