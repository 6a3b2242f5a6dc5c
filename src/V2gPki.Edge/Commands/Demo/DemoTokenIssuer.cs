// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace V2gPki.Edge.Commands.Demo;

/// <summary>
/// The demo's OAuth2 token issuer, standing in for Hubject's (docs/bearer-tokens.md): an RSA key (a PEM file, 0600; a
/// test issuer, not a CA, so not in the HSM), its public key as <c>est/jwks.json</c>, and per role a bearer token
/// <c>est/&lt;role&gt;.jwt</c> valid for a day: RS256 with a <c>kid</c>, claims namespaced by the audience. The token is
/// written by hand (RFC 7515 §7.1 compact serialisation), independently of the library that validates it.
/// </summary>
internal static class DemoTokenIssuer
{
    /// <summary>The key id in the JWKS and in every token header.</summary>
    public const string KeyId = "demo-token-issuer-1";

    /// <summary>The issuer's <c>iss</c>: a path on the EST listener's address (nothing is served there).</summary>
    /// <param name="audience">The audience (the EST listener's URL).</param>
    /// <returns>The issuer.</returns>
    public static string Issuer(string audience) => audience + "/demo-token-issuer";

    /// <summary>The audience of the demo's tokens: the EST listener's URL without a trailing slash.</summary>
    /// <param name="address">The EST address.</param>
    /// <param name="port">The EST port (bound, never 0).</param>
    /// <returns>The audience.</returns>
    public static string Audience(string address, int port) => $"https://{address}:{port}";

    /// <summary>Writes the key, the JWKS and a token per demo account.</summary>
    /// <param name="directory">The demo's <c>est</c> directory.</param>
    /// <param name="audience">The audience (and claim namespace).</param>
    /// <param name="tokens">Per role (file name): the subject and the claims it gets as (short claim name, values).</param>
    /// <param name="time">The clock.</param>
    /// <param name="writeOwnerOnly">Writes a file with mode 0600.</param>
    public static void Create(string directory, string audience, IReadOnlyList<(string Role, string Subject, IReadOnlyList<(string Claim, string[] Values)> Claims)> tokens, TimeProvider time, Action<string, string> writeOwnerOnly)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(writeOwnerOnly);
        using var key = RSA.Create(2048);
        writeOwnerOnly(Path.Combine(directory, "token-issuer.key"), key.ExportPkcs8PrivateKeyPem() + "\n");
        var publicKey = key.ExportParameters(includePrivateParameters: false);
        File.WriteAllText(Path.Combine(directory, "jwks.json"), Jwks(publicKey));

        var now = time.GetUtcNow();
        foreach (var (role, subject, claims) in tokens)
        {
            var payload = Json(writer =>
            {
                writer.WriteString("iss", Issuer(audience));
                writer.WriteString("sub", subject);
                writer.WriteString("aud", audience);
                writer.WriteNumber("iat", now.ToUnixTimeSeconds());
                writer.WriteNumber("nbf", now.AddMinutes(-5).ToUnixTimeSeconds());
                writer.WriteNumber("exp", now.AddDays(1).ToUnixTimeSeconds());
                writer.WriteString("gty", "client-credentials");
                writer.WriteString(audience + "/client_name", subject);
                foreach (var (claim, values) in claims)
                {
                    writer.WriteStartArray(audience + "/" + claim);
                    foreach (var value in values)
                    {
                        writer.WriteStringValue(value);
                    }

                    writer.WriteEndArray();
                }
            });
            var header = Json(static writer =>
            {
                writer.WriteString("alg", "RS256");
                writer.WriteString("typ", "JWT");
                writer.WriteString("kid", KeyId);
            });

            // RFC 7515 §5.1: the signature is over ASCII(BASE64URL(header) '.' BASE64URL(payload)); RS256 is RFC 7518 §3.3.
            var input = Base64Url(header) + "." + Base64Url(payload);
            var signature = key.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            writeOwnerOnly(Path.Combine(directory, role + ".jwt"), input + "." + Base64Url(signature) + "\n");
        }
    }

    private static string Jwks(RSAParameters key)
    {
        var json = Json(writer =>
        {
            writer.WriteStartArray("keys");
            writer.WriteStartObject();
            writer.WriteString("kty", "RSA");
            writer.WriteString("use", "sig");
            writer.WriteString("alg", "RS256");
            writer.WriteString("kid", KeyId);
            writer.WriteString("n", Base64Url(key.Modulus!));
            writer.WriteString("e", Base64Url(key.Exponent!));
            writer.WriteEndObject();
            writer.WriteEndArray();
        });
        return Encoding.UTF8.GetString(json) + "\n";
    }

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
