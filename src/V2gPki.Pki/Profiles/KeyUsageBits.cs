// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Pki.Profiles;

/// <summary>
/// RFC 5280 §4.2.1.3 keyUsage bits, with the values BouncyCastle's <c>KeyUsage</c> uses (bit 0 = 0x80 of the first
/// octet, decipherOnly = 0x8000).
/// </summary>
[Flags]
public enum KeyUsageBits
{
    /// <summary>No bit.</summary>
    None = 0,

    /// <summary>decipherOnly (8).</summary>
    DecipherOnly = 0x8000,

    /// <summary>encipherOnly (7).</summary>
    EncipherOnly = 0x01,

    /// <summary>cRLSign (6).</summary>
    CrlSign = 0x02,

    /// <summary>keyCertSign (5).</summary>
    KeyCertSign = 0x04,

    /// <summary>keyAgreement (4).</summary>
    KeyAgreement = 0x08,

    /// <summary>dataEncipherment (3).</summary>
    DataEncipherment = 0x10,

    /// <summary>keyEncipherment (2).</summary>
    KeyEncipherment = 0x20,

    /// <summary>nonRepudiation / contentCommitment (1).</summary>
    NonRepudiation = 0x40,

    /// <summary>digitalSignature (0).</summary>
    DigitalSignature = 0x80,
}
