// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using Org.BouncyCastle.X509;
using V2gPki.Hsm;
using V2gPki.Pki.Profiles;

namespace V2gPki.Pki.Hierarchy;

/// <summary>A leaf whose key is in our tokens (the CPS signing leaf): its certificate, profile, issuing CA and signer.</summary>
public sealed class OwnKeyCertificate
{
    internal OwnKeyCertificate(string name, CertificateProfile profile, Issuance.IssuingCa ca, byte[] certificateDer, X509Certificate certificate, HsmSigner signer)
    {
        Name = name;
        Profile = profile;
        Ca = ca;
        CertificateDer = certificateDer;
        Certificate = certificate;
        Signer = signer;
    }

    /// <summary>Gets the name (<c>cps</c>).</summary>
    public string Name { get; }

    /// <summary>Gets the profile.</summary>
    public CertificateProfile Profile { get; }

    /// <summary>Gets the issuing CA.</summary>
    public Issuance.IssuingCa Ca { get; }

    /// <summary>Gets the DER certificate.</summary>
    public ReadOnlyMemory<byte> CertificateDer { get; }

    /// <summary>Gets the parsed certificate.</summary>
    public X509Certificate Certificate { get; }

    /// <summary>Gets the HSM signer of the leaf key.</summary>
    public HsmSigner Signer { get; }
}
