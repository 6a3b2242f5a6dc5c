// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using V2gPki.Pki.Certificates;
using V2gPki.Pki.Csr;
using V2gPki.Pki.Profiles;

namespace V2gPki.Pki.Issuance;

/// <summary>
/// The certificate rules of a renewal (RFC 7030 §4.2.2 <c>simplereenroll</c>): the certificate being renewed was
/// issued by the CA asked to renew it (issuer name and signature), is an end-entity certificate inside its validity,
/// and the new certificate gets exactly its subject. Whether it is still good is the registry's answer, which the
/// caller asks (docs/architecture.md §3 EST enrollment).
/// </summary>
public static class Renewal
{
    /// <summary>Checks the presented certificate against the CA that is asked to renew it.</summary>
    /// <param name="certificateDer">The DER certificate the client authenticated with.</param>
    /// <param name="ca">The Sub-CA 2 of the branch asked at.</param>
    /// <param name="now">The time of the request.</param>
    /// <param name="certificate">The parsed certificate when it passes; otherwise null.</param>
    /// <param name="reason">Why not, for a person; empty when it passes.</param>
    /// <returns>Whether the certificate may be renewed by <paramref name="ca"/>.</returns>
    public static bool TryCheckCertificate(ReadOnlyMemory<byte> certificateDer, IssuingCa ca, DateTimeOffset now, out CertificateInfo? certificate, out string reason)
    {
        ArgumentNullException.ThrowIfNull(ca);
        certificate = null;
        if (!CertificateInfo.TryParse(certificateDer, out var info) || info is null)
        {
            reason = "the TLS client certificate does not parse as an X.509 certificate";
            return false;
        }

        // RFC 5280 §6.1.3 (a)(4) name chaining, then (a)(1) the signature under the CA's key.
        if (!info.IssuerName.AsSpan().SequenceEqual(ca.Subject.GetDerEncoded()))
        {
            reason = $"the TLS client certificate was not issued by {ca.Name}, the CA of this path";
            return false;
        }

        var algorithm = IdentifySignature(info.SignatureAlgorithm);
        if (algorithm == SignatureAlgorithm.Unknown || !ca.Verifier.Verify(algorithm, info.TbsCertificate, info.Signature))
        {
            reason = $"the TLS client certificate's signature does not verify with the key of {ca.Name}";
            return false;
        }

        if (info.IsCa)
        {
            reason = "a CA certificate is not renewed through EST";
            return false;
        }

        if (now < info.NotBefore || now > info.NotAfter)
        {
            reason = $"the TLS client certificate is not valid now (valid {info.NotBefore:u} to {info.NotAfter:u}): renew before it expires, or enroll anew";
            return false;
        }

        certificate = info;
        reason = string.Empty;
        return true;
    }

    private static SignatureAlgorithm IdentifySignature(byte[] algorithmIdentifier)
    {
        try
        {
            return KeyAlgorithms.IdentifySignature(AlgorithmIdentifier.GetInstance(Asn1Object.FromByteArray(algorithmIdentifier)));
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or InvalidCastException)
        {
            return SignatureAlgorithm.Unknown;
        }
    }

    /// <summary>
    /// Whether the certificate a CSR would get has the renewed certificate's subject, byte for byte (RFC 7030 §4.2.2:
    /// the Subject of the renewal request is identical to the certificate being renewed).
    /// </summary>
    /// <param name="current">The certificate being renewed.</param>
    /// <param name="csr">The CSR that passed the profile's rules.</param>
    /// <param name="reason">Why not; empty when they match.</param>
    /// <returns>Whether the subjects are the same.</returns>
    public static bool HasSameSubject(CertificateInfo current, ValidatedCsr csr, out string reason)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(csr);
        var next = SubjectNameBuilder.Build(csr.Profile, csr.CommonName, csr.Organization, csr.Country).GetDerEncoded();
        if (next.AsSpan().SequenceEqual(current.SubjectName))
        {
            reason = string.Empty;
            return true;
        }

        reason = string.Equals(csr.CommonName, current.CommonName, StringComparison.Ordinal)
            ? $"the CSR's subject (O, C) differs from the certificate being renewed ({current.CommonName}); a renewal keeps the subject (RFC 7030 §4.2.2)"
            : $"the CSR is for {csr.CommonName}, the certificate being renewed for {current.CommonName}; a renewal keeps the subject (RFC 7030 §4.2.2)";
        return false;
    }
}
