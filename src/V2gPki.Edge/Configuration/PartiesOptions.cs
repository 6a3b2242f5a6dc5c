// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Configuration;

/// <summary>
/// The parties that may authenticate at the EST listener: accounts with roles, owned prefixes and credentials, and the
/// token issuers whose bearer JWTs describe parties of their own (docs/bearer-tokens.md).
/// </summary>
internal sealed class PartiesOptions
{
    /// <summary>The accounts.</summary>
    public List<PartyAccountOptions> Accounts { get; set; } = [];

    /// <summary>The trusted OAuth2 token issuers (none: bearer tokens are refused).</summary>
    public List<JwtIssuerOptions> JwtIssuers { get; set; } = [];

    /// <summary>
    /// The party-auth CAs whose TLS client certificates authenticate accounts (PEM files, relative to the data
    /// directory): a certificate that chains to one of them authenticates the account its commonName names. Empty: no
    /// party authenticates with a client certificate.
    /// </summary>
    public List<string> ClientCertificateAuthorities { get; set; } = [];
}
