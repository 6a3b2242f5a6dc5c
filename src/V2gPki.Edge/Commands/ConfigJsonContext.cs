// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Text.Json.Serialization;
using V2gPki.Edge.Configuration;

namespace V2gPki.Edge.Commands;

/// <summary>Source-generated JSON for printing the effective configuration (<c>serve --check-config</c>), NativeAOT-safe.</summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(V2gPkiOptions))]
internal sealed partial class ConfigJsonContext : JsonSerializerContext
{
}
