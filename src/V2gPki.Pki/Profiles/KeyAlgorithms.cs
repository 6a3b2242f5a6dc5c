// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;

namespace V2gPki.Pki.Profiles;

/// <summary>Recognises key and signature algorithms and knows which keyUsage bits each key algorithm permits.</summary>
public static class KeyAlgorithms
{
    /// <summary>id-ecPublicKey (RFC 5480).</summary>
    public const string EcPublicKeyOid = "1.2.840.10045.2.1";

    /// <summary>secp256r1 / prime256v1.</summary>
    public const string P256Oid = "1.2.840.10045.3.1.7";

    /// <summary>secp384r1.</summary>
    public const string P384Oid = "1.3.132.0.34";

    /// <summary>secp521r1.</summary>
    public const string P521Oid = "1.3.132.0.35";

    /// <summary>id-Ed25519 (RFC 8410).</summary>
    public const string Ed25519Oid = "1.3.101.112";

    /// <summary>id-Ed448 (RFC 8410), both the key and the signature algorithm.</summary>
    public const string Ed448Oid = "1.3.101.113";

    /// <summary>rsaEncryption.</summary>
    public const string RsaOid = "1.2.840.113549.1.1.1";

    /// <summary>id-RSASSA-PSS.</summary>
    public const string RsaPssOid = "1.2.840.113549.1.1.10";

    /// <summary>ecdsa-with-SHA256.</summary>
    public const string EcdsaWithSha256Oid = "1.2.840.10045.4.3.2";

    /// <summary>ecdsa-with-SHA384.</summary>
    public const string EcdsaWithSha384Oid = "1.2.840.10045.4.3.3";

    /// <summary>ecdsa-with-SHA512.</summary>
    public const string EcdsaWithSha512Oid = "1.2.840.10045.4.3.4";

    private const KeyUsageBits AllBits = KeyUsageBits.DigitalSignature | KeyUsageBits.NonRepudiation | KeyUsageBits.KeyEncipherment
        | KeyUsageBits.DataEncipherment | KeyUsageBits.KeyAgreement | KeyUsageBits.KeyCertSign | KeyUsageBits.CrlSign
        | KeyUsageBits.EncipherOnly | KeyUsageBits.DecipherOnly;

    /// <summary>Identifies the algorithm (and curve) of a SubjectPublicKeyInfo.</summary>
    /// <param name="subjectPublicKeyInfo">The key.</param>
    /// <returns>The algorithm, or <see cref="KeyAlgorithm.Unknown"/>.</returns>
    public static KeyAlgorithm Identify(SubjectPublicKeyInfo subjectPublicKeyInfo)
    {
        ArgumentNullException.ThrowIfNull(subjectPublicKeyInfo);
        var algorithm = subjectPublicKeyInfo.Algorithm;
        switch (algorithm.Algorithm.Id)
        {
            case EcPublicKeyOid:
                // Only a namedCurve is acceptable (RFC 5480 §2.1.1: implicitCurve and specifiedCurve MUST NOT be used).
                return algorithm.Parameters?.ToAsn1Object() is DerObjectIdentifier curve
                    ? curve.Id switch
                    {
                        P256Oid => KeyAlgorithm.EcP256,
                        P384Oid => KeyAlgorithm.EcP384,
                        P521Oid => KeyAlgorithm.EcP521,
                        _ => KeyAlgorithm.EcOtherCurve,
                    }
                    : KeyAlgorithm.EcOtherCurve;
            case Ed448Oid:
                return KeyAlgorithm.Ed448;
            case Ed25519Oid:
                return KeyAlgorithm.Ed25519;
            case RsaOid or RsaPssOid:
                return KeyAlgorithm.Rsa;
            default:
                return KeyAlgorithm.Unknown;
        }
    }

    /// <summary>
    /// The keyUsage bits a key algorithm permits: EC keys never keyEncipherment or dataEncipherment (RFC 5480 §3);
    /// Ed448/Ed25519 keys only digitalSignature, nonRepudiation, keyCertSign and cRLSign (RFC 8410 §5).
    /// </summary>
    /// <param name="algorithm">The subject key's algorithm.</param>
    /// <returns>The permitted bits.</returns>
    public static KeyUsageBits PermittedKeyUsage(KeyAlgorithm algorithm) => algorithm switch
    {
        KeyAlgorithm.EcP256 or KeyAlgorithm.EcP384 or KeyAlgorithm.EcP521 or KeyAlgorithm.EcOtherCurve =>
            AllBits & ~(KeyUsageBits.KeyEncipherment | KeyUsageBits.DataEncipherment),
        KeyAlgorithm.Ed448 or KeyAlgorithm.Ed25519 =>
            KeyUsageBits.DigitalSignature | KeyUsageBits.NonRepudiation | KeyUsageBits.KeyCertSign | KeyUsageBits.CrlSign,
        _ => AllBits,
    };

    /// <summary>The signature algorithm an issuer key produces in our profiles.</summary>
    /// <param name="issuerKey">The issuer key's algorithm.</param>
    /// <returns>ecdsa-with-SHA256 for P-256, ecdsa-with-SHA512 for P-521, Ed448 for Ed448; otherwise <see cref="SignatureAlgorithm.Unknown"/>.</returns>
    public static SignatureAlgorithm SignatureAlgorithmFor(KeyAlgorithm issuerKey) => issuerKey switch
    {
        KeyAlgorithm.EcP256 => SignatureAlgorithm.EcdsaWithSha256,
        KeyAlgorithm.EcP384 => SignatureAlgorithm.EcdsaWithSha384,
        KeyAlgorithm.EcP521 => SignatureAlgorithm.EcdsaWithSha512,
        KeyAlgorithm.Ed448 => SignatureAlgorithm.Ed448,
        _ => SignatureAlgorithm.Unknown,
    };

    /// <summary>Identifies a signature AlgorithmIdentifier; ECDSA and EdDSA identifiers must have absent parameters (RFC 5758 §3.2, RFC 8410 §3).</summary>
    /// <param name="algorithm">The AlgorithmIdentifier.</param>
    /// <returns>The algorithm, or <see cref="SignatureAlgorithm.Unknown"/>.</returns>
    public static SignatureAlgorithm IdentifySignature(AlgorithmIdentifier algorithm)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        if (algorithm.Parameters is not null)
        {
            // Absent, not NULL: a NULL parameter is a known interoperability slip, but a strict profile refuses it.
            return SignatureAlgorithm.Unknown;
        }

        return algorithm.Algorithm.Id switch
        {
            EcdsaWithSha256Oid => SignatureAlgorithm.EcdsaWithSha256,
            EcdsaWithSha384Oid => SignatureAlgorithm.EcdsaWithSha384,
            EcdsaWithSha512Oid => SignatureAlgorithm.EcdsaWithSha512,
            Ed448Oid => SignatureAlgorithm.Ed448,
            _ => SignatureAlgorithm.Unknown,
        };
    }

    /// <summary>The DER AlgorithmIdentifier of a signature algorithm (parameters absent).</summary>
    /// <param name="algorithm">The algorithm.</param>
    /// <returns>The identifier.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The algorithm is <see cref="SignatureAlgorithm.Unknown"/>.</exception>
    public static AlgorithmIdentifier ToAlgorithmIdentifier(SignatureAlgorithm algorithm) => algorithm switch
    {
        SignatureAlgorithm.EcdsaWithSha256 => new AlgorithmIdentifier(new DerObjectIdentifier(EcdsaWithSha256Oid)),
        SignatureAlgorithm.EcdsaWithSha384 => new AlgorithmIdentifier(new DerObjectIdentifier(EcdsaWithSha384Oid)),
        SignatureAlgorithm.EcdsaWithSha512 => new AlgorithmIdentifier(new DerObjectIdentifier(EcdsaWithSha512Oid)),
        SignatureAlgorithm.Ed448 => new AlgorithmIdentifier(new DerObjectIdentifier(Ed448Oid)),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "no AlgorithmIdentifier for this algorithm"),
    };

    /// <summary>A human name for messages.</summary>
    /// <param name="algorithm">The key algorithm.</param>
    /// <returns>For example <c>EC P-256</c>.</returns>
    public static string Describe(KeyAlgorithm algorithm) => algorithm switch
    {
        KeyAlgorithm.EcP256 => "EC P-256",
        KeyAlgorithm.EcP384 => "EC P-384",
        KeyAlgorithm.EcP521 => "EC P-521",
        KeyAlgorithm.Ed448 => "Ed448",
        KeyAlgorithm.Ed25519 => "Ed25519",
        KeyAlgorithm.Rsa => "RSA",
        KeyAlgorithm.EcOtherCurve => "EC on another curve",
        _ => "an unknown key algorithm",
    };

    /// <summary>A human list of the key algorithms a profile allows.</summary>
    /// <param name="algorithms">The algorithms.</param>
    /// <returns>For example <c>EC P-521 or Ed448</c>.</returns>
    public static string Describe(IReadOnlyList<KeyAlgorithm> algorithms)
    {
        ArgumentNullException.ThrowIfNull(algorithms);
        var parts = new string[algorithms.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = Describe(algorithms[i]);
        }

        return string.Join(" or ", parts);
    }
}
