// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Parameters;

namespace V2gPki.Ocsp.Tests.Support;

/// <summary>An in-process ECDSA signer: only for these pure codec tests (production signs in the HSM).</summary>
internal sealed class EcdsaOcspSigner(ECDsa key, HashAlgorithmName hash, byte[] algorithmIdentifier) : IOcspSigner
{
    public ReadOnlySpan<byte> SignatureAlgorithm => algorithmIdentifier;

    public int MaxSignatureLength => key.GetMaxSignatureSize(DSASignatureFormat.Rfc3279DerSequence);

    public int SignCount { get; private set; }

    public bool TrySign(ReadOnlySpan<byte> data, Span<byte> destination, out int bytesWritten)
    {
        SignCount++;
        return key.TrySignData(data, destination, hash, DSASignatureFormat.Rfc3279DerSequence, out bytesWritten);
    }
}

/// <summary>An in-process Ed448 signer through BouncyCastle (.NET has no Ed448): codec tests only.</summary>
internal sealed class Ed448OcspSigner(Ed448PrivateKeyParameters key) : IOcspSigner
{
    private static readonly byte[] AlgorithmIdentifier = OcspSignatureAlgorithms.Ed448.ToArray();

    public ReadOnlySpan<byte> SignatureAlgorithm => AlgorithmIdentifier;

    public int MaxSignatureLength => Ed448PrivateKeyParameters.SignatureSize;

    public bool TrySign(ReadOnlySpan<byte> data, Span<byte> destination, out int bytesWritten)
    {
        if (destination.Length < Ed448PrivateKeyParameters.SignatureSize)
        {
            bytesWritten = 0;
            return false;
        }

        var signer = new Org.BouncyCastle.Crypto.Signers.Ed448Signer([]);
        signer.Init(true, key);
        signer.BlockUpdate(data.ToArray(), 0, data.Length);
        var signature = signer.GenerateSignature();
        signature.CopyTo(destination);
        bytesWritten = signature.Length;
        return true;
    }
}
