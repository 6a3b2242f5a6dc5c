// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Diagnostics;
using System.Text;
using System.Text.Json;
using V2gPki.Edge.Listeners.Ocpp;
using V2gPki.Fuzz.Slow;
using V2gPki.Fuzz.Text;

namespace V2gPki.Fuzz;

/// <summary>
/// The OCPP 2.0.1 GetCertificateStatus body as the adapter reads it: <see cref="JsonDocument"/> with the handler's
/// options (a <see cref="JsonException"/> is the documented 400), then <see cref="OcspRequestDataParser"/>, which must
/// not throw, must answer <c>FormatViolation</c> or <c>InvalidValue</c> with a reason within OCPP's 512 characters when
/// it refuses, and must agree with <see cref="SlowOcppRequestData"/>. An accepted request goes through
/// <see cref="OcspRequestEncoder"/>, and <see cref="OcspRequestParser"/> must read back the same CertID.
/// </summary>
public sealed class OcppJsonTarget : IFuzzTarget
{
    /// <summary>The target name.</summary>
    public const string Name = "ocpp-json";

    // OcppCertificateStatusHandler.AnswerAsync parses with these options.
    private static readonly JsonDocumentOptions HandlerOptions = new() { MaxDepth = 16 };

    /// <inheritdoc/>
    public static void Fuzz(ReadOnlySpan<byte> input) => Check(input.ToArray());

    /// <summary>Reads <paramref name="json"/> as the adapter does and checks the answer.</summary>
    /// <param name="json">The request body.</param>
    /// <returns><c>BadJson</c>, <c>Accepted</c> or the reason code of the refusal.</returns>
    /// <exception cref="FuzzFinding">The reader broke a rule.</exception>
    public static string Check(byte[] json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, HandlerOptions);
        }
        catch (JsonException)
        {
            return "BadJson";
        }

        using (document)
        {
            var start = Stopwatch.GetTimestamp();
            var ok = OcspRequestDataParser.TryParse(document.RootElement, out var data, out var failure);
            FuzzText.CheckBounded(start, Name, Describe(json));

            var expected = SlowOcppRequestData.Parse(document.RootElement, out var why);
            if (!ok)
            {
                if (data is not null || failure is null || failure.ReasonCode is not ("FormatViolation" or "InvalidValue")
                    || string.IsNullOrEmpty(failure.AdditionalInfo) || failure.AdditionalInfo.Length > OcppStatusInfo.MaxAdditionalInfoLength)
                {
                    throw new FuzzFinding(Name, $"refused with {failure?.ReasonCode} \"{failure?.AdditionalInfo}\"", Describe(json));
                }

                if (expected is not null)
                {
                    throw new FuzzFinding(Name, $"refused ({failure.ReasonCode}: {failure.AdditionalInfo}), but the slow path accepts", Describe(json));
                }

                return failure.ReasonCode;
            }

            if (data is null || failure is not null)
            {
                throw new FuzzFinding(Name, "accepted without data, or with a failure", Describe(json));
            }

            if (expected is null)
            {
                throw new FuzzFinding(Name, $"accepted, but the slow path refuses ({why})", Describe(json));
            }

            if (data.HashAlgorithm != expected.HashAlgorithm || !data.IssuerNameHash.AsSpan().SequenceEqual(expected.IssuerNameHash)
                || !data.IssuerKeyHash.AsSpan().SequenceEqual(expected.IssuerKeyHash) || !data.SerialNumber.AsSpan().SequenceEqual(expected.SerialNumber)
                || data.ResponderUrl != expected.ResponderUrl)
            {
                throw new FuzzFinding(Name, $"read {Show(data.HashAlgorithm, data.IssuerNameHash, data.IssuerKeyHash, data.SerialNumber, data.ResponderUrl)}, " +
                    $"the slow path {Show(expected.HashAlgorithm, expected.IssuerNameHash, expected.IssuerKeyHash, expected.SerialNumber, expected.ResponderUrl)}", Describe(json));
            }

            CheckEncodedRequest(data, json);
            return "Accepted";
        }
    }

    private static void CheckEncodedRequest(OcspRequestData data, byte[] json)
    {
        var der = OcspRequestEncoder.Encode(data);
        var status = OcspRequestParser.TryParse(der, out var request);
        if (status != OcspParseStatus.Ok || request.Count != 1)
        {
            throw new FuzzFinding(Name, $"the encoded request reads as {status} with {request.Count} CertIDs: {Convert.ToHexString(der)}", Describe(json));
        }

        foreach (var id in request)
        {
            if (id.HashAlgorithm != data.HashAlgorithm || !id.IssuerNameHash.SequenceEqual(data.IssuerNameHash)
                || !id.IssuerKeyHash.SequenceEqual(data.IssuerKeyHash) || !id.SerialNumber.SequenceEqual(data.SerialNumber))
            {
                throw new FuzzFinding(Name, $"the encoded request carries another CertID: {Convert.ToHexString(der)}", Describe(json));
            }
        }
    }

    private static string Show(OcspHashAlgorithm algorithm, byte[] nameHash, byte[] keyHash, byte[] serial, string? url) =>
        $"{algorithm} {Convert.ToHexString(nameHash)} {Convert.ToHexString(keyHash)} {Convert.ToHexString(serial)} {url ?? "(no URL)"}";

    /// <summary>The body for a message: its text when it is valid UTF-8, else its bytes in hex.</summary>
    /// <param name="json">The body.</param>
    /// <returns>The description.</returns>
    public static string Describe(byte[] json)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(json);
        }
        catch (ArgumentException)
        {
            return "hex " + Convert.ToHexString(json);
        }
    }
}
