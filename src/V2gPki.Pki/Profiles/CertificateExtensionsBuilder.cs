// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Ocsp;
using Org.BouncyCastle.Asn1.X509;

namespace V2gPki.Pki.Profiles;

/// <summary>
/// Builds the extensions of a certificate as a pure function of its profile, the subject key and the issuer's key
/// identifier. Order: basicConstraints (critical), keyUsage (critical), extKeyUsage, id-pkix-ocsp-nocheck,
/// subjectKeyIdentifier, authorityKeyIdentifier, certificatePolicies, authorityInfoAccess, cRLDistributionPoints.
/// Nothing is taken from a CSR: the profile decides.
/// </summary>
public static class CertificateExtensionsBuilder
{
    /// <summary>Builds the extensions.</summary>
    /// <param name="profile">The profile of the certificate.</param>
    /// <param name="subjectPublicKey">The subject's public key (its algorithm decides which keyUsage bits may be written).</param>
    /// <param name="issuerKeyId">The issuer's subjectKeyIdentifier (8 bytes); <see langword="null"/> only for a self-signed root.</param>
    /// <returns>The extensions, in the order above.</returns>
    /// <exception cref="ArgumentException">The key is not allowed by the profile, or the issuer key id is missing: a bug in the caller, which must run the CSR rules first.</exception>
    public static X509Extensions Build(CertificateProfile profile, SubjectPublicKeyInfo subjectPublicKey, byte[]? issuerKeyId)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(subjectPublicKey);
        var key = KeyAlgorithms.Identify(subjectPublicKey);
        if (!profile.AllowsKey(key))
        {
            throw new ArgumentException($"profile {profile.Name} does not allow {KeyAlgorithms.Describe(key)} keys", nameof(subjectPublicKey));
        }

        if (profile.IncludeAuthorityKeyId && (issuerKeyId is null || issuerKeyId.Length == 0))
        {
            throw new ArgumentException($"profile {profile.Name} needs the issuer's key identifier", nameof(issuerKeyId));
        }

        var generator = new X509ExtensionsGenerator();
        generator.AddExtension(X509Extensions.BasicConstraints, true, BuildBasicConstraints(profile));
        generator.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage((int)profile.KeyUsageFor(key)));
        if (profile.ExtendedKeyUsages.Count > 0)
        {
            var purposes = new Asn1EncodableVector(profile.ExtendedKeyUsages.Count);
            foreach (var oid in profile.ExtendedKeyUsages)
            {
                purposes.Add(new DerObjectIdentifier(oid));
            }

            generator.AddExtension(X509Extensions.ExtendedKeyUsage, false, new DerSequence(purposes));
        }

        if (profile.OcspNoCheck)
        {
            // RFC 6960 §4.2.2.2.1: extnValue is a NULL.
            generator.AddExtension(OcspObjectIdentifiers.PkixOcspNocheck, false, DerNull.Instance);
        }

        generator.AddExtension(X509Extensions.SubjectKeyIdentifier, false, new SubjectKeyIdentifier(KeyIdentifiers.Compute(subjectPublicKey)));
        if (profile.IncludeAuthorityKeyId)
        {
            generator.AddExtension(X509Extensions.AuthorityKeyIdentifier, false, new AuthorityKeyIdentifier(issuerKeyId));
        }

        if (profile.CertificatePolicyOid is not null)
        {
            generator.AddExtension(X509Extensions.CertificatePolicies, false, BuildPolicies(profile));
        }

        if (profile.OcspUrl is not null)
        {
            var ocsp = new AccessDescription(AccessDescription.IdADOcsp, new GeneralName(GeneralName.UniformResourceIdentifier, profile.OcspUrl));
            generator.AddExtension(X509Extensions.AuthorityInfoAccess, false, new AuthorityInformationAccess(ocsp));
        }

        if (profile.CrlDistributionPointUrl is not null)
        {
            var name = new DistributionPointName(new GeneralNames(new GeneralName(GeneralName.UniformResourceIdentifier, profile.CrlDistributionPointUrl)));
            generator.AddExtension(X509Extensions.CrlDistributionPoints, false, new CrlDistPoint([new DistributionPoint(name, null, null)]));
        }

        return generator.Generate();
    }

    private static BasicConstraints BuildBasicConstraints(CertificateProfile profile)
    {
        if (!profile.IsCa)
        {
            return new BasicConstraints(false);
        }

        return profile.PathLength is int pathLength ? new BasicConstraints(pathLength) : new BasicConstraints(true);
    }

    private static CertificatePolicies BuildPolicies(CertificateProfile profile)
    {
        var oid = new DerObjectIdentifier(profile.CertificatePolicyOid!);
        var info = string.IsNullOrEmpty(profile.CertificatePolicyCpsUri)
            ? new PolicyInformation(oid)
            : new PolicyInformation(oid, new DerSequence(new PolicyQualifierInfo(profile.CertificatePolicyCpsUri)));
        return new CertificatePolicies(info);
    }
}
