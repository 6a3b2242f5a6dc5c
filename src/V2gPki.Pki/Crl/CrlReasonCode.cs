// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Pki.Crl;

/// <summary>RFC 5280 §5.3.1 CRLReason values (the numeric values are the RFC's).</summary>
public enum CrlReasonCode
{
    /// <summary>unspecified (0): the CRL entry carries no reasonCode extension (RFC 5280 §5.3.1: SHOULD be absent).</summary>
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

    /// <summary>removeFromCRL (8): delta CRLs only, refused by <see cref="CrlBuilder"/>.</summary>
    RemoveFromCrl = 8,

    /// <summary>privilegeWithdrawn (9).</summary>
    PrivilegeWithdrawn = 9,

    /// <summary>aACompromise (10).</summary>
    AaCompromise = 10,
}
