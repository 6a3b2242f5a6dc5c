// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Text.Json.Serialization;

namespace V2gPki.Pki.Hierarchy;

/// <summary>Source-generated System.Text.Json metadata for the hierarchy files (NativeAOT: no reflection).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(CaHierarchyManifest))]
[JsonSerializable(typeof(DemoPins))]
public sealed partial class CaHierarchyJsonContext : JsonSerializerContext
{
}
