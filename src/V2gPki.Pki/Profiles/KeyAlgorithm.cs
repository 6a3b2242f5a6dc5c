// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Pki.Profiles;

/// <summary>A subject public key algorithm (and curve) as recognised in a SubjectPublicKeyInfo.</summary>
public enum KeyAlgorithm
{
    /// <summary>Not recognised.</summary>
    Unknown = 0,

    /// <summary>EC on secp256r1 (P-256, prime256v1): ISO 15118-2.</summary>
    EcP256 = 1,

    /// <summary>EC on secp384r1 (P-384): recognised, allowed by no profile.</summary>
    EcP384 = 2,

    /// <summary>EC on secp521r1 (P-521): ISO 15118-20 primary.</summary>
    EcP521 = 3,

    /// <summary>Ed448 (RFC 8410): ISO 15118-20 alternative.</summary>
    Ed448 = 4,

    /// <summary>Ed25519 (RFC 8410): recognised, allowed by no profile.</summary>
    Ed25519 = 5,

    /// <summary>RSA: recognised, allowed by no profile.</summary>
    Rsa = 6,

    /// <summary>EC on another named curve, or with explicit parameters: allowed by no profile.</summary>
    EcOtherCurve = 7,
}
