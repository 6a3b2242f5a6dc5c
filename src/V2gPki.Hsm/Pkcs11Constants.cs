// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Hsm;

/// <summary>PKCS#11 3.0 constants that Pkcs11Interop 5.3.0 lacks (EdDSA), and DER values of the curve parameters.</summary>
internal static class Pkcs11Constants
{
    /// <summary><c>CKK_EC_EDWARDS</c> (PKCS#11 3.0 §2.3.1).</summary>
    public const ulong CkkEcEdwards = 0x40;

    /// <summary><c>CKM_EC_EDWARDS_KEY_PAIR_GEN</c> (PKCS#11 3.0 §2.3.7).</summary>
    public const ulong CkmEcEdwardsKeyPairGen = 0x1055;

    /// <summary><c>CKM_EDDSA</c> (PKCS#11 3.0 §2.3.14).</summary>
    public const ulong CkmEddsa = 0x1057;

    /// <summary><c>CKM_ECDSA</c>: raw ECDSA over a host-computed digest; output r‖s.</summary>
    public const ulong CkmEcdsa = 0x1041;

    /// <summary><c>CKM_EC_KEY_PAIR_GEN</c>.</summary>
    public const ulong CkmEcKeyPairGen = 0x1040;

    /// <summary><c>CKF_SERIAL_SESSION</c>, required on every <c>C_OpenSession</c>.</summary>
    public const ulong CkfSerialSession = 0x4;

    /// <summary><c>CKF_RW_SESSION</c>.</summary>
    public const ulong CkfRwSession = 0x2;

    /// <summary>DER OID of secp256r1 (1.2.840.10045.3.1.7), the <c>CKA_EC_PARAMS</c> of P-256 keys.</summary>
    public static ReadOnlySpan<byte> P256Parameters => [0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x07];

    /// <summary>DER OID of secp521r1 (1.3.132.0.35), the <c>CKA_EC_PARAMS</c> of P-521 keys.</summary>
    public static ReadOnlySpan<byte> P521Parameters => [0x06, 0x05, 0x2B, 0x81, 0x04, 0x00, 0x23];

    /// <summary>
    /// DER OID id-Ed448 (1.3.101.113, RFC 8410), the <c>CKA_EC_PARAMS</c> we generate Ed448 keys with. PKCS#11 3.0
    /// §2.3.5 allows this OID or the PrintableString "edwards448"; SoftHSM2 2.6.1 accepts both (checked), and both are
    /// recognised when reading keys made elsewhere.
    /// </summary>
    public static ReadOnlySpan<byte> Ed448Parameters => [0x06, 0x03, 0x2B, 0x65, 0x71];

    /// <summary>DER PrintableString "edwards448", the PKCS#11 3.0 alternative form of Ed448 <c>CKA_EC_PARAMS</c>.</summary>
    public static ReadOnlySpan<byte> Ed448ParametersPrintable =>
        [0x13, 0x0A, 0x65, 0x64, 0x77, 0x61, 0x72, 0x64, 0x73, 0x34, 0x34, 0x38];
}
