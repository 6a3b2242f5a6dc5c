// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using Microsoft.IdentityModel.Tokens;

namespace V2gPki.Parties.Credentials;

/// <summary>
/// One OAuth2 token issuer whose bearer JWTs are accepted (RFC 7519): its <c>iss</c>, the <c>aud</c> its tokens must
/// name, the namespace of its claims and its public signing keys from a JWKS (RFC 7517 §5). See
/// docs/bearer-tokens.md for the claims.
/// </summary>
public sealed class TokenIssuer
{
    /// <summary>The largest clock skew accepted on <c>exp</c> and <c>nbf</c>: five minutes.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>How <see cref="TryCreate"/> starts a message about the JWKS (the caller names the file).</summary>
    public const string JwksError = "JWKS: ";

    private TokenIssuer(string issuer, string audience, string claimNamespace, IReadOnlyList<SecurityKey> keys, TimeSpan clockSkew)
    {
        Issuer = issuer;
        Audience = audience;
        ClaimNamespace = claimNamespace;
        Keys = keys;
        ClockSkew = clockSkew;
    }

    /// <summary>Gets the <c>iss</c> the tokens carry (compared exactly, RFC 7519 §4.1.1).</summary>
    public string Issuer { get; }

    /// <summary>Gets the <c>aud</c> the tokens must name (RFC 7519 §4.1.3): this server, as the issuer knows it.</summary>
    public string Audience { get; }

    /// <summary>Gets the prefix of the claim names, without a trailing <c>/</c> (Hubject: the audience URL).</summary>
    public string ClaimNamespace { get; }

    /// <summary>Gets the signing keys, each with its <c>kid</c>.</summary>
    public IReadOnlyList<SecurityKey> Keys { get; }

    /// <summary>Gets how far <c>exp</c> and <c>nbf</c> may be off the server's clock.</summary>
    public TimeSpan ClockSkew { get; }

    /// <summary>Builds an issuer from its configuration and the text of its JWKS.</summary>
    /// <param name="issuer">The <c>iss</c>: not blank.</param>
    /// <param name="audience">The <c>aud</c>: not blank.</param>
    /// <param name="claimNamespace">The claim prefix; null or empty: the audience without a trailing <c>/</c>.</param>
    /// <param name="jwksJson">The JWKS (RFC 7517 §5): RSA keys of at least 2048 bits and EC P-256 keys, each with a <c>kid</c>.</param>
    /// <param name="clockSkew">0 to <see cref="MaxClockSkew"/>.</param>
    /// <param name="tokenIssuer">The issuer; null when the method returns <see langword="false"/>.</param>
    /// <param name="error">What is wrong; empty on success.</param>
    /// <returns>Whether the values are usable.</returns>
    public static bool TryCreate(
        string? issuer,
        string? audience,
        string? claimNamespace,
        string jwksJson,
        TimeSpan clockSkew,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TokenIssuer? tokenIssuer,
        out string error)
    {
        tokenIssuer = null;
        if (string.IsNullOrWhiteSpace(issuer))
        {
            error = "Issuer: must be the tokens' 'iss' (for example https://auth.eu.plugncharge.hubject.com/)";
            return false;
        }

        if (string.IsNullOrWhiteSpace(audience))
        {
            error = "Audience: must be the tokens' 'aud' (this server's URL as the token issuer knows it)";
            return false;
        }

        if (clockSkew < TimeSpan.Zero || clockSkew > MaxClockSkew)
        {
            error = $"ClockSkewSeconds: {clockSkew.TotalSeconds} is not in 0..{MaxClockSkew.TotalSeconds}";
            return false;
        }

        if (!TryReadKeys(jwksJson, out var keys, out error))
        {
            return false;
        }

        var prefix = string.IsNullOrEmpty(claimNamespace) ? audience : claimNamespace;
        tokenIssuer = new TokenIssuer(issuer, audience, prefix.TrimEnd('/'), keys, clockSkew);
        return true;
    }

    /// <summary>The full name of a claim of this issuer: <c>&lt;namespace&gt;/&lt;name&gt;</c>.</summary>
    /// <param name="name">The short name (<c>role</c>, <c>emaid</c>, …).</param>
    /// <returns>The claim name.</returns>
    public string Claim(string name) => ClaimNamespace + "/" + name;

    private static bool TryReadKeys(string jwksJson, out IReadOnlyList<SecurityKey> keys, out string error)
    {
        keys = [];
        JsonWebKeySet set;
        try
        {
            set = new JsonWebKeySet(jwksJson);
        }
        catch (ArgumentException ex)
        {
            error = JwksError + "the file is not a JSON Web Key Set (RFC 7517 §5): " + ex.GetType().Name;
            return false;
        }

        var list = new List<SecurityKey>();
        var kids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in set.Keys)
        {
            // RFC 7517 §4.2: a key meant for encryption is not a signing key.
            if (string.Equals(key.Use, "enc", StringComparison.Ordinal))
            {
                continue;
            }

            if (string.IsNullOrEmpty(key.Kid))
            {
                error = JwksError + "a key has no 'kid' (tokens name their key by kid, RFC 7515 §4.1.4)";
                return false;
            }

            if (!kids.Add(key.Kid))
            {
                error = JwksError + $"two keys have with kid '{key.Kid}'";
                return false;
            }

            var ok = key.Kty switch
            {
                JsonWebAlgorithmsKeyTypes.RSA => !string.IsNullOrEmpty(key.N) && !string.IsNullOrEmpty(key.E) && Base64UrlEncoder.DecodeBytes(key.N).Length * 8 >= 2048,
                JsonWebAlgorithmsKeyTypes.EllipticCurve => string.Equals(key.Crv, JsonWebKeyECTypes.P256, StringComparison.Ordinal) && !string.IsNullOrEmpty(key.X) && !string.IsNullOrEmpty(key.Y),
                _ => false,
            };
            if (!ok)
            {
                error = JwksError + $"key '{key.Kid}' is not an RSA public key of at least 2048 bits or an EC P-256 public key (RS256 and ES256 are accepted)";
                return false;
            }

            // RFC 7518 §6.2.2.1 and §6.3.2.1: "d" is the private part of an EC and of an RSA key.
            if (!string.IsNullOrEmpty(key.D))
            {
                error = JwksError + $"key '{key.Kid}' holds a private key: the server needs only the public key";
                return false;
            }

            list.Add(key);
        }

        if (list.Count == 0)
        {
            error = JwksError + "no signing key in it";
            return false;
        }

        keys = list;
        error = string.Empty;
        return true;
    }
}
