// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Pki.Profiles;

/// <summary>A certificate signature algorithm a profile allows.</summary>
public enum SignatureAlgorithm
{
    /// <summary>Not recognised.</summary>
    Unknown = 0,

    /// <summary>ecdsa-with-SHA256 (1.2.840.10045.4.3.2): ISO 15118-2.</summary>
    EcdsaWithSha256 = 1,

    /// <summary>ecdsa-with-SHA384 (1.2.840.10045.4.3.3): recognised, allowed by no profile.</summary>
    EcdsaWithSha384 = 2,

    /// <summary>ecdsa-with-SHA512 (1.2.840.10045.4.3.4): ISO 15118-20 with P-521 issuers.</summary>
    EcdsaWithSha512 = 3,

    /// <summary>Ed448 (1.3.101.113): ISO 15118-20 with Ed448 issuers.</summary>
    Ed448 = 4,
}
