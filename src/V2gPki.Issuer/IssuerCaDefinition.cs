// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Issuer;

/// <summary>A CA as configuration describes it (the CA manifest maps onto this).</summary>
public sealed class IssuerCaDefinition
{
    /// <summary>Gets the CA name (docs/architecture.md §2: <c>v2g-root</c>, <c>cpo-sub1</c>, …).</summary>
    public required string Name { get; init; }

    /// <summary>Gets the store issuer id, 1–65535, stable for the CA's lifetime.</summary>
    public required ushort IssuerId { get; init; }

    /// <summary>Gets the issuing CA's name, or null for a root.</summary>
    public string? ParentName { get; init; }

    /// <summary>Gets the CA certificate DER.</summary>
    public required ReadOnlyMemory<byte> CertificateDer { get; init; }

    /// <summary>Gets whether nonce requests are signed live for this CA (default off: responses stay cacheable).</summary>
    public bool NoncePolicy { get; init; }

    /// <summary>Gets whether the CA key is online (CRLs generated here) rather than offline (CRLs imported from ceremonies).</summary>
    public bool IsOnline { get; init; } = true;
}
