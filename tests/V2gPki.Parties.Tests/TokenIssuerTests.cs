// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Security.Cryptography;
using V2gPki.Parties.Credentials;

namespace V2gPki.Parties.Tests;

public sealed class TokenIssuerTests
{
    [Fact]
    public void TryCreate_RsaAndEcKeys_BothKeptAndNamespaceFromAudience()
    {
        using var issuer = new TestTokenIssuer();

        Assert.True(TokenIssuer.TryCreate("https://auth.example.test/", "https://pki.example.test/", null, issuer.Jwks(), TimeSpan.FromMinutes(1), out var parsed, out var error), error);

        Assert.Equal(2, parsed.Keys.Count);
        Assert.Equal("https://pki.example.test/role", parsed.Claim("role"));
    }

    [Fact]
    public void TryCreate_ExplicitNamespace_UsedForClaims()
    {
        using var issuer = new TestTokenIssuer();

        Assert.True(TokenIssuer.TryCreate("i", "a", "https://claims.example.test/", issuer.Jwks(), TimeSpan.Zero, out var parsed, out _));

        Assert.Equal("https://claims.example.test/emaid", parsed.Claim("emaid"));
    }

    public static TheoryData<string, string, string> BadJwks()
    {
        using var rsa1024 = RSA.Create(1024);
        var small = rsa1024.ExportParameters(false);
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var ec = p384.ExportParameters(false);
        using var issuer = new TestTokenIssuer();
        var full = issuer.Rsa.ExportParameters(true);
        return new()
        {
            { "not json", "{", "not a JSON Web Key Set" },
            { "no keys", """{"keys":[]}""", "no signing key in it" },
            { "no kid", """{"keys":[{"kty":"RSA","n":"AQAB","e":"AQAB"}]}""", "no 'kid'" },
            { "RSA 1024", $$"""{"keys":[{"kty":"RSA","kid":"k","n":"{{TestTokenIssuer.B64(small.Modulus!)}}","e":"AQAB"}]}""", "2048" },
            { "P-384", $$"""{"keys":[{"kty":"EC","kid":"k","crv":"P-384","x":"{{TestTokenIssuer.B64(ec.Q.X!)}}","y":"{{TestTokenIssuer.B64(ec.Q.Y!)}}"}]}""", "P-256" },
            { "symmetric", """{"keys":[{"kty":"oct","kid":"k","k":"c2VjcmV0"}]}""", "RSA public key" },
            { "private key", $$"""{"keys":[{"kty":"RSA","kid":"k","n":"{{TestTokenIssuer.B64(full.Modulus!)}}","e":"AQAB","d":"{{TestTokenIssuer.B64(full.D!)}}","p":"{{TestTokenIssuer.B64(full.P!)}}","q":"{{TestTokenIssuer.B64(full.Q!)}}"}]}""", "private key" },
            { "two kids", $$"""{"keys":[{"kty":"RSA","kid":"k","n":"{{TestTokenIssuer.B64(full.Modulus!)}}","e":"AQAB"},{"kty":"RSA","kid":"k","n":"{{TestTokenIssuer.B64(full.Modulus!)}}","e":"AQAB"}]}""", "two keys have" },
        };
    }

    [Theory]
    [MemberData(nameof(BadJwks))]
    public void TryCreate_UnusableJwks_FalseWithAReason(string situation, string jwks, string reason)
    {
        Assert.False(TokenIssuer.TryCreate("i", "a", null, jwks, TimeSpan.Zero, out var parsed, out var error), situation);

        Assert.Null(parsed);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "a", 0, "Issuer")]
    [InlineData("i", " ", 0, "Audience")]
    [InlineData("i", "a", -1, "ClockSkewSeconds")]
    [InlineData("i", "a", 301, "ClockSkewSeconds")]
    public void TryCreate_BadSettings_FalseNamingTheKey(string iss, string aud, int skewSeconds, string key)
    {
        using var issuer = new TestTokenIssuer();

        Assert.False(TokenIssuer.TryCreate(iss, aud, null, issuer.Jwks(), TimeSpan.FromSeconds(skewSeconds), out _, out var error));

        Assert.StartsWith(key, error, StringComparison.Ordinal);
    }
}
