// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Text.Json;
using System.Text.RegularExpressions;

namespace V2gPki.Fuzz.Slow;

/// <summary>
/// The slow path of the OCPP 2.0.1 <c>OCSPRequestDataType</c> reader, written from docs/architecture.md §3 and
/// docs/iso15118.md §6 over the same <see cref="JsonDocument"/> (JSON itself is System.Text.Json's job): the request
/// object or <c>ocspRequestData</c> inside it; field names exact, else ASCII case-insensitively (first such field);
/// <c>hashAlgorithm</c> <c>SHA256</c>/<c>SHA384</c>/<c>SHA512</c> with an optional hyphen; hashes hex when they have two
/// characters per octet, else base64 or base64url with optional (even partial) padding, never more than needed;
/// <c>serialNumber</c> as <see cref="SlowSerialText"/>; <c>responderURL</c> optional, at most 512 characters. Values
/// are trimmed of surrounding whitespace. A string that cannot be read as UTF-16 (a lone surrogate escape) is not a
/// valid value.
/// </summary>
public static partial class SlowOcppRequestData
{
    /// <summary>Reads the request.</summary>
    /// <param name="root">The JSON body's root.</param>
    /// <param name="why">Why it was refused; empty on success.</param>
    /// <returns>The fields, or null when the rules refuse the request.</returns>
    public static Fields? Parse(JsonElement root, out string why)
    {
        why = string.Empty;
        if (root.ValueKind != JsonValueKind.Object)
        {
            why = "not an object";
            return null;
        }

        var fields = root;
        if (Find(root, "ocspRequestData") is { } wrapped)
        {
            if (wrapped.ValueKind != JsonValueKind.Object)
            {
                why = "ocspRequestData is not an object";
                return null;
            }

            fields = wrapped;
        }

        var algorithmText = RequiredString(fields, "hashAlgorithm");
        var nameHashText = RequiredString(fields, "issuerNameHash");
        var keyHashText = RequiredString(fields, "issuerKeyHash");
        var serialText = RequiredString(fields, "serialNumber");
        if (algorithmText is null || nameHashText is null || keyHashText is null || serialText is null)
        {
            why = "a required field is missing, null, not a string or not readable";
            return null;
        }

        string? responderUrl = null;
        if (Find(fields, "responderURL") is { } url && url.ValueKind != JsonValueKind.Null)
        {
            responderUrl = ReadString(url);
            if (responderUrl is null || responderUrl.Length > 512)
            {
                why = "responderURL is not a string of at most 512 characters";
                return null;
            }
        }

        var algorithm = Algorithm().Match(algorithmText.Trim());
        if (!algorithm.Success)
        {
            why = "hashAlgorithm";
            return null;
        }

        var hashAlgorithm = algorithm.Groups[1].Value switch
        {
            "256" => OcspHashAlgorithm.Sha256,
            "384" => OcspHashAlgorithm.Sha384,
            _ => OcspHashAlgorithm.Sha512,
        };
        var length = OcspHashAlgorithms.GetHashLength(hashAlgorithm);
        var nameHash = Hash(nameHashText, length);
        var keyHash = Hash(keyHashText, length);
        var serial = SlowSerialText.Parse(serialText);
        if (nameHash is null || keyHash is null || serial is null)
        {
            why = nameHash is null ? "issuerNameHash" : keyHash is null ? "issuerKeyHash" : "serialNumber";
            return null;
        }

        return new Fields(hashAlgorithm, nameHash, keyHash, serial, responderUrl);
    }

    /// <summary>Decodes a hash of <paramref name="length"/> octets.</summary>
    /// <param name="text">The value.</param>
    /// <param name="length">The hash length.</param>
    /// <returns>The octets, or null.</returns>
    public static byte[]? Hash(string text, int length)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 2 * length)
        {
            return HexDigits().IsMatch(trimmed) ? Convert.FromHexString(trimmed) : null;
        }

        var standard = trimmed.Replace('-', '+').Replace('_', '/');
        if (!Base64().IsMatch(standard))
        {
            return null;
        }

        var data = standard.TrimEnd('=');
        var needed = (4 - (data.Length % 4)) % 4;
        if (data.Length % 4 == 1 || standard.Length - data.Length > needed)
        {
            return null;
        }

        var bytes = Convert.FromBase64String(data + new string('=', needed));
        return bytes.Length == length ? bytes : null;
    }

    // Exact name first (the last of duplicates, as JsonElement.TryGetProperty), else the first ASCII case-insensitive one.
    private static JsonElement? Find(JsonElement element, string name)
    {
        JsonElement? exact = null, folded = null;
        foreach (var property in element.EnumerateObject())
        {
            if (NameEquals(property, name))
            {
                exact = property.Value;
            }
            else if (folded is null && NameOf(property) is { } other && AsciiEqualsIgnoreCase(other, name))
            {
                folded = property.Value;
            }
        }

        return exact ?? folded;
    }

    private static string? RequiredString(JsonElement fields, string name) =>
        Find(fields, name) is { ValueKind: JsonValueKind.String } value ? ReadString(value) : null;

    private static string? ReadString(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    // NameEquals and Name unescape, and throw on a name that is not valid UTF-16 (a lone surrogate escape) or UTF-8:
    // such a name matches nothing.
    private static bool NameEquals(JsonProperty property, string name)
    {
        try
        {
            return property.NameEquals(name);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static string? NameOf(JsonProperty property)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static bool AsciiEqualsIgnoreCase(string a, string b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (var i = 0; i < a.Length; i++)
        {
            char x = a[i], y = b[i];
            if (x != y && !(char.IsAsciiLetter(x) && (x | 0x20) == (y | 0x20)))
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex(@"\A[Ss][Hh][Aa]-?(256|384|512)\z", RegexOptions.CultureInvariant)]
    private static partial Regex Algorithm();

    [GeneratedRegex(@"\A[0-9A-Fa-f]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex HexDigits();

    [GeneratedRegex(@"\A[A-Za-z0-9+/]*={0,2}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Base64();

    /// <summary>What an accepted request holds.</summary>
    /// <param name="HashAlgorithm">The CertID hash algorithm.</param>
    /// <param name="IssuerNameHash">The issuer name hash.</param>
    /// <param name="IssuerKeyHash">The issuer key hash.</param>
    /// <param name="SerialNumber">The DER INTEGER content octets.</param>
    /// <param name="ResponderUrl">The responder URL, or null.</param>
    public sealed record Fields(OcspHashAlgorithm HashAlgorithm, byte[] IssuerNameHash, byte[] IssuerKeyHash, byte[] SerialNumber, string? ResponderUrl);
}
