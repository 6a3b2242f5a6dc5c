// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Listeners.Admin;

/// <summary>One configured CA, as <c>GET /admin/v1/cas</c> lists it (the CLI matches <c>--cert</c> files against it).</summary>
internal sealed class CaSummary
{
    /// <summary>The CA name (docs/architecture.md §2).</summary>
    public required string Name { get; init; }

    /// <summary>The store issuer id.</summary>
    public int IssuerId { get; init; }

    /// <summary>The parent CA's name, or null for a root.</summary>
    public string? Parent { get; init; }

    /// <summary>The CA certificate's subject DN.</summary>
    public required string Subject { get; init; }

    /// <summary>The CA certificate's subject DN, DER in base64 (exact matching of an issuer name).</summary>
    public required string SubjectDer { get; init; }

    /// <summary>The subjectKeyIdentifier, upper-case hex, or null when the certificate has none.</summary>
    public string? SubjectKeyId { get; init; }

    /// <summary>notBefore.</summary>
    public DateTimeOffset NotBefore { get; init; }

    /// <summary>notAfter.</summary>
    public DateTimeOffset NotAfter { get; init; }

    /// <summary>Whether the CA key is online (its CRLs are generated here).</summary>
    public bool Online { get; init; }

    /// <summary>The delegated signer that signs new responses, or null when none is usable.</summary>
    public SignerDetails? CurrentSigner { get; init; }
}
