// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Formats.Asn1;

namespace V2gPki.Est;

/// <summary>
/// The body of a <c>csrattrs</c> answer (RFC 7030 §4.5.2): the DER <c>CsrAttrs</c> that tells a client which key and
/// signature algorithm the CSR for this <c>{ca}</c> must use, derived from the profile by the enrollment service.
/// </summary>
/// <remarks>
/// <para>
/// <c>CsrAttrs ::= SEQUENCE SIZE (0..MAX) OF AttrOrOID</c>, <c>AttrOrOID ::= CHOICE { oid OBJECT IDENTIFIER,
/// attribute Attribute }</c>. As in the RFC 7030 §4.5.2 example, a key algorithm with parameters is an Attribute
/// whose type is the key algorithm and whose one value is the parameter (<c>id-ecPublicKey</c> with the curve OID),
/// and the signature algorithm is a bare OID. For ISO 15118-2:
/// <c>SEQUENCE { SEQUENCE { id-ecPublicKey, SET { secp256r1 } }, ecdsa-with-SHA256 }</c>.
/// </para>
/// <para>
/// Only algorithms are announced: subject and extension requirements differ per identifier and are enforced by the CSR
/// rules, which answer a wrong CSR with a reason. The result is the same for every request
/// of a profile, so compute it once and serve the bytes (<c>Content-Type: application/csrattrs</c>, base64 as for the
/// other answers, <see cref="CertsOnlyPkcs7.ToBase64Lines"/>).
/// </para>
/// </remarks>
public static class CsrAttributes
{
    /// <summary>Encodes the algorithm requirements of a profile.</summary>
    /// <param name="keyAlgorithmOid">The subject key algorithm, dotted (e.g. <c>1.2.840.10045.2.1</c>, id-ecPublicKey).</param>
    /// <param name="curveOid">
    /// The named curve of an EC key, dotted (e.g. <c>1.2.840.10045.3.1.7</c>, secp256r1): written as the value of a key
    /// algorithm Attribute; <see langword="null"/> for an algorithm without parameters (Ed448), written as a bare OID.
    /// </param>
    /// <param name="signatureAlgorithmOid">The CSR's signature algorithm, dotted (e.g. <c>1.2.840.10045.4.3.2</c>, ecdsa-with-SHA256).</param>
    /// <returns>The DER <c>CsrAttrs</c>.</returns>
    /// <exception cref="ArgumentNullException">A required OID is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An OID is not a valid dotted object identifier.</exception>
    public static byte[] Encode(string keyAlgorithmOid, string? curveOid, string signatureAlgorithmOid)
    {
        ArgumentNullException.ThrowIfNull(keyAlgorithmOid);
        ArgumentNullException.ThrowIfNull(signatureAlgorithmOid);
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            if (curveOid is null)
            {
                writer.WriteObjectIdentifier(keyAlgorithmOid);
            }
            else
            {
                // Attribute ::= SEQUENCE { type, values SET SIZE (1..MAX) OF value } (RFC 7030 §4.5.2, RFC 5912).
                using (writer.PushSequence())
                {
                    writer.WriteObjectIdentifier(keyAlgorithmOid);
                    using (writer.PushSetOf())
                    {
                        writer.WriteObjectIdentifier(curveOid);
                    }
                }
            }

            writer.WriteObjectIdentifier(signatureAlgorithmOid);
        }

        return writer.Encode();
    }
}
