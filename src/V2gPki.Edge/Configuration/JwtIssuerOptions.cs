// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Configuration;

/// <summary>One OAuth2 token issuer whose bearer JWTs the EST listener accepts (docs/bearer-tokens.md §1).</summary>
internal sealed class JwtIssuerOptions
{
    /// <summary>The tokens' <c>iss</c>, compared exactly (Hubject: <c>https://auth.eu.plugncharge.hubject.com/</c>).</summary>
    public string Issuer { get; set; } = string.Empty;

    /// <summary>The tokens' <c>aud</c>: this server as the issuer names it; also the claim namespace by default.</summary>
    public string Audience { get; set; } = string.Empty;

    /// <summary>The issuer's public keys as a JWKS file (RFC 7517 §5), relative to <c>DataDir</c>; read at start-up.</summary>
    public string JwksFile { get; set; } = string.Empty;

    /// <summary>The prefix of the claim names (<c>&lt;ns&gt;/role</c>, …); empty: <see cref="Audience"/> without a trailing <c>/</c>.</summary>
    public string? ClaimNamespace { get; set; }

    /// <summary>Tolerance on <c>exp</c> and <c>nbf</c>, 0–300 seconds.</summary>
    public int ClockSkewSeconds { get; set; } = 60;
}
