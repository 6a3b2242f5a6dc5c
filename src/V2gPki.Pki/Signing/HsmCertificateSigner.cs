// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Hsm;
using V2gPki.Pki.Profiles;

namespace V2gPki.Pki.Signing;

/// <summary>
/// An <see cref="ICertificateSigner"/> over an <see cref="HsmSigner"/>: signs on the token's priority lane (issuance and
/// CRLs must not wait behind bulk OCSP re-signing). The private key stays on the token (docs/architecture.md §4
/// invariant 1).
/// </summary>
public sealed class HsmCertificateSigner : ICertificateSigner
{
    private readonly HsmSigner _signer;

    /// <summary>Wraps an HSM signer.</summary>
    /// <param name="signer">The signer (P-256 with SHA-256, P-521 with SHA-512, or Ed448).</param>
    /// <exception cref="ArgumentException">The signer's algorithm has no profile counterpart.</exception>
    public HsmCertificateSigner(HsmSigner signer)
    {
        ArgumentNullException.ThrowIfNull(signer);
        _signer = signer;
        Algorithm = signer.Algorithm switch
        {
            HsmSignatureAlgorithm.EcdsaSha256 => SignatureAlgorithm.EcdsaWithSha256,
            HsmSignatureAlgorithm.EcdsaSha384 => SignatureAlgorithm.EcdsaWithSha384,
            HsmSignatureAlgorithm.EcdsaSha512 => SignatureAlgorithm.EcdsaWithSha512,
            HsmSignatureAlgorithm.Ed448 => SignatureAlgorithm.Ed448,
            _ => throw new ArgumentException($"unsupported HSM signature algorithm {signer.Algorithm}", nameof(signer)),
        };
        Description = $"HSM key '{signer.Key.Label}' on token '{signer.Key.Token.Label}'";
    }

    /// <summary>Gets the wrapped HSM signer.</summary>
    public HsmSigner HsmSigner => _signer;

    /// <inheritdoc/>
    public SignatureAlgorithm Algorithm { get; }

    /// <inheritdoc/>
    public ReadOnlyMemory<byte> AlgorithmIdentifier => _signer.AlgorithmIdentifier;

    /// <inheritdoc/>
    public ReadOnlyMemory<byte> SubjectPublicKeyInfo => _signer.SubjectPublicKeyInfo;

    /// <inheritdoc/>
    public string Description { get; }

    /// <inheritdoc/>
    public byte[] Sign(ReadOnlySpan<byte> data) => _signer.Sign(data);
}
