// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Ocsp;

/// <summary>The <c>CertStatus</c> CHOICE (RFC 6960 §4.2.1); values are the CHOICE tag numbers.</summary>
public enum CertStatus
{
    /// <summary><c>good [0] IMPLICIT NULL</c>.</summary>
    Good = 0,

    /// <summary><c>revoked [1] IMPLICIT RevokedInfo</c>.</summary>
    Revoked = 1,

    /// <summary><c>unknown [2] IMPLICIT UnknownInfo</c>.</summary>
    Unknown = 2,
}
