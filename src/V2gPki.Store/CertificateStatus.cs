// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Store;

/// <summary>Revocation status of a certificate as the registry and the serving index record it (RFC 6960 §2.2).</summary>
/// <remarks>Stored as one byte; values are never reused.</remarks>
public enum CertificateStatus : byte
{
    /// <summary>Not revoked.</summary>
    Good = 0,

    /// <summary>Revoked for good; terminal.</summary>
    Revoked = 1,

    /// <summary>Revoked with reason certificateHold (RFC 5280 §5.3.1); may return to <see cref="Good"/> (removeFromCRL).</summary>
    Hold = 2,
}
