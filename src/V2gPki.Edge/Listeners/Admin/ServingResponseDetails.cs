// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Listeners.Admin;

/// <summary>The pre-signed OCSP response the serving index holds for a certificate.</summary>
internal sealed class ServingResponseDetails
{
    /// <summary>
    /// <c>found</c>, or why there is none: <c>not_found</c>, <c>not_ready</c> (store recovering), <c>pending</c>
    /// (a disk read: a sizing bug, docs/architecture.md §4 invariant 3).
    /// </summary>
    public required string Lookup { get; init; }

    /// <summary>The status the response attests (<c>good</c>, <c>revoked</c>, <c>hold</c>).</summary>
    public string? Status { get; init; }

    /// <summary>The response's thisUpdate.</summary>
    public DateTimeOffset? ThisUpdate { get; init; }

    /// <summary>The response's nextUpdate.</summary>
    public DateTimeOffset? NextUpdate { get; init; }

    /// <summary>The registry status version the response was signed for.</summary>
    public long? StatusVersion { get; init; }

    /// <summary>True when the response was signed for the registry's current status version.</summary>
    public bool? Current { get; init; }

    /// <summary>True when now is before nextUpdate (a stale response is never served: tryLater instead).</summary>
    public bool? Fresh { get; init; }

    /// <summary>The signer whose certificate is spliced into the response.</summary>
    public SignerDetails? Signer { get; init; }
}
