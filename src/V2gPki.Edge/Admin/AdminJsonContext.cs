// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Text.Json.Serialization;

namespace V2gPki.Edge.Admin;

/// <summary>
/// Source-generated JSON of the admin API, its CLI client and the audit log (NativeAOT: no reflection). camelCase,
/// nulls left out.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(AdminError))]
[JsonSerializable(typeof(AdminAuditRecord))]
[JsonSerializable(typeof(StatusChangeRequestBody))]
[JsonSerializable(typeof(StatusChangeResponse))]
[JsonSerializable(typeof(CertificateDetails))]
[JsonSerializable(typeof(CertificateList))]
[JsonSerializable(typeof(CaList))]
public sealed partial class AdminJsonContext : JsonSerializerContext
{
}
