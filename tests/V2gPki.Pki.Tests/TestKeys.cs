// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using V2gPki.Pki.Profiles;

namespace V2gPki.Pki.Tests;

/// <summary>Software key pairs for tests (the HSM signs in production).</summary>
internal static class TestKeys
{
    private static readonly SecureRandom Random = new();

    public static AsymmetricCipherKeyPair Generate(KeyAlgorithm algorithm)
    {
        IAsymmetricCipherKeyPairGenerator generator;
        switch (algorithm)
        {
            case KeyAlgorithm.EcP256 or KeyAlgorithm.EcP384 or KeyAlgorithm.EcP521:
                var curve = algorithm switch
                {
                    KeyAlgorithm.EcP256 => "P-256",
                    KeyAlgorithm.EcP384 => "P-384",
                    _ => "P-521",
                };
                generator = new ECKeyPairGenerator();
                generator.Init(new ECKeyGenerationParameters(ECNamedCurveTable.GetOid(curve), Random));
                break;
            case KeyAlgorithm.Ed448:
                generator = new Ed448KeyPairGenerator();
                generator.Init(new Ed448KeyGenerationParameters(Random));
                break;
            case KeyAlgorithm.Rsa:
                generator = new RsaKeyPairGenerator();
                generator.Init(new KeyGenerationParameters(Random, 1024));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(algorithm));
        }

        return generator.GenerateKeyPair();
    }

    public static SubjectPublicKeyInfo Spki(AsymmetricCipherKeyPair pair) =>
        SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(pair.Public);

    public static SubjectPublicKeyInfo Spki(KeyAlgorithm algorithm) => Spki(Generate(algorithm));
}
