// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Collections.Concurrent;
using System.Formats.Asn1;
using System.Security.Cryptography;
using V2gPki.Pki.Profiles;
using V2gPki.Pki.Signing;

namespace V2gPki.Pki.Certificates;

/// <summary>
/// Verifies signatures of one public key many times (a CA checking what its HSM key just signed, the issuing worker
/// checking a certificate against its CA, store verify checking every response): EC keys are imported into .NET's
/// <see cref="ECDsa"/> once and the instances pooled — importing costs more than verifying — while Ed448 keys go through
/// BouncyCastle, which the platform lacks. Thread-safe: each concurrent caller rents its own instance. A key of an
/// algorithm it cannot verify makes every <c>Verify</c> return <see langword="false"/>.
/// </summary>
public sealed class SignatureVerifier : IDisposable
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
    public bool Verify(SignatureAlgorithm algorithm, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        var hash = algorithm switch
        {
            SignatureAlgorithm.EcdsaWithSha256 => HashAlgorithmName.SHA256,
            SignatureAlgorithm.EcdsaWithSha384 => HashAlgorithmName.SHA384,
            SignatureAlgorithm.EcdsaWithSha512 => HashAlgorithmName.SHA512,
            _ => default,
        };
        if (hash.Name is null)
        {
            return algorithm == SignatureAlgorithm.Ed448 && SignedStructure.Verify(_subjectPublicKeyInfo, algorithm, data, signature);
        }

        if (!_pool.TryTake(out var ecdsa))
        {
            ecdsa = ECDsa.Create();
            try
            {
                ecdsa.ImportSubjectPublicKeyInfo(_subjectPublicKeyInfo, out var read);
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

    /// <summary>Checks a signature whose algorithm is given as it appears in a certificate, CRL or OCSP response.</summary>
    /// <param name="signatureAlgorithm">The DER AlgorithmIdentifier of the signature.</param>
    /// <param name="data">The signed bytes.</param>
    /// <param name="signature">The signature value (DER ECDSA-Sig-Value, or 114 raw bytes for Ed448).</param>
    /// <returns>Whether it verifies; <see langword="false"/> for an unreadable or unknown algorithm.</returns>
    public bool Verify(ReadOnlySpan<byte> signatureAlgorithm, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        var algorithm = Identify(signatureAlgorithm);
        return algorithm != SignatureAlgorithm.Unknown && Verify(algorithm, data, signature);
    }

    /// <summary>Releases the pooled platform key objects.</summary>
    public void Dispose()
    {
        while (_pool.TryTake(out var ecdsa))
        {
            ecdsa.Dispose();
        }
    }

    /// <summary>Maps a DER AlgorithmIdentifier to the algorithm by its OID (parameters are not looked at).</summary>
    private static SignatureAlgorithm Identify(ReadOnlySpan<byte> algorithmIdentifier)
    {
        try
        {
            AsnDecoder.ReadSequence(algorithmIdentifier, AsnEncodingRules.DER, out var offset, out var length, out _);
            var oid = AsnDecoder.ReadObjectIdentifier(algorithmIdentifier.Slice(offset, length), AsnEncodingRules.DER, out _);
            return oid switch
            {
                KeyAlgorithms.EcdsaWithSha256Oid => SignatureAlgorithm.EcdsaWithSha256,
                KeyAlgorithms.EcdsaWithSha384Oid => SignatureAlgorithm.EcdsaWithSha384,
                KeyAlgorithms.EcdsaWithSha512Oid => SignatureAlgorithm.EcdsaWithSha512,
                KeyAlgorithms.Ed448Oid => SignatureAlgorithm.Ed448,
                _ => SignatureAlgorithm.Unknown,
            };
        }
        catch (AsnContentException)
        {
            return SignatureAlgorithm.Unknown;
        }
    }
}
