// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.X509;
using V2gPki.Pki.Profiles;
using V2gPki.Pki.Signing;

namespace V2gPki.Pki.Hierarchy;

/// <summary>Checks between a certificate and its issuer (RFC 5280 §6.1.3 (a)(1) signature and (a)(4) name chaining, plus key identifiers).</summary>
public static class CertificateChecks
{
    /// <summary>Whether the certificate's issuer DN is the issuer's subject and its signature verifies with the issuer's key.</summary>
    /// <param name="certificate">The certificate.</param>
    /// <param name="issuer">The issuer certificate (the certificate itself for a self-signed root).</param>
    /// <returns>Whether both hold.</returns>
    public static bool IsSignedBy(X509Certificate certificate, X509Certificate issuer)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(issuer);
        var structure = certificate.CertificateStructure;
        if (!structure.Issuer.GetDerEncoded().AsSpan().SequenceEqual(issuer.CertificateStructure.Subject.GetDerEncoded()))
        {
            return false;
        }

        var algorithm = KeyAlgorithms.IdentifySignature(structure.SignatureAlgorithm);
        if (algorithm == SignatureAlgorithm.Unknown || !structure.SignatureAlgorithm.Equals(structure.TbsCertificate.Signature))
        {
            return false;
        }

        return SignedStructure.Verify(issuer.CertificateStructure.SubjectPublicKeyInfo.GetDerEncoded(), algorithm, structure.TbsCertificate.GetDerEncoded(), structure.Signature.GetOctets());
    }

    /// <summary>The subjectKeyIdentifier of a certificate.</summary>
    /// <param name="certificate">The certificate.</param>
    /// <returns>The key identifier, or <see langword="null"/> when absent.</returns>
    public static byte[]? SubjectKeyId(X509Certificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var value = certificate.GetExtensionValue(X509Extensions.SubjectKeyIdentifier);
        return value is null ? null : SubjectKeyIdentifier.GetInstance(Asn1Object.FromByteArray(value.GetOctets())).GetKeyIdentifier();
    }

    /// <summary>The keyIdentifier of a certificate's authorityKeyIdentifier.</summary>
    /// <param name="certificate">The certificate.</param>
    /// <returns>The key identifier, or <see langword="null"/> when absent.</returns>
    public static byte[]? AuthorityKeyId(X509Certificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var value = certificate.GetExtensionValue(X509Extensions.AuthorityKeyIdentifier);
        return value is null ? null : AuthorityKeyIdentifier.GetInstance(Asn1Object.FromByteArray(value.GetOctets())).KeyIdentifier?.GetOctets();
    }

    /// <summary>Whether a certificate carries an extended key usage purpose.</summary>
    /// <param name="certificate">The certificate.</param>
    /// <param name="purposeOid">The purpose OID.</param>
    /// <returns>Whether the purpose is listed.</returns>
    public static bool HasExtendedKeyUsage(X509Certificate certificate, string purposeOid)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        foreach (var purpose in certificate.GetExtendedKeyUsage() ?? [])
        {
            if (string.Equals(purpose.Id, purposeOid, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
