// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace V2gPki.Edge.Listeners.Ocpp;

/// <summary>Source-generated JSON of the OCPP adapter (NativeAOT: no reflection); camelCase as OCPP, nulls left out.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(OcppCertificateStatusResponse))]
[JsonSerializable(typeof(OcppError))]
internal sealed partial class OcppJsonContext : JsonSerializerContext
{
    /// <summary>The context the adapter writes with: <c>'</c>, <c>+</c> and non-ASCII unescaped (JSON API bodies, never HTML).</summary>
    public static OcppJsonContext Readable { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNameCaseInsensitive = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
