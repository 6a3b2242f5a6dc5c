// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace V2gPki.Pki.Signing;

/// <summary>
/// Verifies signatures of one public key many times (a CA checking what its HSM key just signed): EC keys are imported
/// into .NET's <see cref="ECDsa"/> once and the instances pooled — importing costs more than verifying — while Ed448 keys
/// go through BouncyCastle. Thread-safe: each concurrent caller rents its own instance.
/// </summary>
public sealed class SignatureVerifier
{
    private readonly byte[] _subjectPublicKeyInfo;
    private readonly ConcurrentBag<ECDsa> _pool = [];

    /// <summary>Creates a verifier for a key.</summary>
    /// <param name="subjectPublicKeyInfo">The DER SubjectPublicKeyInfo.</param>
    public SignatureVerifier(ReadOnlySpan<byte> subjectPublicKeyInfo) => _subjectPublicKeyInfo = subjectPublicKeyInfo.ToArray();

    /// <summary>Checks a signature over exact bytes.</summary>
    /// <param name="algorithm">The signature algorithm.</param>
    /// <param name="data">The signed bytes.</param>
    /// <param name="signature">The signature value (DER ECDSA-Sig-Value or raw Ed448).</param>
    /// <returns>Whether it verifies; <see langword="false"/> also for a key of another algorithm.</returns>
    public bool Verify(Profiles.SignatureAlgorithm algorithm, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        HashAlgorithmName hash = algorithm switch
        {
            Profiles.SignatureAlgorithm.EcdsaWithSha256 => HashAlgorithmName.SHA256,
            Profiles.SignatureAlgorithm.EcdsaWithSha384 => HashAlgorithmName.SHA384,
            Profiles.SignatureAlgorithm.EcdsaWithSha512 => HashAlgorithmName.SHA512,
            _ => default,
        };
        if (hash.Name is null)
        {
            return SignedStructure.Verify(_subjectPublicKeyInfo, algorithm, data, signature);
        }

        if (!_pool.TryTake(out ECDsa? ecdsa))
        {
            ecdsa = ECDsa.Create();
            try
            {
                ecdsa.ImportSubjectPublicKeyInfo(_subjectPublicKeyInfo, out int read);
                if (read != _subjectPublicKeyInfo.Length)
                {
                    ecdsa.Dispose();
                    return false;
                }
            }
            catch (CryptographicException)
            {
                ecdsa.Dispose();
                return false;
            }
        }

        try
        {
            return ecdsa.VerifyData(data, signature, hash, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (CryptographicException)
        {
            return false;
        }
        finally
        {
            _pool.Add(ecdsa);
        }
    }
}
