// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using Microsoft.Extensions.Time.Testing;
using V2gPki.Parties.Credentials;
using V2gPki.Pki.Identifiers;

namespace V2gPki.Parties.Tests;

public sealed class BearerTokensTests : IDisposable
{
    private readonly TestTokenIssuer _issuer = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 5, 4, 12, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("RS256")]
    [InlineData("ES256")]
    public async Task AuthenticateAsync_SignedCurrentToken_AccountWithRoleAndPrefixes(string alg)
    {
        var tokens = Tokens();

        var result = await tokens.AuthenticateAsync(_issuer.Sign(TestTokenIssuer.Claims(_time.GetUtcNow()), alg));

        Assert.Equal(CredentialStatus.Authenticated, result.Status);
        Assert.Equal("jwt:client-1@clients", result.Account!.Id);
        Assert.Equal(PartyRoles.Cpo, result.Account.Roles);
        Assert.True(result.Account.Prefixes.Owns(IdType.Evse, "DEABC"));
        Assert.False(result.Account.Prefixes.Owns(IdType.Evse, "DEXYZ"));
        Assert.Empty(result.Reason);
    }

    public static TheoryData<string, string> Refusals => new()
    {
        // case, words of the reason
        { "expired", "expired" },
        { "expired-beyond-skew", "expired" },
        { "not-yet-valid", "not valid before" },
        { "no-exp", "no 'exp'" },
        { "wrong-iss", "not trusted" },
        { "wrong-aud", "audience" },
        { "wrong-signature", "signature does not verify" },
        { "foreign-key-same-kid", "signature does not verify" },
        { "unknown-kid", "does not hold" },
        { "alg-none", "algorithm 'none' is not accepted" },
        { "alg-hs256", "algorithm 'HS256' is not accepted" },
        { "bad-prefix-claim", "not an EVSE operator ID" },
        { "no-subject", "names no party" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task AuthenticateAsync_BadToken_InvalidWithAReason(string situation, string reason)
    {
        var tokens = Tokens();
        var now = _time.GetUtcNow();
        var claims = TestTokenIssuer.Claims(now);
        string token;
        switch (situation)
        {
            case "expired":
                claims["exp"] = now.AddSeconds(-61).ToUnixTimeSeconds();
                token = _issuer.Sign(claims);
                break;
            case "expired-beyond-skew":
                claims["exp"] = now.AddHours(-2).ToUnixTimeSeconds();
                claims["nbf"] = now.AddHours(-3).ToUnixTimeSeconds();
                token = _issuer.Sign(claims);
                break;
            case "not-yet-valid":
                claims["nbf"] = now.AddSeconds(61).ToUnixTimeSeconds();
                token = _issuer.Sign(claims);
                break;
            case "no-exp":
                claims.Remove("exp");
                token = _issuer.Sign(claims);
                break;
            case "wrong-iss":
                claims["iss"] = "https://evil.example.test/";
                token = _issuer.Sign(claims);
                break;
            case "wrong-aud":
                claims["aud"] = "https://other.example.test";
                token = _issuer.Sign(claims);
                break;
            case "wrong-signature":
                var good = _issuer.Sign(claims);
                var parts = good.Split('.');
                claims["sub"] = "someone-else@clients";
                token = _issuer.Sign(claims).Split('.')[0] + "." + _issuer.Sign(claims).Split('.')[1] + "." + parts[2];
                break;
            case "foreign-key-same-kid":
                using (var other = new TestTokenIssuer())
                {
                    token = other.Sign(claims);
                }

                break;
            case "unknown-kid":
                token = _issuer.Sign(claims, kid: "rsa-2");
                break;
            case "alg-none":
                token = _issuer.Sign(claims, alg: "none");
                break;
            case "alg-hs256":
                token = _issuer.Sign(claims, alg: "HS256");
                break;
            case "bad-prefix-claim":
                token = _issuer.Sign(TestTokenIssuer.Claims(now, evse: ["not a prefix"]));
                break;
            case "no-subject":
                claims.Remove("sub");
                claims.Remove(TestTokenIssuer.Audience + "/client_name");
                token = _issuer.Sign(claims);
                break;
            default:
                throw new ArgumentException(situation, nameof(situation));
        }

        var result = await tokens.AuthenticateAsync(token);

        Assert.Equal(CredentialStatus.Invalid, result.Status);
        Assert.Null(result.Account);
        Assert.Contains(reason, result.Reason, StringComparison.Ordinal);
        Assert.NotEmpty(result.Reason);
        Assert.Equal(0, tokens.CachedCount);
    }

    [Theory]
    [InlineData("not a token")]
    [InlineData("a.b")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln")]
    [InlineData("a.b.c.d.e")]
    public async Task AuthenticateAsync_NotAJwt_Malformed(string token)
    {
        var result = await Tokens().AuthenticateAsync(token);

        Assert.Equal(CredentialStatus.Malformed, result.Status);
        Assert.Null(result.Account);
    }

    [Fact]
    public async Task AuthenticateAsync_TooLong_MalformedWithoutParsing()
    {
        var tokens = Tokens();

        var result = await tokens.AuthenticateAsync(new string('a', BearerTokens.MaxTokenLength + 1));

        Assert.Equal(CredentialStatus.Malformed, result.Status);
        Assert.Equal(0, tokens.Validations);
    }

    [Fact]
    public async Task AuthenticateAsync_Empty_Missing()
    {
        Assert.Equal(CredentialStatus.Missing, (await Tokens().AuthenticateAsync("  ")).Status);
    }

    [Fact]
    public async Task AuthenticateAsync_WithinClockSkew_Accepted()
    {
        var claims = TestTokenIssuer.Claims(_time.GetUtcNow());
        claims["exp"] = _time.GetUtcNow().AddSeconds(-30).ToUnixTimeSeconds();
        claims["nbf"] = _time.GetUtcNow().AddSeconds(30).ToUnixTimeSeconds();

        var result = await Tokens().AuthenticateAsync(_issuer.Sign(claims));

        Assert.Equal(CredentialStatus.Authenticated, result.Status);
    }

    [Fact]
    public async Task AuthenticateAsync_SameTokenAgain_CachedUntilExp()
    {
        var tokens = Tokens();
        var token = _issuer.Sign(TestTokenIssuer.Claims(_time.GetUtcNow()));

        var first = await tokens.AuthenticateAsync(token);
        var second = await tokens.AuthenticateAsync(token);

        Assert.Equal(CredentialStatus.Authenticated, second.Status);
        Assert.Same(first.Account, second.Account);
        Assert.Equal(1, tokens.Validations);

        // After exp the cache no longer vouches for it: a full validation refuses it.
        _time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        var later = await tokens.AuthenticateAsync(token);
        Assert.Equal(2, tokens.Validations);
        Assert.Equal(CredentialStatus.Authenticated, later.Status);
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(CredentialStatus.Invalid, (await tokens.AuthenticateAsync(token)).Status);
        Assert.Equal(0, tokens.CachedCount);
    }

    [Fact]
    public async Task AuthenticateAsync_CacheFull_StillValidatesWithoutGrowing()
    {
        var tokens = Tokens(maxCacheEntries: 2);
        for (var i = 0; i < 4; i++)
        {
            var claims = TestTokenIssuer.Claims(_time.GetUtcNow());
            claims["sub"] = "client-" + i;
            Assert.Equal(CredentialStatus.Authenticated, (await tokens.AuthenticateAsync(_issuer.Sign(claims))).Status);
        }

        Assert.Equal(2, tokens.CachedCount);
        Assert.Equal(4, tokens.Validations);
    }

    [Fact]
    public async Task AuthenticateAsync_NoIssuerConfigured_InvalidAndNotEnabled()
    {
        var tokens = new BearerTokens([], _time);

        var result = await tokens.AuthenticateAsync(_issuer.Sign(TestTokenIssuer.Claims(_time.GetUtcNow())));

        Assert.False(tokens.IsEnabled);
        Assert.Equal(CredentialStatus.Invalid, result.Status);
    }

    public static TheoryData<string[], PartyRoles> RoleClaims => new()
    {
        { ["CPO"], PartyRoles.Cpo },
        { ["MO_HUBJECT_PKI"], PartyRoles.Mo },
        { ["mo"], PartyRoles.Mo },
        { ["OEM"], PartyRoles.Oem },
        { ["CPS"], PartyRoles.Cps },
        { ["CPO", "OEM", "AUDI", "MO_HUBJECT_PKI", "MO_EXTERNAL_PKI"], PartyRoles.Cpo | PartyRoles.Oem | PartyRoles.Mo },
        { ["AUDI", "admin", "Admin"], PartyRoles.None },
        { [], PartyRoles.None },
    };

    [Theory]
    [MemberData(nameof(RoleClaims))]
    public async Task AuthenticateAsync_RoleClaim_MapsToPartyRoles(string[] roles, PartyRoles expected)
    {
        var claims = TestTokenIssuer.Claims(_time.GetUtcNow());
        claims[TestTokenIssuer.Audience + "/role"] = roles;

        var result = await Tokens().AuthenticateAsync(_issuer.Sign(claims));

        Assert.Equal(expected, result.Account!.Roles);
    }

    [Fact]
    public async Task AuthenticateAsync_HubjectPrefixClaims_OwnedPrefixes()
    {
        var claims = TestTokenIssuer.Claims(_time.GetUtcNow(), role: "MO_HUBJECT_PKI", evse: []);
        claims[TestTokenIssuer.Audience + "/emaid"] = new[] { "DEECD", "NL-XYZ" };
        claims[TestTokenIssuer.Audience + "/pcid"] = new[] { "ecd" };
        claims[TestTokenIssuer.Audience + "/cps_name"] = new[] { "Example CPS" };

        // A string claim where an array is usual counts as a one-element array.
        claims[TestTokenIssuer.Audience + "/evseid"] = "DE*ABC";

        var account = (await Tokens().AuthenticateAsync(_issuer.Sign(claims))).Account!;

        Assert.Equal(["DEECD", "NLXYZ"], account.Prefixes.EmaidProviders);
        Assert.Equal(["ECD"], account.Prefixes.PcidWmis);
        Assert.Equal(["DEABC"], account.Prefixes.EvseOperators);
        Assert.Equal(["Example CPS"], account.Prefixes.CpsNames);
    }

    [Fact]
    public async Task AuthenticateAsync_ClaimsOfAnotherNamespace_GrantNothing()
    {
        var claims = TestTokenIssuer.Claims(_time.GetUtcNow());
        claims.Remove(TestTokenIssuer.Audience + "/role");
        claims["https://other.example.test/role"] = new[] { "CPO" };
        claims["role"] = new[] { "CPO" };

        var account = (await Tokens().AuthenticateAsync(_issuer.Sign(claims))).Account!;

        Assert.Equal(PartyRoles.None, account.Roles);
    }

    [Fact]
    public async Task AuthenticateAsync_LongSubject_HashedAccountId()
    {
        var claims = TestTokenIssuer.Claims(_time.GetUtcNow());
        claims["sub"] = new string('x', 100);

        var account = (await Tokens().AuthenticateAsync(_issuer.Sign(claims))).Account!;

        Assert.StartsWith("jwt:sha256:", account.Id, StringComparison.Ordinal);
        Assert.Equal(27, account.Id.Length);
    }

    public void Dispose() => _issuer.Dispose();

    private BearerTokens Tokens(int maxCacheEntries = BearerTokens.DefaultMaxCacheEntries)
    {
        Assert.True(TokenIssuer.TryCreate(TestTokenIssuer.Issuer, TestTokenIssuer.Audience, null, _issuer.Jwks(), TimeSpan.FromSeconds(60), out var issuer, out var error), error);
        return new BearerTokens([issuer], _time, maxCacheEntries);
    }
}
