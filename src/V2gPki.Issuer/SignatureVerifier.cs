// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Formats.Asn1;
using System.Security.Cryptography;

namespace V2gPki.Issuer;

/// <summary>
/// Verifies a signature made by one public key (ECDSA P-256/384/521 with SHA-256/384/512 through the platform, Ed448
/// through BouncyCastle, which the platform lacks). Cold path: store verify, registration checks, CRL import. Not
/// thread-safe for ECDSA (the platform key object is reused); make one per thread.
/// </summary>
public sealed class SignatureVerifier : IDisposable
{
    private const string EcdsaSha256 = "1.2.840.10045.4.3.2";
    private const string EcdsaSha384 = "1.2.840.10045.4.3.3";
    private const string EcdsaSha512 = "1.2.840.10045.4.3.4";
    private const string Ed448 = "1.3.101.113";
    private readonly ECDsa? _ecdsa;
    private readonly byte[]? _ed448PublicKey;

    /// <summary>Creates a verifier for a public key.</summary>
    /// <param name="subjectPublicKeyInfo">DER SubjectPublicKeyInfo (EC or Ed448).</param>
    /// <exception cref="ArgumentException">The key type is not supported.</exception>
    public SignatureVerifier(ReadOnlySpan<byte> subjectPublicKeyInfo)
    {
        var spki = new AsnReader(subjectPublicKeyInfo.ToArray(), AsnEncodingRules.DER).ReadSequence();
        var algorithm = spki.ReadSequence().ReadObjectIdentifier();
        if (algorithm == "1.2.840.10045.2.1")
        {
            _ecdsa = ECDsa.Create();
            _ecdsa.ImportSubjectPublicKeyInfo(subjectPublicKeyInfo, out _);
        }
        else if (algorithm == Ed448)
        {
            _ed448PublicKey = spki.ReadBitString(out _);
        }
        else
        {
            throw new ArgumentException("Unsupported public key algorithm " + algorithm + ".", nameof(subjectPublicKeyInfo));
        }
    }

    /// <summary>Verifies a signature.</summary>
    /// <param name="signatureAlgorithm">DER AlgorithmIdentifier of the signature.</param>
    /// <param name="data">The signed bytes.</param>
    /// <param name="signature">The signature value (DER ECDSA-Sig-Value, or 114 raw bytes for Ed448).</param>
    /// <returns>Whether the signature is valid for this key and algorithm.</returns>
    public bool Verify(ReadOnlySpan<byte> signatureAlgorithm, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        string oid;
        try
        {
            oid = new AsnReader(signatureAlgorithm.ToArray(), AsnEncodingRules.DER).ReadSequence().ReadObjectIdentifier();
        }
        catch (AsnContentException)
        {
            return false;
        }

        if (_ecdsa is not null)
        {
            HashAlgorithmName hash;
            switch (oid)
            {
                case EcdsaSha256: hash = HashAlgorithmName.SHA256; break;
                case EcdsaSha384: hash = HashAlgorithmName.SHA384; break;
                case EcdsaSha512: hash = HashAlgorithmName.SHA512; break;
                default: return false;
            }

            return _ecdsa.VerifyData(data, signature, hash, DSASignatureFormat.Rfc3279DerSequence);
        }

        if (oid != Ed448 || signature.Length != 114)
            return false;
        var verifier = new Org.BouncyCastle.Crypto.Signers.Ed448Signer([]);
        verifier.Init(false, new Org.BouncyCastle.Crypto.Parameters.Ed448PublicKeyParameters(_ed448PublicKey!, 0));
        var bytes = data.ToArray();
        verifier.BlockUpdate(bytes, 0, bytes.Length);
        return verifier.VerifySignature(signature.ToArray());
    }

    /// <inheritdoc />
    public void Dispose() => _ecdsa?.Dispose();
}
