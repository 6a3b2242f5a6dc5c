// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Admin;

/// <summary>The result of checking an admin request's bearer token (docs/style.md §15: explicit values).</summary>
public enum AdminAuthStatus : byte
{
    /// <summary>A configured token was presented.</summary>
    Authenticated = 0,

    /// <summary>No <c>Authorization</c> header (RFC 6750 §3: the challenge carries no error code).</summary>
    Missing = 1,

    /// <summary>An <c>Authorization</c> header that is not <c>Bearer &lt;token&gt;</c>.</summary>
    Malformed = 2,

    /// <summary>A bearer token that is not configured (RFC 6750 §3.1 <c>invalid_token</c>).</summary>
    Invalid = 3,
}
