// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;

namespace V2gPki.Pki.Signing;

/// <summary>
/// A BouncyCastle <see cref="ISignatureFactory"/> whose calculator collects the bytes written to its stream and returns
/// the signature of an <see cref="ICertificateSigner"/> (normally the HSM): BouncyCastle never sees a private key.
/// Supports ecdsa-with-SHA256/384/512 and Ed448, whichever the signer produces.
/// </summary>
public sealed class HsmSignatureFactory : ISignatureFactory
{
    private readonly AlgorithmIdentifier _algorithm;

    /// <summary>Creates a factory for a signer.</summary>
    /// <param name="signer">The signer.</param>
    public HsmSignatureFactory(ICertificateSigner signer)
    {
        Signer = signer ?? throw new ArgumentNullException(nameof(signer));
        _algorithm = Org.BouncyCastle.Asn1.X509.AlgorithmIdentifier.GetInstance(Asn1Object.FromByteArray(signer.AlgorithmIdentifier.ToArray()));
    }

    /// <summary>Gets the signer.</summary>
    public ICertificateSigner Signer { get; }

    /// <summary>Gets the signature <see cref="Org.BouncyCastle.Asn1.X509.AlgorithmIdentifier"/> (what BouncyCastle writes into the structure it signs).</summary>
    public object AlgorithmDetails => _algorithm;

    /// <summary>Creates a calculator: write the exact bytes to sign to its stream, then call <c>GetResult</c> once.</summary>
    /// <returns>The calculator.</returns>
    public IStreamCalculator<IBlockResult> CreateCalculator() => new HsmSignatureCalculator(Signer);
}
