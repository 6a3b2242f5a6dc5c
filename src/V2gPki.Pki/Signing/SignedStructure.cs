// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Formats.Asn1;
using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Security;
using V2gPki.Pki.Profiles;

namespace V2gPki.Pki.Signing;

/// <summary>
/// The outer shape shared by certificates, CRLs and CSRs: <c>SEQUENCE { tbs, signatureAlgorithm, BIT STRING signature }</c>
/// (RFC 5280 §4.1, §5.1; RFC 2986 §4.2), written around the exact TBS bytes that were signed, so nothing re-encodes them;
/// and the check of a signature over exact bytes.
/// </summary>
public static class SignedStructure
{
    /// <summary>Assembles the signed structure.</summary>
    /// <param name="tbsDer">The exact DER bytes that were signed (copied verbatim).</param>
    /// <param name="algorithmIdentifierDer">The DER signature AlgorithmIdentifier (the same value as inside the TBS).</param>
    /// <param name="signature">The signature value (DER ECDSA-Sig-Value or raw Ed448).</param>
    /// <returns>The DER structure.</returns>
    public static byte[] Assemble(ReadOnlySpan<byte> tbsDer, ReadOnlySpan<byte> algorithmIdentifierDer, ReadOnlySpan<byte> signature)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER, tbsDer.Length + algorithmIdentifierDer.Length + signature.Length + 16);
        using (writer.PushSequence())
        {
            writer.WriteEncodedValue(tbsDer);
            writer.WriteEncodedValue(algorithmIdentifierDer);
            writer.WriteBitString(signature);
        }

        return writer.Encode();
    }

    /// <summary>
    /// Checks a signature over exact bytes with a DER SubjectPublicKeyInfo: ECDSA through .NET's platform implementation
    /// (OpenSSL on Linux, several times faster than BouncyCastle's managed code), Ed448 through BouncyCastle (.NET has
    /// no Ed448).
    /// </summary>
    /// <param name="subjectPublicKeyInfo">The signer's public key.</param>
    /// <param name="algorithm">The signature algorithm.</param>
    /// <param name="data">The signed bytes.</param>
    /// <param name="signature">The signature value (DER ECDSA-Sig-Value, or raw Ed448).</param>
    /// <returns>Whether the signature verifies; <see langword="false"/> also for a key of another algorithm or a malformed key or signature.</returns>
    public static bool Verify(ReadOnlySpan<byte> subjectPublicKeyInfo, SignatureAlgorithm algorithm, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        HashAlgorithmName hash;
        switch (algorithm)
        {
            case SignatureAlgorithm.EcdsaWithSha256:
                hash = HashAlgorithmName.SHA256;
                break;
            case SignatureAlgorithm.EcdsaWithSha384:
                hash = HashAlgorithmName.SHA384;
                break;
            case SignatureAlgorithm.EcdsaWithSha512:
                hash = HashAlgorithmName.SHA512;
                break;
            case SignatureAlgorithm.Ed448:
                try
                {
                    var key = PublicKeyFactory.CreateKey(SubjectPublicKeyInfo.GetInstance(Asn1Object.FromByteArray(subjectPublicKeyInfo.ToArray())));
                    return Verify(key, algorithm, data, signature.ToArray());
                }
                catch (Exception e) when (e is IOException or ArgumentException or InvalidCastException or SecurityUtilityException)
                {
                    return false;
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "no verifier for this algorithm");
        }

        try
        {
            using var ecdsa = ECDsa.Create();
            ecdsa.ImportSubjectPublicKeyInfo(subjectPublicKeyInfo, out var read);
            return read == subjectPublicKeyInfo.Length && ecdsa.VerifyData(data, signature, hash, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (CryptographicException)
        {
            // Not an EC key, an unsupported curve, or a signature that is not a DER ECDSA-Sig-Value.
            return false;
        }
    }

    /// <summary>Checks a signature over exact bytes with BouncyCastle.</summary>
    /// <param name="publicKey">The signer's public key.</param>
    /// <param name="algorithm">The signature algorithm.</param>
    /// <param name="data">The signed bytes.</param>
    /// <param name="signature">The signature value.</param>
    /// <returns>Whether the signature verifies.</returns>
    public static bool Verify(AsymmetricKeyParameter publicKey, SignatureAlgorithm algorithm, ReadOnlySpan<byte> data, byte[] signature)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        ArgumentNullException.ThrowIfNull(signature);
        var name = algorithm switch
        {
            SignatureAlgorithm.EcdsaWithSha256 => "SHA256WITHECDSA",
            SignatureAlgorithm.EcdsaWithSha384 => "SHA384WITHECDSA",
            SignatureAlgorithm.EcdsaWithSha512 => "SHA512WITHECDSA",
            SignatureAlgorithm.Ed448 => "Ed448",
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "no verifier for this algorithm"),
        };
        try
        {
            var verifier = SignerUtilities.GetSigner(name);
            verifier.Init(false, publicKey);
            verifier.BlockUpdate(data);
            return verifier.VerifySignature(signature);
        }
        catch (Exception e) when (e is ArgumentException or InvalidCastException or InvalidOperationException or CryptoException)
        {
            // A key of another algorithm, or a signature that is not a DER ECDSA-Sig-Value: it does not verify.
            return false;
        }
    }
}
