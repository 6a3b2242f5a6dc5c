// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Hsm;

/// <summary>
/// A signature algorithm: the host-side hash plus the token mechanism. ECDSA variants hash on the host and sign the
/// digest with <c>CKM_ECDSA</c>; <see cref="Ed448"/> signs the message itself with <c>CKM_EDDSA</c> (PureEdDSA).
/// </summary>
public enum HsmSignatureAlgorithm
{
    /// <summary>ecdsa-with-SHA256 (RFC 5758), the ISO 15118-2 algorithm.</summary>
    EcdsaSha256 = 1,

    /// <summary>ecdsa-with-SHA384 (RFC 5758).</summary>
    EcdsaSha384 = 2,

    /// <summary>ecdsa-with-SHA512 (RFC 5758), used with P-521 by ISO 15118-20.</summary>
    EcdsaSha512 = 3,

    /// <summary>id-Ed448 (RFC 8410): PureEdDSA over the message, no host-side hash.</summary>
    Ed448 = 4,
}
