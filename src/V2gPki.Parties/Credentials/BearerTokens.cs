// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace V2gPki.Parties.Credentials;

/// <summary>
/// OAuth2 bearer JWTs (RFC 6750, RFC 7519) of the configured <see cref="TokenIssuer"/>s, as Hubject OPCP issues them
/// and CSMSs such as MaEVe and CitrineOS send them: the token's signature (RS256 or ES256, the key named by
/// <c>kid</c>), <c>iss</c>, <c>aud</c>, <c>exp</c> and <c>nbf</c> are checked, and its namespaced claims become a
/// <see cref="PartyAccount"/> with roles and owned prefixes (docs/bearer-tokens.md), which the authorization rules
/// treat like any configured account. HTTP-free: the listener passes the token text and maps the status.
/// </summary>
/// <remarks>
/// <b>Cache.</b> A CSMS reuses one token for up to a day, so a validated token is remembered until its <c>exp</c>,
/// keyed by the SHA-256 of the token (the token itself is not kept). At most <see cref="MaxCacheEntries"/> tokens are
/// remembered; when the cache is full, expired entries are dropped, and if it is still full the new token is validated
/// again at every request instead of being cached (about 30 µs for RS256), so a client cannot grow memory by minting
/// tokens. Refused tokens are never cached.
/// </remarks>
public sealed partial class BearerTokens
{
    /// <summary>The longest token accepted, in characters (Hubject's tokens are about 1.5 KiB).</summary>
    public const int MaxTokenLength = 16 * 1024;

    /// <summary>The number of validated tokens remembered by default.</summary>
    public const int DefaultMaxCacheEntries = 10_000;

    // RFC 7518 §3.1: the two algorithms the accepted keys can verify; "none" and HMAC are never accepted.
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256];

    private readonly TokenIssuer[] _issuers;
    private readonly TokenValidationParameters[] _parameters;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false, MaximumTokenSizeInBytes = MaxTokenLength };
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, CacheEntry> _cache = new(StringComparer.Ordinal);
    private long _validations;

    /// <summary>Creates the checker.</summary>
    /// <param name="issuers">The trusted issuers; none: every token is refused.</param>
    /// <param name="time">The clock of <c>exp</c>, <c>nbf</c> and the cache.</param>
    /// <param name="maxCacheEntries">How many validated tokens are remembered (0: none).</param>
    /// <exception cref="ArgumentException">Two issuers share an <c>iss</c>.</exception>
    public BearerTokens(IEnumerable<TokenIssuer> issuers, TimeProvider time, int maxCacheEntries = DefaultMaxCacheEntries)
    {
        ArgumentNullException.ThrowIfNull(issuers);
        ArgumentOutOfRangeException.ThrowIfNegative(maxCacheEntries);
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _issuers = [.. issuers];
        _parameters = new TokenValidationParameters[_issuers.Length];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < _issuers.Length; i++)
        {
            var issuer = _issuers[i];
            if (!seen.Add(issuer.Issuer))
            {
                throw new ArgumentException($"two token issuers have the iss '{issuer.Issuer}'", nameof(issuers));
            }

            _parameters[i] = new TokenValidationParameters
            {
                ValidIssuer = issuer.Issuer,
                ValidAudience = issuer.Audience,
                IssuerSigningKeys = issuer.Keys,
                ValidAlgorithms = Algorithms,
                RequireSignedTokens = true,
                RequireAudience = true,

                // exp and nbf are checked after the signature, against the injected clock (CheckLifetime).
                ValidateLifetime = false,
                RequireExpirationTime = false,

                // The token must name its key (RFC 7515 §4.1.4): a kid the JWKS lacks is refused, not tried against every key.
                TryAllIssuerSigningKeys = false,
                ValidateIssuerSigningKey = false,
                LogValidationExceptions = false,
            };
        }

        MaxCacheEntries = maxCacheEntries;
    }

    /// <summary>Gets the trusted issuers.</summary>
    public IReadOnlyList<TokenIssuer> Issuers => _issuers;

    /// <summary>Gets whether any issuer is trusted (the listener announces a Bearer challenge only then).</summary>
    public bool IsEnabled => _issuers.Length > 0;

    /// <summary>Gets how many validated tokens are remembered at most.</summary>
    public int MaxCacheEntries { get; }

    /// <summary>Gets how many full validations have run (cache hits run none): a test hook.</summary>
    internal long Validations => Interlocked.Read(ref _validations);

    /// <summary>Gets how many tokens are cached: a test hook.</summary>
    internal int CachedCount => _cache.Count;

    /// <summary>Checks a bearer token (the token itself, without the <c>Bearer</c> scheme).</summary>
    /// <param name="token">The compact JWS (RFC 7515 §7.1), as sent.</param>
    /// <returns>The status, the account on success, the reason otherwise.</returns>
    public async ValueTask<BearerTokenResult> AuthenticateAsync(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        token = token.Trim();
        if (token.Length == 0)
        {
            return new BearerTokenResult(CredentialStatus.Missing, null, "no bearer token");
        }

        if (token.Length > MaxTokenLength)
        {
            return new BearerTokenResult(CredentialStatus.Malformed, null, $"the bearer token is longer than {MaxTokenLength} characters");
        }

        var key = CacheKey(token);
        var now = _time.GetUtcNow();
        if (_cache.TryGetValue(key, out var cached))
        {
            if (now < cached.Expires)
            {
                return new BearerTokenResult(CredentialStatus.Authenticated, cached.Account, string.Empty);
            }

            _cache.TryRemove(new KeyValuePair<string, CacheEntry>(key, cached));
        }

        var result = await ValidateAsync(token).ConfigureAwait(false);
        if (result.Status == CredentialStatus.Authenticated && result.Expires is { } expires)
        {
            Remember(key, new CacheEntry(result.Account!, expires), now);
        }

        return new BearerTokenResult(result.Status, result.Account, result.Reason);
    }

    private static string CacheKey(string token)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(token), hash);
        return Convert.ToBase64String(hash);
    }

    private async ValueTask<(CredentialStatus Status, PartyAccount? Account, string Reason, DateTimeOffset? Expires)> ValidateAsync(string token)
    {
        Interlocked.Increment(ref _validations);
        JsonWebToken jwt;
        try
        {
            // RFC 7515 §7.1: BASE64URL(header) '.' BASE64URL(payload) '.' BASE64URL(signature); five parts would be a JWE.
            jwt = new JsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return (CredentialStatus.Malformed, null, "the bearer token is not a JWT (RFC 7519 §7.2: three base64url parts of JSON)", null);
        }

        if (jwt.IsEncrypted)
        {
            return (CredentialStatus.Malformed, null, "the bearer token is encrypted (JWE); a signed JWT is expected", null);
        }

        // RFC 8725 §3.1: the algorithm is pinned, whatever the header asks for ("none" and HMAC included).
        if (Array.IndexOf(Algorithms, jwt.Alg) < 0)
        {
            return (CredentialStatus.Invalid, null, $"the token's algorithm '{Printable(jwt.Alg)}' is not accepted (RS256 or ES256, RFC 7518 §3.1)", null);
        }

        var index = IndexOfIssuer(jwt.Issuer);
        if (index < 0)
        {
            return (CredentialStatus.Invalid, null, $"the token's issuer '{Printable(jwt.Issuer)}' is not trusted here", null);
        }

        var validation = await _handler.ValidateTokenAsync(jwt, _parameters[index]).ConfigureAwait(false);
        if (!validation.IsValid)
        {
            return (CredentialStatus.Invalid, null, Explain(validation.Exception, jwt), null);
        }

        var issuer = _issuers[index];
        if (CheckLifetime(jwt, issuer.ClockSkew) is { } lifetimeError)
        {
            return (CredentialStatus.Invalid, null, lifetimeError, null);
        }

        if (!TryMapParty(issuer, jwt, out var account, out var claimError))
        {
            return (CredentialStatus.Invalid, null, claimError, null);
        }

        return (CredentialStatus.Authenticated, account, string.Empty, new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero));
    }

    private int IndexOfIssuer(string issuer)
    {
        for (var i = 0; i < _issuers.Length; i++)
        {
            if (string.Equals(_issuers[i].Issuer, issuer, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private void Remember(string key, CacheEntry entry, DateTimeOffset now)
    {
        if (MaxCacheEntries == 0)
        {
            return;
        }

        if (_cache.Count >= MaxCacheEntries)
        {
            foreach (var pair in _cache)
            {
                if (now >= pair.Value.Expires)
                {
                    _cache.TryRemove(pair);
                }
            }

            if (_cache.Count >= MaxCacheEntries)
            {
                return;
            }
        }

        _cache[key] = entry;
    }

    /// <summary>RFC 7519 §4.1.4 and §4.1.5 with the issuer's clock skew; <c>exp</c> is required. Null when the token is current.</summary>
    private string? CheckLifetime(JsonWebToken jwt, TimeSpan skew)
    {
        // JsonWebToken gives DateTime.MinValue for an absent claim.
        var now = _time.GetUtcNow().UtcDateTime;
        if (jwt.ValidTo == DateTime.MinValue)
        {
            return "the token has no 'exp' (RFC 7519 §4.1.4); tokens without an end are not accepted";
        }

        if (now - skew >= jwt.ValidTo)
        {
            return $"the token expired at {jwt.ValidTo:yyyy-MM-ddTHH:mm:ssZ} (RFC 7519 §4.1.4): fetch a new one";
        }

        if (jwt.ValidFrom != DateTime.MinValue && now + skew < jwt.ValidFrom)
        {
            return $"the token is not valid before {jwt.ValidFrom:yyyy-MM-ddTHH:mm:ssZ} (RFC 7519 §4.1.5)";
        }

        return null;
    }

    /// <summary>Why a signed token was refused, in words a client operator can act on; never the token or a key.</summary>
    private static string Explain(Exception? exception, JsonWebToken jwt) => exception switch
    {
        SecurityTokenInvalidAudienceException => "the token's audience ('aud', RFC 7519 §4.1.3) is not this server",
        SecurityTokenInvalidIssuerException => "the token's issuer is not trusted here",
        SecurityTokenSignatureKeyNotFoundException => $"the token names key '{Printable(jwt.Kid)}', which the issuer's JWKS does not hold",
        SecurityTokenInvalidSignatureException => "the token's signature does not verify with the issuer's key (RFC 7515 §5.2)",
        _ => "the token is not valid: " + (exception?.GetType().Name ?? "unknown reason"),
    };

    /// <summary>A value from an untrusted token, shortened and stripped to printable ASCII for a reason text.</summary>
    private static string Printable(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var text = value.Length > 80 ? value[..80] : value;
        return text.AsSpan().ContainsAnyExceptInRange(' ', '~') ? "(non-printable)" : text;
    }

    /// <summary>A validated token: the party and when the token expires.</summary>
    private sealed record CacheEntry(PartyAccount Account, DateTimeOffset Expires);
}
