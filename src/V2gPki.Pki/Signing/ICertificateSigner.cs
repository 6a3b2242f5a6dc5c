// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Pki.Profiles;

namespace V2gPki.Pki.Signing;

/// <summary>
/// A key that signs certificates, CRLs and CSRs for the PKI: in production an HSM key (<see cref="HsmCertificateSigner"/>),
/// whose private half never leaves the token. The narrow interface lets callers wrap a signer (metrics, the tests'
/// counting wrapper) without touching the HSM module.
/// </summary>
public interface ICertificateSigner
{
    /// <summary>Gets the signature algorithm the signer produces.</summary>
    SignatureAlgorithm Algorithm { get; }

    /// <summary>Gets the DER <c>AlgorithmIdentifier</c> of <see cref="Algorithm"/> (parameters absent, RFC 5758 §3.2 / RFC 8410 §3).</summary>
    ReadOnlyMemory<byte> AlgorithmIdentifier { get; }

    /// <summary>Gets the signer's public key as DER <c>SubjectPublicKeyInfo</c>.</summary>
    ReadOnlyMemory<byte> SubjectPublicKeyInfo { get; }

    /// <summary>Gets a short description of the key for messages (token and label; never a PIN).</summary>
    string Description { get; }

    /// <summary>Signs exactly <paramref name="data"/>.</summary>
    /// <param name="data">The bytes to sign (a DER TBSCertificate, TBSCertList or CertificationRequestInfo).</param>
    /// <returns>The signature value: a DER <c>ECDSA-Sig-Value</c>, or the raw 114 bytes of an Ed448 signature.</returns>
    /// <exception cref="V2gPki.Hsm.HsmException">The token failed to sign.</exception>
    byte[] Sign(ReadOnlySpan<byte> data);
}
