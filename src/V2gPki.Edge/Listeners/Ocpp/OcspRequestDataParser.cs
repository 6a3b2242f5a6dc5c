// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Text.Json;
using V2gPki.Edge.Listeners.Admin;
using V2gPki.Ocsp;

namespace V2gPki.Edge.Listeners.Ocpp;

/// <summary>
/// Reads a GetCertificateStatusRequest <c>{ "ocspRequestData": { … } }</c>, or the bare <c>OCSPRequestDataType</c>
/// object, into an <see cref="OcspRequestData"/>. Field names match case-insensitively; unknown fields (<c>customData</c>)
/// are ignored. Failures are OCPP-level: they become a <c>Failed</c> answer with a <see cref="OcppStatusInfo"/>.
/// </summary>
internal static class OcspRequestDataParser
{
    /// <summary>The OCPP 2.0.1 limit of <c>responderURL</c>.</summary>
    public const int MaxResponderUrlLength = 512;

    /// <summary>Parses the request.</summary>
    /// <param name="root">The JSON body's root.</param>
    /// <param name="data">The CertID parts; null on failure.</param>
    /// <param name="failure">Why the request was refused; null on success.</param>
    /// <returns>Whether every required field is present and valid.</returns>
    public static bool TryParse(JsonElement root, out OcspRequestData? data, out OcppStatusInfo? failure)
    {
        try
        {
            return TryParseFields(root, out data, out failure);
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json accepts a lone surrogate escape or bytes that are not UTF-8 inside a string and throws only
            // when the string is read as text (RFC 8259 §8.1, §8.2): such a request cannot name a field or a value.
            data = null;
            failure = Format("request: a property name or string is not valid Unicode text (RFC 8259 §8)");
            return false;
        }
    }

    private static bool TryParseFields(JsonElement root, out OcspRequestData? data, out OcppStatusInfo? failure)
    {
        data = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            failure = Format("request: must be a JSON object");
            return false;
        }

        var prefix = "ocspRequestData.";
        var fields = root;
        if (TryGetProperty(root, "ocspRequestData", out var wrapped))
        {
            if (wrapped.ValueKind != JsonValueKind.Object)
            {
                failure = Format("ocspRequestData: must be an object");
                return false;
            }

            fields = wrapped;
        }
        else
        {
            prefix = string.Empty;
        }

        if (!TryGetString(fields, prefix, "hashAlgorithm", out var algorithmText, out failure)
            || !TryGetString(fields, prefix, "issuerNameHash", out var nameHashText, out failure)
            || !TryGetString(fields, prefix, "issuerKeyHash", out var keyHashText, out failure)
            || !TryGetString(fields, prefix, "serialNumber", out var serialText, out failure))
        {
            return false;
        }

        string? responderUrl = null;
        if (TryGetProperty(fields, "responderURL", out var url) && url.ValueKind != JsonValueKind.Null)
        {
            if (url.ValueKind != JsonValueKind.String)
            {
                failure = Format(prefix + "responderURL: must be a string");
                return false;
            }

            if (!TryReadText(url, out responderUrl))
            {
                failure = Format(prefix + "responderURL: not valid Unicode text (RFC 8259 §8)");
                return false;
            }

            if (responderUrl.Length > MaxResponderUrlLength)
            {
                failure = Invalid($"{prefix}responderURL: longer than {MaxResponderUrlLength} characters");
                return false;
            }
        }

        if (!OcppHashText.TryParseAlgorithm(algorithmText, out var algorithm))
        {
            failure = Invalid($"{prefix}hashAlgorithm: '{Truncate(algorithmText)}' is not SHA256, SHA384 or SHA512");
            return false;
        }

        var hashLength = OcspHashAlgorithms.GetHashLength(algorithm);
        if (!OcppHashText.TryDecode(nameHashText, hashLength, out var nameHash))
        {
            failure = Invalid(HashError(prefix + "issuerNameHash", algorithm, hashLength));
            return false;
        }

        if (!OcppHashText.TryDecode(keyHashText, hashLength, out var keyHash))
        {
            failure = Invalid(HashError(prefix + "issuerKeyHash", algorithm, hashLength));
            return false;
        }

        if (!SerialNumberText.TryParse(serialText, out var serial, out var serialError))
        {
            failure = Invalid(prefix + serialError + " (hex, as in OCPP: e.g. 0A1B2C)");
            return false;
        }

        data = new OcspRequestData(algorithm, nameHash, keyHash, serial, responderUrl);
        failure = null;
        return true;
    }

    private static string HashError(string field, OcspHashAlgorithm algorithm, int hashLength) =>
        $"{field}: not a {OcppHashText.AlgorithmName(algorithm)} hash ({2 * hashLength} hex digits, or base64 of {hashLength} octets)";

    private static bool TryGetString(JsonElement fields, string prefix, string name, out string value, out OcppStatusInfo? failure)
    {
        value = string.Empty;
        failure = null;
        if (!TryGetProperty(fields, name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            failure = Format($"{prefix}{name}: missing");
            return false;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            failure = Format($"{prefix}{name}: must be a string");
            return false;
        }

        if (!TryReadText(element, out value))
        {
            failure = Format($"{prefix}{name}: not valid Unicode text (RFC 8259 §8)");
            return false;
        }

        return true;
    }

    // System.Text.Json parses a lone surrogate escape or bytes that are not UTF-8 inside a string and throws only when
    // the string is read (RFC 8259 §8.1, §8.2).
    private static bool TryReadText(JsonElement element, out string text)
    {
        try
        {
            text = element.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            text = string.Empty;
            return false;
        }
    }

    /// <summary>Finds a property by exact name, else case-insensitively (some CSMS serialisers change case).</summary>
    private static bool TryGetProperty(JsonElement element, string name, out JsonElement value)
    {
        if (element.TryGetProperty(name, out value))
        {
            return true;
        }

        foreach (var property in element.EnumerateObject())
        {
            string propertyName;
            try
            {
                propertyName = property.Name;
            }
            catch (InvalidOperationException)
            {
                // A name that is not valid Unicode text names no field of ours: skipped like any unknown field.
                continue;
            }

            if (string.Equals(propertyName, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        return false;
    }

    private static OcppStatusInfo Format(string info) => new() { ReasonCode = "FormatViolation", AdditionalInfo = info };

    private static OcppStatusInfo Invalid(string info) => new() { ReasonCode = "InvalidValue", AdditionalInfo = info };

    private static string Truncate(string text) => text.Length <= 32 ? text : text[..32] + "…";
}
