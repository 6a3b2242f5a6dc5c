// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Listeners.Admin;

/// <summary>The answer to <c>GET /admin/v1/cas</c>.</summary>
internal sealed class CaList
{
    /// <summary>Every configured CA, parents first as configured.</summary>
    public required IReadOnlyList<CaSummary> Cas { get; init; }
}
