// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Ocsp.Tests.Support;

/// <summary>A CertID as an external tool printed it: hex strings, serial as the magnitude without sign octets.</summary>
public sealed record ExpectedCertId(OcspHashAlgorithm Algorithm, string NameHash, string KeyHash, string Serial)
{
    public static ExpectedCertId From(CertId certId) =>
        new(certId.HashAlgorithm, Hex.Of(certId.IssuerNameHash), Hex.Of(certId.IssuerKeyHash), Magnitude(certId.SerialNumber));

    /// <summary>openssl prints i2a_ASN1_INTEGER: the value's hex without the 00 sign octet.</summary>
    public static string Magnitude(ReadOnlySpan<byte> serialContents) =>
        Hex.Of(serialContents.Length > 1 && serialContents[0] == 0 ? serialContents[1..] : serialContents);

    public static OcspHashAlgorithm ParseAlgorithm(string name) => name.ToUpperInvariant() switch
    {
        "SHA1" => OcspHashAlgorithm.Sha1,
        "SHA256" => OcspHashAlgorithm.Sha256,
        "SHA384" => OcspHashAlgorithm.Sha384,
        "SHA512" => OcspHashAlgorithm.Sha512,
        _ => throw new ArgumentException($"Unknown algorithm {name}", nameof(name)),
    };
}

/// <summary>Reads what `openssl ocsp -req_text` and `ocsptool -i` print about a request.</summary>
public static class RequestText
{
    public static (List<ExpectedCertId> CertIds, string? NonceExtensionValue) ParseOpenSsl(string text)
    {
        // openssl wraps long hex lines with a trailing backslash.
        var lines = text.Replace("\\\n", "", StringComparison.Ordinal).Split('\n');
        var ids = new List<ExpectedCertId>();
        string? nonce = null;
        string? algorithm = null, nameHash = null, keyHash = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith("Hash Algorithm:", StringComparison.Ordinal))
            {
                algorithm = Value(line);
            }
            else if (line.StartsWith("Issuer Name Hash:", StringComparison.Ordinal))
            {
                nameHash = Value(line);
            }
            else if (line.StartsWith("Issuer Key Hash:", StringComparison.Ordinal))
            {
                keyHash = Value(line);
            }
            else if (line.StartsWith("Serial Number:", StringComparison.Ordinal))
            {
                ids.Add(new ExpectedCertId(ExpectedCertId.ParseAlgorithm(algorithm!), nameHash!.ToUpperInvariant(), keyHash!.ToUpperInvariant(), Value(line).ToUpperInvariant()));
            }
            else if (line.StartsWith("OCSP Nonce:", StringComparison.Ordinal))
            {
                nonce = lines[i + 1].Trim().ToUpperInvariant();
            }
        }

        return (ids, nonce);
    }

    public static List<ExpectedCertId> ParseGnuTls(string text)
    {
        var ids = new List<ExpectedCertId>();
        string? algorithm = null, nameHash = null, keyHash = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("Hash Algorithm:", StringComparison.Ordinal))
            {
                algorithm = Value(line);
            }
            else if (line.StartsWith("Issuer Name Hash:", StringComparison.Ordinal))
            {
                nameHash = Value(line);
            }
            else if (line.StartsWith("Issuer Key Hash:", StringComparison.Ordinal))
            {
                keyHash = Value(line);
            }
            else if (line.StartsWith("Serial Number:", StringComparison.Ordinal))
            {
                // GnuTLS prints the INTEGER content octets, sign octet included.
                var serial = Value(line).ToUpperInvariant();
                ids.Add(new ExpectedCertId(ExpectedCertId.ParseAlgorithm(algorithm!), nameHash!.ToUpperInvariant(), keyHash!.ToUpperInvariant(),
                    ExpectedCertId.Magnitude(Hex.Parse(serial))));
            }
        }

        return ids;
    }

    private static string Value(string line) => line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
}
