// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Der;

namespace V2gPki.Ocsp;

/// <summary>
/// Reads an <c>OCSPResponse</c> or a stored signed part (RFC 6960 §4.2.1) strictly, for tests, tooling and store
/// checks. Never throws on input. Signatures are not verified here.
/// </summary>
public static partial class OcspResponseReader
{
    private const byte ExplicitTag0 = 0xA0;
    private const byte ExplicitTag1 = 0xA1;
    private const byte ExplicitTag2 = 0xA2;

    /// <summary>Reads a DER OCSPResponse.</summary>
    /// <param name="response">The whole response.</param>
    /// <param name="info">Its fields (views into <paramref name="response"/>); default on failure.</param>
    /// <returns><see cref="OcspParseStatus.Ok"/> or why the response is malformed.</returns>
    public static OcspParseStatus TryRead(ReadOnlySpan<byte> response, out OcspResponseInfo info)
    {
        info = default;
        var outer = new DerReader(response);
        var der = outer.TryReadSequence(out var ocspResponse);
        if (der != DerStatus.Done)
        {
            return OcspStatusMap.FromDer(der);
        }

        if (outer.HasData)
        {
            return OcspParseStatus.TrailingData;
        }

        der = ocspResponse.TryReadEnumerated(out var statusValue);
        if (der != DerStatus.Done)
        {
            return der == DerStatus.IntegerOverflow ? OcspParseStatus.InvalidResponseStatus : OcspStatusMap.FromDer(der);
        }

        var status = (OcspResponseStatus)statusValue;
        if (statusValue < 0 || statusValue > 6 || statusValue == 4)
        {
            return OcspParseStatus.InvalidResponseStatus;
        }

        if (status != OcspResponseStatus.Successful)
        {
            // RFC 6960 §2.3: error responses carry no responseBytes.
            if (ocspResponse.HasData)
            {
                return OcspParseStatus.UnexpectedStructure;
            }

            info = new OcspResponseInfo { ResponseStatus = status };
            return OcspParseStatus.Ok;
        }

        if (!ocspResponse.HasData)
        {
            return OcspParseStatus.InvalidResponseStatus;
        }

        // responseBytes [0] EXPLICIT ResponseBytes { responseType OID, response OCTET STRING }.
        der = TryReadExplicitSequence(ref ocspResponse, 0, out var responseBytes);
        ReadOnlySpan<byte> responseType = default;
        if (der == DerStatus.Done)
        {
            der = responseBytes.TryReadObjectIdentifier(out responseType);
        }

        if (der != DerStatus.Done)
        {
            return OcspStatusMap.FromDer(der);
        }

        if (!responseType.SequenceEqual(Oids.OcspBasic))
        {
            return OcspParseStatus.UnsupportedResponseType;
        }

        der = responseBytes.TryReadEncapsulated(DerTag.OctetString, out var octets);
        if (der == DerStatus.Done)
        {
            der = responseBytes.TryReadEnd();
        }

        if (der == DerStatus.Done)
        {
            der = ocspResponse.TryReadEnd();
        }

        if (der != DerStatus.Done)
        {
            return OcspStatusMap.FromDer(der);
        }

        var basicEncoded = octets.RemainingData;
        der = octets.TryReadSequence(out var basic);
        if (der == DerStatus.Done)
        {
            der = octets.TryReadEnd();
        }

        if (der != DerStatus.Done)
        {
            return OcspStatusMap.FromDer(der);
        }

        return ReadBasicContents(ref basic, basicEncoded, allowCertificates: true, out info);
    }

    /// <summary>Reads a signed part (<see cref="SignedResponsePart"/>) with the same checks as a full response.</summary>
    /// <param name="signedPart">The stored blob.</param>
    /// <param name="info">Its fields (<see cref="OcspResponseInfo.ResponseStatus"/> successful, no certificates); default on failure.</param>
    /// <returns><see cref="OcspParseStatus.Ok"/> or why the blob is malformed.</returns>
    public static OcspParseStatus TryReadSignedPart(ReadOnlySpan<byte> signedPart, out OcspResponseInfo info)
    {
        var reader = new DerReader(signedPart, DerReader.DefaultMaxDepth - 4);
        return ReadBasicContents(ref reader, default, allowCertificates: false, out info);
    }

    /// <summary>Reads BasicOCSPResponse contents: tbsResponseData, signatureAlgorithm, signature, certs.</summary>
    private static OcspParseStatus ReadBasicContents(scoped ref DerReader basic, ReadOnlySpan<byte> basicEncoded, bool allowCertificates, out OcspResponseInfo info)
    {
        info = default;
        var start = basic.RemainingData;
        var der = basic.TryReadEncodedValue(DerTag.Sequence, out var tbs);
        if (der != DerStatus.Done)
        {
            return OcspStatusMap.FromDer(der);
        }

        der = basic.TryReadSequence(out var algorithm);
        ReadOnlySpan<byte> algorithmOid = default;
        if (der == DerStatus.Done)
        {
            der = algorithm.TryReadObjectIdentifier(out algorithmOid);
        }

        ReadOnlySpan<byte> signature = default;
        var unusedBits = 0;
        if (der == DerStatus.Done)
        {
            der = basic.TryReadBitString(out signature, out unusedBits);
        }

        if (der != DerStatus.Done)
        {
            return OcspStatusMap.FromDer(der);
        }

        if (unusedBits != 0 || signature.IsEmpty)
        {
            return OcspParseStatus.UnexpectedStructure;
        }

        var signedPart = start[..(start.Length - basic.RemainingData.Length)];
        var signatureAlgorithmLength = signedPart.Length - tbs.Length - DerEncoder.GetEncodedLength(signature.Length + 1);
        ReadOnlySpan<byte> certificates = default;
        var certificateCount = 0;
        if (basic.HasData)
        {
            if (!allowCertificates)
            {
                return OcspParseStatus.TrailingData;
            }

            // certs [0] EXPLICIT SEQUENCE OF Certificate.
            der = TryReadExplicitSequence(ref basic, 0, out var certs);
            if (der == DerStatus.Done)
            {
                der = basic.TryReadEnd();
            }

            if (der != DerStatus.Done)
            {
                return OcspStatusMap.FromDer(der);
            }

            certificates = certs.RemainingData;
            while (certs.HasData)
            {
                der = certs.TryReadEncodedValue(DerTag.Sequence, out _);
                if (der != DerStatus.Done)
                {
                    return OcspStatusMap.FromDer(der);
                }

                certificateCount++;
            }
        }

        var tbsReader = new DerReader(tbs, Math.Max(1, DerReader.DefaultMaxDepth - basic.Depth));
        var status = ReadResponseData(ref tbsReader, out var data);
        if (status != OcspParseStatus.Ok)
        {
            return status;
        }

        info = new OcspResponseInfo
        {
            ResponseStatus = OcspResponseStatus.Successful,
            BasicResponse = basicEncoded,
            SignedPart = signedPart,
            TbsResponseData = tbs,
            Version = data.Version,
            HasExplicitVersion = data.HasExplicitVersion,
            ResponderId = data.ResponderId,
            ProducedAt = data.ProducedAt,
            ResponseCount = data.ResponseCount,
            Responses = data.Responses,
            ResponseExtensions = data.Extensions,
            HasNonce = data.HasNonce,
            NonceExtensionValue = data.NonceExtensionValue,
            HasExtendedRevokedDefinition = data.HasExtendedRevokedDefinition,
            SignatureAlgorithm = signedPart.Slice(tbs.Length, signatureAlgorithmLength),
            SignatureAlgorithmOid = algorithmOid,
            Signature = signature,
            Certificates = certificates,
            CertificateCount = certificateCount,
        };
        return OcspParseStatus.Ok;
    }

    /// <summary>Opens <c>[tagNumber] EXPLICIT SEQUENCE …</c>: the tagged element must hold the SEQUENCE and nothing else.</summary>
    /// <param name="reader">Positioned at the tagged element.</param>
    /// <param name="tagNumber">The context-specific tag number.</param>
    /// <param name="sequence">A reader over the SEQUENCE's contents; default on failure.</param>
    /// <returns><see cref="DerStatus.Done"/> or the first violation.</returns>
    private static DerStatus TryReadExplicitSequence(scoped ref DerReader reader, int tagNumber, out DerReader sequence)
    {
        var der = reader.TryReadExplicit(tagNumber, out var tagged);
        sequence = default;
        if (der == DerStatus.Done)
        {
            der = tagged.TryReadSequence(out sequence);
        }

        if (der == DerStatus.Done)
        {
            der = tagged.TryReadEnd();
        }

        if (der != DerStatus.Done)
        {
            sequence = default;
        }

        return der;
    }
}
