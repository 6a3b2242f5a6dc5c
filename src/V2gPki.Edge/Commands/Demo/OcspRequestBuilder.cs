// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Formats.Asn1;
using V2gPki.Ocsp;

namespace V2gPki.Edge.Commands.Demo;

/// <summary>
/// Builds DER <c>OCSPRequest</c>s (RFC 6960 §4.1.1) for the demo's ready-made request files and the commands it prints:
/// one CertID of a chosen hash algorithm, optionally a nonce (RFC 9654). Cold path (System.Formats.Asn1).
/// </summary>
internal static class OcspRequestBuilder
{
    /// <summary>The nonce extension OID, id-pkix-ocsp-nonce (RFC 6960 §4.4.1).</summary>
    private const string NonceOid = "1.3.6.1.5.5.7.48.1.2";

    /// <summary>A request for one certificate.</summary>
    /// <param name="algorithm">The CertID hash algorithm.</param>
    /// <param name="issuerCertificate">The issuing CA's certificate (DER), whose name and key are hashed.</param>
    /// <param name="serial">The serial as DER INTEGER content octets (two's complement, minimal).</param>
    /// <param name="nonce">A nonce, or null.</param>
    /// <returns>The DER request.</returns>
    public static byte[] ForCertificate(OcspHashAlgorithm algorithm, ReadOnlySpan<byte> issuerCertificate, ReadOnlySpan<byte> serial, byte[]? nonce = null)
    {
        var hashes = IssuerHashes.Compute(algorithm, issuerCertificate);
        return Build(algorithm, hashes.NameHash.Span, hashes.KeyHash.Span, serial, nonce);
    }

    /// <summary>A request with explicit CertID hashes (e.g. an issuer nobody serves).</summary>
    /// <param name="algorithm">The hash algorithm.</param>
    /// <param name="issuerNameHash">issuerNameHash.</param>
    /// <param name="issuerKeyHash">issuerKeyHash.</param>
    /// <param name="serial">The serial as DER INTEGER content octets (two's complement, minimal).</param>
    /// <param name="nonce">A nonce, or null.</param>
    /// <returns>The DER request.</returns>
    public static byte[] Build(OcspHashAlgorithm algorithm, ReadOnlySpan<byte> issuerNameHash, ReadOnlySpan<byte> issuerKeyHash, ReadOnlySpan<byte> serial, byte[]? nonce)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            // TBSRequest
            using (writer.PushSequence())
            {
                // requestList: one Request { CertID }
                using (writer.PushSequence())
                using (writer.PushSequence())
                using (writer.PushSequence())
                {
                    writer.WriteEncodedValue(OcspHashAlgorithms.GetAlgorithmIdentifier(algorithm));
                    writer.WriteOctetString(issuerNameHash);
                    writer.WriteOctetString(issuerKeyHash);
                    writer.WriteInteger(serial);
                }

                if (nonce is not null)
                {
                    // requestExtensions [2] EXPLICIT Extensions { nonce: extnValue OCTET STRING { OCTET STRING nonce } }
                    using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 2)))
                    using (writer.PushSequence())
                    using (writer.PushSequence())
                    {
                        writer.WriteObjectIdentifier(NonceOid);
                        var inner = new AsnWriter(AsnEncodingRules.DER);
                        inner.WriteOctetString(nonce);
                        writer.WriteOctetString(inner.Encode());
                    }
                }
            }
        }

        return writer.Encode();
    }
}
