// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Listeners.Admin;

/// <summary>One certificate in a listing.</summary>
internal sealed class CertificateSummary
{
    /// <summary>The CA name (or the issuer id in decimal when the CA is no longer configured).</summary>
    public required string Ca { get; init; }

    /// <summary>The serial, upper-case hex.</summary>
    public required string Serial { get; init; }

    /// <summary>The kind name.</summary>
    public required string Kind { get; init; }

    /// <summary>The subject ID as recorded.</summary>
    public required string SubjectId { get; init; }

    /// <summary>The status: <c>good</c>, <c>revoked</c> or <c>hold</c>.</summary>
    public required string Status { get; init; }

    /// <summary>notBefore.</summary>
    public DateTimeOffset NotBefore { get; init; }

    /// <summary>notAfter.</summary>
    public DateTimeOffset NotAfter { get; init; }

    /// <summary>The revocation time, when revoked or on hold.</summary>
    public DateTimeOffset? RevokedAt { get; init; }

    /// <summary>The RFC 5280 reason name, when revoked or on hold.</summary>
    public string? Reason { get; init; }
}
