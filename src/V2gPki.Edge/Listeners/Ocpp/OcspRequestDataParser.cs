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
public static class OcspRequestDataParser
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

            responderUrl = url.GetString();
            if (responderUrl!.Length > MaxResponderUrlLength)
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

        value = element.GetString()!;
        return true;
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
            if (property.NameEquals(name) || string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
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
