// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using Org.BouncyCastle.X509;
using V2gPki.Pki.Profiles;

namespace V2gPki.Pki.Issuance;

/// <summary>A certificate that was signed through the HSM and verified against its issuer key.</summary>
public sealed class IssuedCertificate
{
    internal IssuedCertificate(byte[] der, byte[] serial, X509Certificate certificate, CertificateProfile profile, string commonName, CertificateValidity validity)
    {
        Der = der;
        Serial = serial;
        Certificate = certificate;
        Profile = profile;
        CommonName = commonName;
        NotBefore = validity.NotBefore;
        NotAfter = validity.NotAfter;
    }

    /// <summary>Gets the DER certificate.</summary>
    public byte[] Der { get; }

    /// <summary>Gets the serial as DER INTEGER content octets (what the store keys by).</summary>
    public byte[] Serial { get; }

    /// <summary>Gets the parsed certificate.</summary>
    public X509Certificate Certificate { get; }

    /// <summary>Gets the profile it was issued under.</summary>
    public CertificateProfile Profile { get; }

    /// <summary>Gets the subject CN (the normalised identifier for leaves with an ID type).</summary>
    public string CommonName { get; }

    /// <summary>Gets notBefore.</summary>
    public DateTimeOffset NotBefore { get; }

    /// <summary>Gets notAfter.</summary>
    public DateTimeOffset NotAfter { get; }
}
