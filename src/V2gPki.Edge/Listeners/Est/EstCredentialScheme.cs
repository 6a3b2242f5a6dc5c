// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Listeners.Est;

/// <summary>How an EST caller presented its credential. Values are explicit and never reused (docs/style.md §15).</summary>
internal enum EstCredentialScheme : byte
{
    /// <summary>No credential was presented.</summary>
    None = 0,

    /// <summary><c>Authorization: Basic</c> (RFC 7617), checked by <c>BasicCredentials</c>.</summary>
    Basic = 1,

    /// <summary>A bearer JWT in <c>Authorization: Bearer</c> (RFC 6750 §2.1) or <c>x-api-key</c>, checked by <c>BearerTokens</c>.</summary>
    Bearer = 2,

    /// <summary>An <c>Authorization</c> header of another scheme.</summary>
    Other = 3,

    /// <summary>A TLS client certificate of a party-auth CA (no HTTP credential presented), checked by <c>PartyCertificates</c>.</summary>
    ClientCertificate = 4,
}
