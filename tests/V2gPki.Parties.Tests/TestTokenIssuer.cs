// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace V2gPki.Parties.Tests;

/// <summary>
/// A token issuer for the tests, written without the validating library (RFC 7515 §3.1 compact JWS by hand): an RSA key
/// (RS256) and an EC P-256 key (ES256), their JWKS, and tokens with any header and claims.
/// </summary>
internal sealed class TestTokenIssuer : IDisposable
{
    public const string Issuer = "https://auth.example.test/";
    public const string Audience = "https://pki.example.test";

    public RSA Rsa { get; } = RSA.Create(2048);

    public ECDsa Ec { get; } = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public string RsaKid { get; } = "rsa-1";

    public string EcKid { get; } = "ec-1";

    /// <summary>The public keys as a JWKS (RFC 7517 §5).</summary>
    public string Jwks()
    {
        var rsa = Rsa.ExportParameters(false);
        var ec = Ec.ExportParameters(false);
        return $$"""
            {"keys":[
              {"kty":"RSA","use":"sig","alg":"RS256","kid":"{{RsaKid}}","n":"{{B64(rsa.Modulus!)}}","e":"{{B64(rsa.Exponent!)}}"},
              {"kty":"EC","use":"sig","alg":"ES256","kid":"{{EcKid}}","crv":"P-256","x":"{{B64(ec.Q.X!)}}","y":"{{B64(ec.Q.Y!)}}"}
            ]}
            """;
    }

    /// <summary>Claims of a CPO token as Hubject namespaces them, valid from a minute ago for an hour.</summary>
    public static Dictionary<string, object> Claims(DateTimeOffset now, string role = "CPO", string[]? evse = null) => new()
    {
        ["iss"] = Issuer,
        ["aud"] = Audience,
        ["sub"] = "client-1@clients",
        ["iat"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
        ["nbf"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
        ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
        [Audience + "/role"] = new[] { role },
        [Audience + "/evseid"] = evse ?? ["DE*ABC"],
        [Audience + "/client_name"] = "Example CPO",
    };

    /// <summary>A signed token: RS256 or ES256 with the issuer's keys, or anything else for the refusal tests.</summary>
    public string Sign(Dictionary<string, object> claims, string alg = "RS256", string? kid = null)
    {
        kid ??= alg == "ES256" ? EcKid : RsaKid;
        var header = B64(Json(new Dictionary<string, object> { ["alg"] = alg, ["kid"] = kid, ["typ"] = "JWT" }));
        var input = header + "." + B64(Json(claims));
        var data = Encoding.ASCII.GetBytes(input);
        var signature = alg switch
        {
            "RS256" => Rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),

            // RFC 7518 §3.4: r and s, each 32 bytes, concatenated (IEEE P1363, not DER).
            "ES256" => Ec.SignData(data, HashAlgorithmName.SHA256),
            _ => [],
        };
        return input + "." + B64(signature);
    }

    public void Dispose()
    {
        Rsa.Dispose();
        Ec.Dispose();
    }

    public static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] Json(Dictionary<string, object> values)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in values)
            {
                switch (value)
                {
                    case string text:
                        writer.WriteString(name, text);
                        break;
                    case long number:
                        writer.WriteNumber(name, number);
                        break;
                    case string[] list:
                        writer.WriteStartArray(name);
                        foreach (var item in list)
                        {
                            writer.WriteStringValue(item);
                        }

                        writer.WriteEndArray();
                        break;
                }
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
