// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Math;
using V2gPki.Pki.Issuance;
using V2gPki.Pki.Signing;
using BcCrlReason = Org.BouncyCastle.Asn1.X509.CrlReason;
using CrlReason = V2gPki.Ocsp.CrlReason;

namespace V2gPki.Pki.Crl;

/// <summary>
/// Builds a CA's CRL (RFC 5280 §5): v2, the CA's subject as issuer, thisUpdate/nextUpdate, one entry per revoked
/// certificate with its revocation date and — unless unspecified — a reasonCode extension (§5.3.1), and the CRL
/// extensions authorityKeyIdentifier (§5.2.1) and cRLNumber (§5.2.3), both non-critical. The TBSCertList is encoded once
/// and those bytes are signed with the CA key through the HSM and embedded verbatim; the CRL is parsed back and its
/// signature verified before the bytes are returned. The root's and Sub-CA 1s' CRLs list revoked CA certificates, the
/// Sub-CA 2s' CRLs revoked leaves: the builder takes whatever entries the registry holds for that issuer.
/// </summary>
public static class CrlBuilder
{
    /// <summary>Builds and signs a CRL.</summary>
    /// <param name="ca">The CA whose CRL it is; its key must be ours.</param>
    /// <param name="revoked">The revoked certificates the CA issued (serials unique).</param>
    /// <param name="thisUpdate">thisUpdate.</param>
    /// <param name="nextUpdate">nextUpdate, after thisUpdate.</param>
    /// <param name="crlNumber">The CRL number: monotonically increasing per CA (<see cref="ICrlNumberSequence"/>).</param>
    /// <returns>The DER CRL.</returns>
    /// <exception cref="InvalidOperationException">The CA is external or its certificate lacks keyUsage cRLSign.</exception>
    /// <exception cref="ArgumentException">Times out of order, a serial that is empty or repeated, or removeFromCRL (delta CRLs only).</exception>
    /// <exception cref="CryptographicException">The signed CRL did not verify with the CA key (the HSM returned a bad signature).</exception>
    /// <exception cref="V2gPki.Hsm.HsmException">The token failed to sign.</exception>
    public static byte[] Build(IssuingCa ca, IEnumerable<RevokedEntry> revoked, DateTimeOffset thisUpdate, DateTimeOffset nextUpdate, ulong crlNumber)
    {
        ArgumentNullException.ThrowIfNull(ca);
        ArgumentNullException.ThrowIfNull(revoked);
        if (ca.Signer is not ICertificateSigner signer)
        {
            throw new InvalidOperationException($"{ca.Name} is an external CA: its CRLs are signed in its own ceremony and imported");
        }

        var keyUsage = ca.Certificate.GetKeyUsage();
        if (keyUsage is not null && (keyUsage.Length <= 6 || !keyUsage[6]))
        {
            throw new InvalidOperationException($"the certificate of {ca.Name} lacks keyUsage cRLSign (RFC 5280 §4.2.1.3)");
        }

        DateTimeOffset start = Truncate(thisUpdate), end = Truncate(nextUpdate);
        if (end <= start)
        {
            throw new ArgumentException($"nextUpdate {end:O} must be after thisUpdate {start:O}", nameof(nextUpdate));
        }

        var algorithm = AlgorithmIdentifier.GetInstance(Asn1Object.FromByteArray(signer.AlgorithmIdentifier.ToArray()));
        var generator = new V2TbsCertListGenerator();
        generator.SetSignature(algorithm);
        generator.SetIssuer(ca.Subject);
        generator.SetThisUpdate(new Time(start.UtcDateTime));
        generator.SetNextUpdate(new Time(end.UtcDateTime));
        var serials = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in revoked)
        {
            generator.AddCrlEntry(Entry(entry, serials));
        }

        var extensions = new X509ExtensionsGenerator();
        extensions.AddExtension(X509Extensions.AuthorityKeyIdentifier, false, new AuthorityKeyIdentifier(ca.KeyId));
        extensions.AddExtension(X509Extensions.CrlNumber, false, new CrlNumber(new BigInteger(crlNumber.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        generator.SetExtensions(extensions.Generate());

        // Encoded once: these bytes are signed and embedded verbatim.
        var tbsDer = generator.GenerateTbsCertList().GetEncoded(Asn1Encodable.Der);
        var calculator = new HsmSignatureFactory(signer).CreateCalculator();
        calculator.Stream.Write(tbsDer);
        var signature = calculator.GetResult().Collect();
        var der = SignedStructure.Assemble(tbsDer, signer.AlgorithmIdentifier.Span, signature);

        var parsed = CertificateList.GetInstance(Asn1Object.FromByteArray(der));
        if (!parsed.TbsCertList.GetDerEncoded().AsSpan().SequenceEqual(tbsDer)
            || !ca.Verifier.Verify(signer.Algorithm, tbsDer, signature))
        {
            throw new CryptographicException($"the CRL of {ca.Name} signed by {signer.Description} does not verify with the CA's public key");
        }

        return der;
    }

    // revokedCertificates entry: SEQUENCE { userCertificate, revocationDate, crlEntryExtensions OPTIONAL } (RFC 5280 §5.1).
    private static DerSequence Entry(RevokedEntry entry, HashSet<string> serials)
    {
        var serial = entry.Serial.Span;
        if (serial.IsEmpty || !serials.Add(Convert.ToHexString(serial)))
        {
            throw new ArgumentException($"serial '{Convert.ToHexString(serial)}' is empty or listed twice", nameof(entry));
        }

        if (entry.Reason == CrlReason.RemoveFromCrl || !Enum.IsDefined(entry.Reason))
        {
            throw new ArgumentException($"reason {entry.Reason} cannot appear in a complete CRL (RFC 5280 §5.3.1)", nameof(entry));
        }

        var fields = new Asn1EncodableVector(3)
        {
            new DerInteger(new BigInteger(1, serial.ToArray())),
            new Time(Truncate(entry.RevocationDate).UtcDateTime),
        };
        if (entry.Reason != CrlReason.Unspecified)
        {
            var extensions = new X509ExtensionsGenerator();
            extensions.AddExtension(X509Extensions.ReasonCode, false, new BcCrlReason((int)entry.Reason));
            fields.Add(extensions.Generate());
        }

        return new DerSequence(fields);
    }

    private static DateTimeOffset Truncate(DateTimeOffset t) =>
        new(t.UtcTicks - (t.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
