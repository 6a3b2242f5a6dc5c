// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Hsm;
using V2gPki.Ocsp;
using V2gPki.Pki.Certificates;
using V2gPki.Pki.Signing;

namespace V2gPki.Issuer.Signers;

/// <summary>
/// A delegated OCSP signer of one CA (docs/architecture.md §3): its certificate (spliced into every response it
/// signed), the byKey ResponderID, and the HSM key that signs. The key lives in the online token even for offline CAs.
/// </summary>
public sealed class DelegatedSigner
{
    private readonly byte[] _keyHash;

    /// <summary>Creates a signer entry.</summary>
    /// <param name="id">The signer id recorded with every response it signs (stable; see <see cref="SignerCatalog"/>).</param>
    /// <param name="caName">The CA whose responses it signs.</param>
    /// <param name="keyLabel">The HSM key label.</param>
    /// <param name="certificate">The signer certificate.</param>
    /// <param name="signer">The HSM signer, or null when the key is not available (old responses still splice the certificate).</param>
    /// <exception cref="ArgumentException">The signer's public key is not the certificate's.</exception>
    public DelegatedSigner(ushort id, string caName, string keyLabel, CertificateInfo certificate, HsmSigner? signer)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(caName);
        if (id == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(id), "Signer id 0 is reserved.");
        }

        if (signer is not null && !signer.SubjectPublicKeyInfo.Span.SequenceEqual(certificate.SubjectPublicKeyInfo))
        {
            throw new ArgumentException($"The HSM key '{keyLabel}' is not the key certified for signer {id} of {caName}.", nameof(signer));
        }

        Id = id;
        CaName = caName;
        KeyLabel = keyLabel;
        Certificate = certificate;
        Signer = signer;
        _keyHash = new byte[ResponderId.KeyHashLength];
        if (!ResponderId.TryComputeKeyHash(certificate.Der, _keyHash))
        {
            throw new ArgumentException("Unreadable signer certificate.", nameof(certificate));
        }

        OcspSigner = signer is null ? null : new HsmOcspSigner(signer);
    }

    /// <summary>Gets the signer id.</summary>
    public ushort Id { get; }

    /// <summary>Gets the name of the CA whose responses it signs.</summary>
    public string CaName { get; }

    /// <summary>Gets the HSM key label.</summary>
    public string KeyLabel { get; }

    /// <summary>Gets the signer certificate.</summary>
    public CertificateInfo Certificate { get; }

    /// <summary>Gets the signer certificate DER (what the host splices into the response).</summary>
    public ReadOnlyMemory<byte> CertificateDer => Certificate.Der;

    /// <summary>Gets the SHA-1 hash of the signer's public key (ResponderID byKey).</summary>
    public ReadOnlySpan<byte> KeyHash => _keyHash;

    /// <summary>Gets the HSM signer, or null when the key is not available.</summary>
    public HsmSigner? Signer { get; }

    /// <summary>Gets the signer as an <see cref="IOcspSigner"/> on the priority lane, or null.</summary>
    internal HsmOcspSigner? OcspSigner { get; }

    /// <summary>Gets notBefore of the signer certificate.</summary>
    public DateTimeOffset NotBefore => Certificate.NotBefore;

    /// <summary>Gets notAfter of the signer certificate: no response it signs may have a later nextUpdate.</summary>
    public DateTimeOffset NotAfter => Certificate.NotAfter;

    /// <inheritdoc />
    public override string ToString() => $"signer {Id} of {CaName} ({KeyLabel}, until {NotAfter:u})";
}
