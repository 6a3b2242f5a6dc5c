// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using Org.BouncyCastle.Asn1.X509;
using V2gPki.Pki.Profiles;

namespace V2gPki.Pki.Lint;

/// <summary>What the lint knows about the issuer and the request, beyond the profile.</summary>
public sealed record LintContext
{
    /// <summary>The issuing CA's subject DN (for a self-signed root: the root's own subject).</summary>
    public required X509Name IssuerName { get; init; }

    /// <summary>The issuing CA's key algorithm (decides the signature algorithm).</summary>
    public required KeyAlgorithm IssuerKeyAlgorithm { get; init; }

    /// <summary>The issuing CA's subjectKeyIdentifier; <see langword="null"/> for a self-signed root.</summary>
    public byte[]? IssuerKeyId { get; init; }

    /// <summary>The issuing CA's notBefore; <see langword="null"/> for a self-signed root.</summary>
    public DateTimeOffset? IssuerNotBefore { get; init; }

    /// <summary>The issuing CA's notAfter; <see langword="null"/> for a self-signed root.</summary>
    public DateTimeOffset? IssuerNotAfter { get; init; }

    /// <summary>A requested end (contract end) that may exceed the profile's default lifetime; <see langword="null"/> otherwise.</summary>
    public DateTimeOffset? RequestedNotAfter { get; init; }
}
