// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Store;

/// <summary>
/// RFC 5280 §5.3.1 CRLReason codes, stored as one byte with the RFC's numeric values: those of
/// <c>V2gPki.Ocsp.CrlReason</c> (a cast maps them) plus <see cref="None"/>, the registry's "not revoked".
/// </summary>
public enum RevocationReason : byte
{
    /// <summary>unspecified (0).</summary>
    Unspecified = 0,

    /// <summary>keyCompromise (1).</summary>
    KeyCompromise = 1,

    /// <summary>cACompromise (2).</summary>
    CaCompromise = 2,

    /// <summary>affiliationChanged (3).</summary>
    AffiliationChanged = 3,

    /// <summary>superseded (4).</summary>
    Superseded = 4,

    /// <summary>cessationOfOperation (5).</summary>
    CessationOfOperation = 5,

    /// <summary>certificateHold (6).</summary>
    CertificateHold = 6,

    /// <summary>removeFromCRL (8); only meaningful in delta CRLs, never stored on a revoked record.</summary>
    RemoveFromCrl = 8,

    /// <summary>privilegeWithdrawn (9).</summary>
    PrivilegeWithdrawn = 9,

    /// <summary>aACompromise (10).</summary>
    AaCompromise = 10,

    /// <summary>No reason: the certificate is not revoked (store value 0xFF).</summary>
    None = 0xFF,
}
