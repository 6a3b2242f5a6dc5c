// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace V2gPki.Parties.Audit;

/// <summary>Source-generated JSON of the audit log (NativeAOT: no reflection). camelCase, nulls left out.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AuditRecord))]
internal sealed partial class AuditJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The context lines are written with: without escaping <c>'</c>, <c>+</c> or non-ASCII, so an operator reading the
    /// log sees the text as it was (the file is never embedded in HTML).
    /// </summary>
    public static AuditJsonContext Readable { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
