// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Listeners.Admin;

/// <summary>The answer to <c>GET /admin/v1/certificates?subject=…</c>.</summary>
internal sealed class CertificateList
{
    /// <summary>The subject ID searched for, normalised.</summary>
    public required string Subject { get; init; }

    /// <summary>The identifier types the query parsed as (<c>evse</c>, <c>emaid</c>, …), or null.</summary>
    public string? IdentifierType { get; init; }

    /// <summary>How many certificates are listed.</summary>
    public int Count { get; init; }

    /// <summary>True when more certificates matched than the limit allowed to list.</summary>
    public bool Truncated { get; init; }

    /// <summary>The certificates, in registry scan order.</summary>
    public required IReadOnlyList<CertificateSummary> Certificates { get; init; }
}
