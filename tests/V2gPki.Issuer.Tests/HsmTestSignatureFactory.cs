// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using V2gPki.Hsm;

namespace V2gPki.Issuer.Tests;

/// <summary>
/// Test-only BouncyCastle signature factory over an HSM key, for fixture CA and signer certificates until V2gPki.Pki's
/// HSM-backed factory lands. The key stays in SoftHSM2.
/// </summary>
internal sealed class HsmTestSignatureFactory(HsmSigner signer) : ISignatureFactory
{
    public object AlgorithmDetails { get; } = AlgorithmIdentifier.GetInstance(Asn1Object.FromByteArray(signer.AlgorithmIdentifier.ToArray()));

    public IStreamCalculator<IBlockResult> CreateCalculator() => new Calculator(signer);

    private sealed class Calculator(HsmSigner signer) : IStreamCalculator<IBlockResult>
    {
        private readonly MemoryStream _buffer = new();

        public Stream Stream => _buffer;

        public IBlockResult GetResult() => new SimpleBlockResult(signer.Sign(_buffer.ToArray()));
    }
}
