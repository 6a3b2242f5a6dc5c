// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Pki.Profiles;

/// <summary>The place of a certificate in the hierarchy; decides basicConstraints, keyUsage and default lifetime.</summary>
public enum CertificateRole
{
    /// <summary>No role (the default value).</summary>
    None = 0,

    /// <summary>A self-signed root CA (no pathLen, no AKI, no AIA).</summary>
    Root = 1,

    /// <summary>A Sub-CA 1 (pathLen 1).</summary>
    SubCa1 = 2,

    /// <summary>A Sub-CA 2 (pathLen 0), the issuer of leaves.</summary>
    SubCa2 = 3,

    /// <summary>An end-entity certificate issued from a CSR.</summary>
    Leaf = 4,

    /// <summary>A delegated OCSP signer (RFC 6960 §4.2.2.2).</summary>
    OcspSigner = 5,
}
