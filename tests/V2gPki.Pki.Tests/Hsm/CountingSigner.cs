// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Pki.Profiles;
using V2gPki.Pki.Signing;

namespace V2gPki.Pki.Tests.Hsm;

/// <summary>Wraps a real (HSM) signer, counts its signatures and can corrupt them.</summary>
internal sealed class CountingSigner(ICertificateSigner inner, bool corrupt = false) : ICertificateSigner
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public SignatureAlgorithm Algorithm => inner.Algorithm;

    public ReadOnlyMemory<byte> AlgorithmIdentifier => inner.AlgorithmIdentifier;

    public ReadOnlyMemory<byte> SubjectPublicKeyInfo => inner.SubjectPublicKeyInfo;

    public string Description => "counting " + inner.Description;

    public byte[] Sign(ReadOnlySpan<byte> data)
    {
        Interlocked.Increment(ref _count);
        var signature = inner.Sign(data);
        if (corrupt)
        {
            signature[^1] ^= 0x01;
        }

        return signature;
    }
}
