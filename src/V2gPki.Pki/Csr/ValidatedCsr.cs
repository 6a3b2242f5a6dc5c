// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Pki.Identifiers;
using V2gPki.Pki.Profiles;

namespace V2gPki.Pki.Csr;

/// <summary>
/// What a CSR that passed every rule contributes to issuance: the subject identifier, O, C and the public key.
/// Requested extensions are deliberately absent: the profile decides every extension.
/// </summary>
public sealed record ValidatedCsr
{
    /// <summary>The profile the CSR was checked against.</summary>
    public required CertificateProfile Profile { get; init; }

    /// <summary>The identifier type of the CN (<see cref="IdType.None"/> for a free name).</summary>
    public required IdType SubjectIdType { get; init; }

    /// <summary>The CN to issue: the normalised identifier (upper case, no separators) or the free name.</summary>
    public required string CommonName { get; init; }

    /// <summary>The owner prefix of the identifier for authorization; <see langword="null"/> for a free name.</summary>
    public required string? OwnerPrefix { get; init; }

    /// <summary>Findings accepted in lenient mode (a wrong EMAID check digit, a non-ISO EMAID country code).</summary>
    public required IdWarnings Warnings { get; init; }

    /// <summary>The O.</summary>
    public required string Organization { get; init; }

    /// <summary>The C (upper case), or <see langword="null"/>.</summary>
    public required string? Country { get; init; }

    /// <summary>The subject key's algorithm.</summary>
    public required KeyAlgorithm KeyAlgorithm { get; init; }

    /// <summary>The DER SubjectPublicKeyInfo to certify.</summary>
    public required byte[] SubjectPublicKeyInfo { get; init; }
}
