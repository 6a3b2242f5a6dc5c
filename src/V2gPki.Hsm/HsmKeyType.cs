// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Hsm;

/// <summary>The key types the HSM module generates and signs with.</summary>
public enum HsmKeyType
{
    /// <summary>ECDSA on NIST P-256 (secp256r1), the ISO 15118-2 curve.</summary>
    EcP256 = 1,

    /// <summary>ECDSA on NIST P-521 (secp521r1), used by ISO 15118-20.</summary>
    EcP521 = 2,

    /// <summary>EdDSA on edwards448 (Ed448, RFC 8032), used by ISO 15118-20.</summary>
    Ed448 = 3,
}
