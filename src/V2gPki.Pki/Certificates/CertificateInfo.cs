// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Formats.Asn1;

namespace V2gPki.Pki.Certificates;

/// <summary>
/// The fields of an X.509 certificate the issuing worker needs (serial, issuer and subject Names, validity, public key,
/// whether it is a CA), read with <see cref="AsnReader"/> on the cold path (registration, import, directory set-up).
/// </summary>
public sealed class CertificateInfo
{
    private CertificateInfo(byte[] der, byte[] serial, byte[] issuer, byte[] subject, byte[] spki, byte[] publicKey,
        DateTimeOffset notBefore, DateTimeOffset notAfter, bool isCa, byte[] tbs, byte[] signatureAlgorithm, byte[] signature)
    {
        Der = der;
        Serial = serial;
        IssuerName = issuer;
        SubjectName = subject;
        SubjectPublicKeyInfo = spki;
        SubjectPublicKey = publicKey;
        NotBefore = notBefore;
        NotAfter = notAfter;
        IsCa = isCa;
        TbsCertificate = tbs;
        SignatureAlgorithm = signatureAlgorithm;
        Signature = signature;
    }

    /// <summary>Gets the certificate DER.</summary>
    public byte[] Der { get; }

    /// <summary>Gets the serial number as DER INTEGER content octets.</summary>
    public byte[] Serial { get; }

    /// <summary>Gets the issuer Name, DER.</summary>
    public byte[] IssuerName { get; }

    /// <summary>Gets the subject Name, DER.</summary>
    public byte[] SubjectName { get; }

    /// <summary>Gets the SubjectPublicKeyInfo, DER.</summary>
    public byte[] SubjectPublicKeyInfo { get; }

    /// <summary>Gets the subjectPublicKey BIT STRING contents (what CertID key hashes cover).</summary>
    public byte[] SubjectPublicKey { get; }

    /// <summary>Gets notBefore.</summary>
    public DateTimeOffset NotBefore { get; }

    /// <summary>Gets notAfter.</summary>
    public DateTimeOffset NotAfter { get; }

    /// <summary>Gets whether basicConstraints says cA.</summary>
    public bool IsCa { get; }

    /// <summary>Gets the DER tbsCertificate (what the issuer signed).</summary>
    public byte[] TbsCertificate { get; }

    /// <summary>Gets the DER signatureAlgorithm AlgorithmIdentifier.</summary>
    public byte[] SignatureAlgorithm { get; }

    /// <summary>Gets the signature BIT STRING contents.</summary>
    public byte[] Signature { get; }

    /// <summary>Gets the subject's commonName, or empty.</summary>
    public string CommonName => NameReader.CommonName(SubjectName);

    /// <summary>Parses a DER certificate.</summary>
    /// <param name="der">The certificate.</param>
    /// <param name="info">The fields, or null.</param>
    /// <returns>Whether the DER is a well-formed v3 (or v1) certificate.</returns>
    public static bool TryParse(ReadOnlyMemory<byte> der, out CertificateInfo? info)
    {
        info = null;
        try
        {
            var outer = new AsnReader(der, AsnEncodingRules.DER);
            var certificate = outer.ReadSequence();
            if (outer.HasData)
            {
                return false;
            }

            var tbsEncoded = certificate.PeekEncodedValue();
            var tbs = certificate.ReadSequence();
            var signatureAlgorithm = certificate.ReadEncodedValue();
            var signature = certificate.ReadBitString(out _);
            if (certificate.HasData)
            {
                return false;
            }

            if (tbs.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 0)))
            {
                tbs.ReadEncodedValue();
            }

            var serial = tbs.ReadIntegerBytes();
            tbs.ReadEncodedValue(); // signature AlgorithmIdentifier (must equal the outer one; the verifier checks signatures)
            var issuer = tbs.ReadEncodedValue();
            var validity = tbs.ReadSequence();
            var notBefore = ReadTime(validity);
            var notAfter = ReadTime(validity);
            var subject = tbs.ReadEncodedValue();
            var spkiEncoded = tbs.PeekEncodedValue();
            var spki = tbs.ReadSequence();
            spki.ReadEncodedValue();
            var publicKey = spki.ReadBitString(out _);
            var isCa = false;
            while (tbs.HasData)
            {
                var tag = tbs.PeekTag();
                if (tag.HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 3)))
                {
                    var explicitExtensions = tbs.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 3));
                    var extensions = explicitExtensions.ReadSequence();
                    while (extensions.HasData)
                    {
                        var extension = extensions.ReadSequence();
                        var oid = extension.ReadObjectIdentifier();
                        if (extension.PeekTag().HasSameClassAndValue(Asn1Tag.Boolean))
                        {
                            extension.ReadBoolean();
                        }

                        var value = extension.ReadOctetString();
                        if (oid == "2.5.29.19")
                        {
                            var constraints = new AsnReader(value, AsnEncodingRules.DER).ReadSequence();
                            isCa = constraints.HasData && constraints.PeekTag().HasSameClassAndValue(Asn1Tag.Boolean) && constraints.ReadBoolean();
                        }
                    }
                }
                else
                {
                    tbs.ReadEncodedValue();
                }
            }

            info = new CertificateInfo(der.ToArray(), serial.ToArray(), issuer.ToArray(), subject.ToArray(), spkiEncoded.ToArray(), publicKey,
                notBefore, notAfter, isCa, tbsEncoded.ToArray(), signatureAlgorithm.ToArray(), signature);
            return true;
        }
        catch (AsnContentException)
        {
            return false;
        }
    }

    /// <summary>Parses a DER certificate, throwing on malformed input (start-up and tools).</summary>
    /// <param name="der">The certificate.</param>
    /// <returns>The fields.</returns>
    /// <exception cref="ArgumentException">Not a certificate.</exception>
    public static CertificateInfo Parse(ReadOnlyMemory<byte> der)
    {
        if (!TryParse(der, out var info))
        {
            throw new ArgumentException("Not a DER X.509 certificate.", nameof(der));
        }

        return info!;
    }

    /// <summary>Reads an X.509 Time (RFC 5280 §4.1.2.5: UTCTime or GeneralizedTime), as in a certificate or a CRL.</summary>
    /// <param name="reader">The reader positioned at the Time.</param>
    /// <returns>The instant.</returns>
    public static DateTimeOffset ReadTime(AsnReader reader)
    {
        var tag = reader.PeekTag();
        return tag.HasSameClassAndValue(Asn1Tag.UtcTime) ? reader.ReadUtcTime() : reader.ReadGeneralizedTime();
    }
}
