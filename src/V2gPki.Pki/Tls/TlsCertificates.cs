// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Net;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Math;
using V2gPki.Pki.Certificates;
using V2gPki.Pki.Issuance;
using V2gPki.Pki.Profiles;
using V2gPki.Pki.Signing;

namespace V2gPki.Pki.Tls;

/// <summary>
/// Certificates for the TLS of our own HTTPS listeners (the EST listener's server certificate and its root), outside
/// the ISO 15118 hierarchy: a self-signed root whose key signs in the HSM like every CA key (docs/architecture.md §4
/// invariant 1), and end-entity certificates for TLS keys (a TLS server key is a file with mode 0600, as for any TLS
/// server). The signature over the exact TBS bytes is verified before a certificate is returned.
/// </summary>
public static class TlsCertificates
{
    /// <summary>Creates a self-signed root for a listener's TLS.</summary>
    /// <param name="rootKey">The root's key in the HSM.</param>
    /// <param name="subject">The root's subject, e.g. <c>CN=V2gPki Demo EST TLS Root, O=V2gPki Demo, C=DE</c>.</param>
    /// <param name="notBefore">Start of validity.</param>
    /// <param name="notAfter">End of validity.</param>
    /// <returns>The DER certificate.</returns>
    /// <exception cref="InvalidOperationException">The signature the HSM made does not verify.</exception>
    public static byte[] CreateRoot(ICertificateSigner rootKey, string subject, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        ArgumentNullException.ThrowIfNull(rootKey);
        var name = new X509Name(subject);
        var spki = SubjectPublicKeyInfo.GetInstance(Asn1Object.FromByteArray(rootKey.SubjectPublicKeyInfo.ToArray()));
        var keyId = KeyIdentifiers.Compute(spki);
        var extensions = new X509ExtensionsGenerator();
        extensions.AddExtension(X509Extensions.BasicConstraints, true, new BasicConstraints(0));
        extensions.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage(KeyUsage.KeyCertSign | KeyUsage.CrlSign));
        extensions.AddExtension(X509Extensions.SubjectKeyIdentifier, false, new SubjectKeyIdentifier(keyId));
        return Sign(rootKey, rootKey.SubjectPublicKeyInfo.Span, name, name, spki, extensions, notBefore, notAfter);
    }

    /// <summary>Issues a TLS end-entity certificate for a key the caller holds, signed by a root this class created.</summary>
    /// <param name="rootKey">The root's key in the HSM.</param>
    /// <param name="rootCertificate">The root's DER certificate.</param>
    /// <param name="subjectPublicKeyInfo">The TLS key's DER SubjectPublicKeyInfo.</param>
    /// <param name="subject">The subject, e.g. <c>CN=127.0.0.1, O=V2gPki Demo, C=DE</c>.</param>
    /// <param name="client">Whether it is a client certificate (clientAuth) rather than a server one (serverAuth).</param>
    /// <param name="dnsNames">DNS names for the subjectAltName.</param>
    /// <param name="ipAddresses">IP addresses for the subjectAltName.</param>
    /// <param name="notBefore">Start of validity.</param>
    /// <param name="notAfter">End of validity (capped at the root's).</param>
    /// <returns>The DER certificate.</returns>
    /// <exception cref="ArgumentException">The root certificate does not parse.</exception>
    /// <exception cref="InvalidOperationException">The signature the HSM made does not verify.</exception>
    public static byte[] Issue(ICertificateSigner rootKey, ReadOnlyMemory<byte> rootCertificate, ReadOnlySpan<byte> subjectPublicKeyInfo, string subject,
        bool client, IReadOnlyList<string> dnsNames, IReadOnlyList<IPAddress> ipAddresses, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        ArgumentNullException.ThrowIfNull(rootKey);
        ArgumentNullException.ThrowIfNull(dnsNames);
        ArgumentNullException.ThrowIfNull(ipAddresses);
        var root = CertificateInfo.Parse(rootCertificate);
        var issuerName = X509Name.GetInstance(Asn1Object.FromByteArray(root.SubjectName));
        var spki = SubjectPublicKeyInfo.GetInstance(Asn1Object.FromByteArray(subjectPublicKeyInfo.ToArray()));
        var extensions = new X509ExtensionsGenerator();
        extensions.AddExtension(X509Extensions.BasicConstraints, true, new BasicConstraints(false));
        extensions.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage(KeyUsage.DigitalSignature));
        extensions.AddExtension(X509Extensions.ExtendedKeyUsage, false, new ExtendedKeyUsage(new KeyPurposeID[] { client ? KeyPurposeID.id_kp_clientAuth : KeyPurposeID.id_kp_serverAuth }));
        var names = new List<GeneralName>();
        foreach (var dns in dnsNames)
        {
            names.Add(new GeneralName(GeneralName.DnsName, dns));
        }

        foreach (var ip in ipAddresses)
        {
            names.Add(new GeneralName(GeneralName.IPAddress, ip.ToString()));
        }

        if (names.Count > 0)
        {
            extensions.AddExtension(X509Extensions.SubjectAlternativeName, false, new GeneralNames(names.ToArray()));
        }

        extensions.AddExtension(X509Extensions.SubjectKeyIdentifier, false, new SubjectKeyIdentifier(KeyIdentifiers.Compute(spki)));
        extensions.AddExtension(X509Extensions.AuthorityKeyIdentifier, false, new AuthorityKeyIdentifier(KeyIdentifiers.Compute(root.SubjectPublicKey)));
        var end = notAfter < root.NotAfter ? notAfter : root.NotAfter;
        return Sign(rootKey, root.SubjectPublicKeyInfo, issuerName, new X509Name(subject), spki, extensions, notBefore, end);
    }

    private static byte[] Sign(ICertificateSigner signer, ReadOnlySpan<byte> issuerPublicKeyInfo, X509Name issuer, X509Name subject, SubjectPublicKeyInfo spki,
        X509ExtensionsGenerator extensions, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        var generator = new V3TbsCertificateGenerator();
        generator.SetSerialNumber(new DerInteger(new BigInteger(1, SerialNumberGenerator.Next())));
        generator.SetSignature(AlgorithmIdentifier.GetInstance(Asn1Object.FromByteArray(signer.AlgorithmIdentifier.ToArray())));
        generator.SetIssuer(issuer);
        generator.SetStartDate(new Time(notBefore.UtcDateTime));
        generator.SetEndDate(new Time(notAfter.UtcDateTime));
        generator.SetSubject(subject);
        generator.SetSubjectPublicKeyInfo(spki);
        generator.SetExtensions(extensions.Generate());

        // The TBS is encoded once; these bytes are signed and embedded verbatim.
        var tbs = generator.GenerateTbsCertificate().GetEncoded(Asn1Encodable.Der);
        var signature = signer.Sign(tbs);
        using var verifier = new SignatureVerifier(issuerPublicKeyInfo);
        if (!verifier.Verify(signer.Algorithm, tbs, signature))
        {
            throw new InvalidOperationException($"the TLS certificate signature made by {signer.Description} does not verify");
        }

        return SignedStructure.Assemble(tbs, signer.AlgorithmIdentifier.Span, signature);
    }
}
