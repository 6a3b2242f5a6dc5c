// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Text.Json.Serialization;

namespace V2gPki.Edge.Ocpp;

/// <summary>Source-generated JSON of the OCPP adapter (NativeAOT: no reflection); camelCase as OCPP, nulls left out.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(OcppCertificateStatusResponse))]
[JsonSerializable(typeof(OcppError))]
public sealed partial class OcppJsonContext : JsonSerializerContext
{
}
