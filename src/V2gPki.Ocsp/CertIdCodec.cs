// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Der;

namespace V2gPki.Ocsp;

/// <summary>Reads and writes <c>CertID</c> (RFC 6960 §4.1.1), strictly: the responder looks certificates up by it.</summary>
internal static class CertIdCodec
{
    /// <summary>Reads one CertID SEQUENCE.</summary>
    /// <param name="reader">Positioned at the CertID; advanced past it on success.</param>
    /// <param name="certId">The CertID, views into the reader's data; default on failure.</param>
    /// <returns><see cref="OcspParseStatus.Ok"/> or why the CertID is refused.</returns>
    public static OcspParseStatus TryRead(scoped ref DerReader reader, out CertId certId)
    {
        certId = default;
        var der = reader.TryReadSequence(out var fields);
        if (der != DerStatus.Done)
        {
            return OcspStatusMap.FromDer(der);
        }

        // hashAlgorithm AlgorithmIdentifier: OID, then NULL or nothing (RFC 5754 §2: accept both).
        der = fields.TryReadSequence(out var algorithm);
        if (der != DerStatus.Done)
        {
            return OcspStatusMap.FromDer(der);
        }

        der = algorithm.TryReadObjectIdentifier(out var oid);
        if (der != DerStatus.Done)
        {
            return OcspStatusMap.FromDer(der);
        }

        var hashAlgorithm = OcspHashAlgorithms.FromOid(oid);
        if (hashAlgorithm == OcspHashAlgorithm.None)
        {
            return OcspParseStatus.UnsupportedHashAlgorithm;
        }

        if (algorithm.HasData)
        {
            der = algorithm.TryReadNull();
            if (der == DerStatus.UnexpectedTag)
            {
                return OcspParseStatus.UnsupportedHashAlgorithm;
            }

            if (der != DerStatus.Done)
            {
                return OcspStatusMap.FromDer(der);
            }

            if (algorithm.HasData)
            {
                return OcspParseStatus.UnexpectedStructure;
            }
        }

        der = fields.TryReadOctetString(out var nameHash);
        if (der != DerStatus.Done)
        {
            return OcspStatusMap.FromDer(der);
        }

        der = fields.TryReadOctetString(out var keyHash);
        if (der != DerStatus.Done)
        {
            return OcspStatusMap.FromDer(der);
        }

        der = fields.TryReadInteger(out var serial);
        if (der != DerStatus.Done)
        {
            return OcspStatusMap.FromDer(der);
        }

        if (fields.HasData)
        {
            return OcspParseStatus.UnexpectedStructure;
        }

        // RFC 6960 §4.1.1: hashes made with hashAlgorithm; RFC 5280 §4.1.2.2: serials at most 20 octets.
        var hashLength = OcspHashAlgorithms.GetHashLength(hashAlgorithm);
        if (nameHash.Length != hashLength || keyHash.Length != hashLength || serial.Length > CertId.MaxSerialNumberLength)
        {
            return OcspParseStatus.InvalidCertId;
        }

        certId = new CertId(hashAlgorithm, nameHash, keyHash, serial);
        return OcspParseStatus.Ok;
    }

    /// <summary>Prepends a CertID with explicit NULL hash parameters.</summary>
    /// <param name="writer">The backwards writer.</param>
    /// <param name="certId">A CertID for which <see cref="CertId.IsValid"/> holds.</param>
    public static void Write(ref DerWriter writer, scoped in CertId certId)
    {
        var mark = writer.Mark;
        writer.WriteIntegerContents(certId.SerialNumber);
        writer.WriteOctetString(certId.IssuerKeyHash);
        writer.WriteOctetString(certId.IssuerNameHash);
        writer.WriteEncoded(OcspHashAlgorithms.GetAlgorithmIdentifier(certId.HashAlgorithm));
        writer.Wrap(DerTag.Sequence, mark);
    }

    /// <summary>Throws when <paramref name="certId"/> cannot be written (a caller bug, not peer input).</summary>
    /// <param name="certId">The CertID to check.</param>
    /// <param name="paramName">The parameter to name in the exception.</param>
    public static void Validate(scoped in CertId certId, string paramName)
    {
        if (!certId.IsValid)
        {
            ThrowHelper.ThrowArgument("CertID needs a supported hash algorithm, hashes of its length and a 1-20 octet minimal serial.", paramName);
        }
    }
}
