// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using V2gPki.Pki.Certificates;
using V2gPki.Pki.Profiles;
using V2gPki.Pki.Signing;

namespace V2gPki.Pki.Issuance;

/// <summary>
/// A CA as issuance sees it: its certificate (whose subject becomes the issuer DN, whose key identifier becomes the
/// AKI and whose notAfter caps every validity), the profile it was issued under, and the key that signs for it. An
/// external CA (an imported V2G root or Sub-CA 1) has no signer: it anchors chains but issues nothing here.
/// </summary>
public sealed class IssuingCa
{
    private readonly byte[] _certificateDer;

    /// <summary>Creates an issuing CA.</summary>
    /// <param name="name">The docs/architecture.md §2 name (<c>cpo-sub2</c>, …).</param>
    /// <param name="profile">The CA's own profile (decides which kinds it issues: profiles whose <see cref="CertificateProfile.IssuerKind"/> is its kind).</param>
    /// <param name="certificateDer">The CA's DER certificate.</param>
    /// <param name="signer">The CA key's signer; <see langword="null"/> for an external CA whose key is not ours.</param>
    /// <param name="issuerId">The stable small id of the CA in the store (0 when not assigned).</param>
    /// <exception cref="ArgumentException">The certificate does not parse, is not a CA certificate, or the signer's public key is not the certificate's.</exception>
    public IssuingCa(string name, CertificateProfile profile, ReadOnlyMemory<byte> certificateDer, ICertificateSigner? signer, ushort issuerId = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(profile);
        Name = name;
        Profile = profile;
        IssuerId = issuerId;
        Signer = signer;
        _certificateDer = certificateDer.ToArray();
        try
        {
            Certificate = new X509Certificate(_certificateDer);
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidCastException or Org.BouncyCastle.Security.Certificates.CertificateException)
        {
            throw new ArgumentException($"the certificate of {name} does not parse: {e.Message}", nameof(certificateDer), e);
        }

        if (Certificate.GetBasicConstraints() < 0)
        {
            throw new ArgumentException($"the certificate of {name} is not a CA certificate (basicConstraints cA is not true)", nameof(certificateDer));
        }

        var spki = Certificate.CertificateStructure.SubjectPublicKeyInfo;
        if (signer is not null && !signer.SubjectPublicKeyInfo.Span.SequenceEqual(spki.GetDerEncoded()))
        {
            throw new ArgumentException($"the public key of {signer.Description} is not the key certified for {name}", nameof(signer));
        }

        SubjectPublicKeyInfo = spki.GetDerEncoded();
        Verifier = new SignatureVerifier(SubjectPublicKeyInfo);
        Subject = Certificate.SubjectDN;
        KeyAlgorithm = KeyAlgorithms.Identify(spki);
        PublicKey = PublicKeyFactory.CreateKey(spki);
        KeyId = Hierarchy.CertificateChecks.SubjectKeyId(Certificate) ?? KeyIdentifiers.Compute(spki);
        NotBefore = new DateTimeOffset(DateTime.SpecifyKind(Certificate.NotBefore, DateTimeKind.Utc));
        NotAfter = new DateTimeOffset(DateTime.SpecifyKind(Certificate.NotAfter, DateTimeKind.Utc));
    }

    /// <summary>Gets the docs/architecture.md §2 name.</summary>
    public string Name { get; }

    /// <summary>Gets the CA's own profile.</summary>
    public CertificateProfile Profile { get; }

    /// <summary>Gets the CA's kind.</summary>
    public CertificateKind Kind => Profile.Kind;

    /// <summary>Gets the stable small issuer id the store keys by (0 when not assigned).</summary>
    public ushort IssuerId { get; }

    /// <summary>Gets the signer of the CA key; <see langword="null"/> for an external CA.</summary>
    public ICertificateSigner? Signer { get; }

    /// <summary>Gets a value indicating whether this CA's key is ours and can sign.</summary>
    public bool CanSign => Signer is not null;

    /// <summary>Gets the DER certificate.</summary>
    public ReadOnlyMemory<byte> CertificateDer => _certificateDer;

    /// <summary>Gets the parsed certificate.</summary>
    public X509Certificate Certificate { get; }

    /// <summary>Gets the CA's subject, the issuer DN of what it issues.</summary>
    public X509Name Subject { get; }

    /// <summary>Gets the CA's key identifier (its subjectKeyIdentifier, or the 8-byte method (2) value when the certificate has none): the AKI of what it issues.</summary>
    public byte[] KeyId { get; }

    /// <summary>Gets the CA key's algorithm.</summary>
    public KeyAlgorithm KeyAlgorithm { get; }

    /// <summary>Gets the CA's public key as DER SubjectPublicKeyInfo.</summary>
    public byte[] SubjectPublicKeyInfo { get; }

    /// <summary>Gets a verifier of the CA key's signatures (checks what the HSM signed before it is returned).</summary>
    public SignatureVerifier Verifier { get; }

    /// <summary>Gets the CA's public key (to verify what it signed).</summary>
    public AsymmetricKeyParameter PublicKey { get; }

    /// <summary>Gets the CA certificate's notBefore.</summary>
    public DateTimeOffset NotBefore { get; }

    /// <summary>Gets the CA certificate's notAfter (caps every validity it issues).</summary>
    public DateTimeOffset NotAfter { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Subject})";
}
