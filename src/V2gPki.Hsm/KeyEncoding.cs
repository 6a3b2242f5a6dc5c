// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Formats.Asn1;

namespace V2gPki.Hsm;

/// <summary>
/// Encodings of key types: PKCS#11 <c>CKA_EC_PARAMS</c>/<c>CKA_EC_POINT</c> to DER <c>SubjectPublicKeyInfo</c>
/// (RFC 5480 for EC, RFC 8410 for Ed448), and DER <c>AlgorithmIdentifier</c>s of the signature algorithms.
/// </summary>
internal static class KeyEncoding
{
    private const string IdEcPublicKey = "1.2.840.10045.2.1";
    private const string Secp256r1 = "1.2.840.10045.3.1.7";
    private const string Secp521r1 = "1.3.132.0.35";
    private const string IdEd448 = "1.3.101.113";

    // RFC 5758 §3.2: ecdsa-with-SHA* AlgorithmIdentifiers have absent parameters. RFC 8410 §3: id-Ed448 likewise.
    private static readonly byte[] EcdsaSha256 = [0x30, 0x0A, 0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x04, 0x03, 0x02];
    private static readonly byte[] EcdsaSha384 = [0x30, 0x0A, 0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x04, 0x03, 0x03];
    private static readonly byte[] EcdsaSha512 = [0x30, 0x0A, 0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x04, 0x03, 0x04];
    private static readonly byte[] Ed448 = [0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x71];

    /// <summary>The DER <c>AlgorithmIdentifier</c> of a signature algorithm.</summary>
    /// <param name="algorithm">The algorithm.</param>
    /// <returns>A shared array; callers must not modify it.</returns>
    public static byte[] AlgorithmIdentifier(HsmSignatureAlgorithm algorithm) => algorithm switch
    {
        HsmSignatureAlgorithm.EcdsaSha256 => EcdsaSha256,
        HsmSignatureAlgorithm.EcdsaSha384 => EcdsaSha384,
        HsmSignatureAlgorithm.EcdsaSha512 => EcdsaSha512,
        HsmSignatureAlgorithm.Ed448 => Ed448,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    /// <summary>The <c>CKA_EC_PARAMS</c> to generate a key of the given type with.</summary>
    /// <param name="keyType">The key type.</param>
    /// <returns>The DER parameters.</returns>
    public static byte[] EcParameters(HsmKeyType keyType) => keyType switch
    {
        HsmKeyType.EcP256 => Pkcs11Constants.P256Parameters.ToArray(),
        HsmKeyType.EcP521 => Pkcs11Constants.P521Parameters.ToArray(),
        HsmKeyType.Ed448 => Pkcs11Constants.Ed448Parameters.ToArray(),
        _ => throw new ArgumentOutOfRangeException(nameof(keyType)),
    };

    /// <summary>Bytes of r and of s in a raw ECDSA signature; 0 for Ed448.</summary>
    /// <param name="keyType">The key type.</param>
    /// <returns>32 for P-256, 66 for P-521, 0 otherwise.</returns>
    public static int FieldSize(HsmKeyType keyType) => keyType switch
    {
        HsmKeyType.EcP256 => 32,
        HsmKeyType.EcP521 => 66,
        _ => 0,
    };

    /// <summary>Identifies a key from its PKCS#11 key type and <c>CKA_EC_PARAMS</c>.</summary>
    /// <param name="ckKeyType">The <c>CKA_KEY_TYPE</c> value.</param>
    /// <param name="ecParameters">The <c>CKA_EC_PARAMS</c> value.</param>
    /// <param name="keyType">The key type when known.</param>
    /// <returns><see langword="false"/> for a key type or curve this module does not sign with.</returns>
    public static bool TryClassify(ulong ckKeyType, ReadOnlySpan<byte> ecParameters, out HsmKeyType keyType)
    {
        const ulong CkkEc = 0x3;
        if (ckKeyType == CkkEc && ecParameters.SequenceEqual(Pkcs11Constants.P256Parameters))
        {
            keyType = HsmKeyType.EcP256;
            return true;
        }

        if (ckKeyType == CkkEc && ecParameters.SequenceEqual(Pkcs11Constants.P521Parameters))
        {
            keyType = HsmKeyType.EcP521;
            return true;
        }

        if (ckKeyType == Pkcs11Constants.CkkEcEdwards
            && (ecParameters.SequenceEqual(Pkcs11Constants.Ed448Parameters)
                || ecParameters.SequenceEqual(Pkcs11Constants.Ed448ParametersPrintable)))
        {
            keyType = HsmKeyType.Ed448;
            return true;
        }

        keyType = default;
        return false;
    }

    /// <summary>Builds the DER <c>SubjectPublicKeyInfo</c> of a token public key.</summary>
    /// <param name="keyType">The key type.</param>
    /// <param name="ecPoint">
    /// The <c>CKA_EC_POINT</c> value: PKCS#11 specifies a DER OCTET STRING around the point (uncompressed X9.62 point
    /// for EC, the 57-byte RFC 8032 encoding for Ed448); some modules return the bare point, which is accepted too.
    /// </param>
    /// <returns>The DER encoding.</returns>
    /// <exception cref="HsmException">The point has the wrong size for the key type.</exception>
    public static byte[] SubjectPublicKeyInfo(HsmKeyType keyType, ReadOnlySpan<byte> ecPoint)
    {
        var pointLength = keyType switch
        {
            HsmKeyType.EcP256 => 65,
            HsmKeyType.EcP521 => 133,
            _ => 57,
        };
        var point = ecPoint;
        if (point.Length != pointLength)
        {
            try
            {
                point = AsnDecoder.ReadOctetString(ecPoint, AsnEncodingRules.DER, out var consumed);
                if (consumed != ecPoint.Length)
                {
                    point = default;
                }
            }
            catch (AsnContentException)
            {
                point = default;
            }
        }

        if (point.Length != pointLength || (keyType != HsmKeyType.Ed448 && point[0] != 0x04))
        {
            throw new HsmException(HsmError.DeviceError,
                $"The token returned a CKA_EC_POINT of {ecPoint.Length} bytes, not a {keyType} public key.");
        }

        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                if (keyType == HsmKeyType.Ed448)
                {
                    writer.WriteObjectIdentifier(IdEd448);
                }
                else
                {
                    writer.WriteObjectIdentifier(IdEcPublicKey);
                    writer.WriteObjectIdentifier(keyType == HsmKeyType.EcP256 ? Secp256r1 : Secp521r1);
                }
            }

            writer.WriteBitString(point);
        }

        return writer.Encode();
    }
}
