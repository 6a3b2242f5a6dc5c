// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace V2gPki.Edge.Listeners.Admin;

/// <summary>
/// Source-generated JSON of the admin API and its CLI client (NativeAOT: no reflection; the audit log has its own
/// context in V2gPki.Parties). camelCase,
/// nulls left out.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(AdminError))]
[JsonSerializable(typeof(StatusChangeRequestBody))]
[JsonSerializable(typeof(StatusChangeResponse))]
[JsonSerializable(typeof(CertificateDetails))]
[JsonSerializable(typeof(CertificateList))]
[JsonSerializable(typeof(CaList))]
internal sealed partial class AdminJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The context the API writes with: as <see cref="JsonSerializerContext"/> defaults, but without escaping <c>'</c>,
    /// <c>+</c> or non-ASCII (the bodies are <c>application/json</c> with <c>nosniff</c>, never embedded in HTML), so
    /// messages and audit lines stay readable.
    /// </summary>
    public static AdminJsonContext Readable { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNameCaseInsensitive = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
