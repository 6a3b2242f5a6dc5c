// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Der;

namespace V2gPki.Ocsp;

/// <summary>
/// Parses an <c>OCSPRequest</c> (RFC 6960 §4.1.1, Appendix B.1) without allocating: strict on the outer structure and
/// the CertIDs, lenient (skip and flag, <see cref="OcspRequestQuirks"/>) on what the responder ignores. Never throws on
/// input.
/// </summary>
/// <remarks>
/// <code>
/// OCSPRequest ::= SEQUENCE { tbsRequest TBSRequest, optionalSignature [0] EXPLICIT Signature OPTIONAL }
/// TBSRequest  ::= SEQUENCE { version [0] EXPLICIT Version DEFAULT v1, requestorName [1] EXPLICIT GeneralName OPTIONAL,
///                            requestList SEQUENCE OF Request, requestExtensions [2] EXPLICIT Extensions OPTIONAL }
/// Request     ::= SEQUENCE { reqCert CertID, singleRequestExtensions [0] EXPLICIT Extensions OPTIONAL }
/// </code>
/// </remarks>
public static partial class OcspRequestParser
{
    private const byte ExplicitTag0 = 0xA0;
    private const byte ExplicitTag1 = 0xA1;
    private const byte ExplicitTag2 = 0xA2;

    /// <summary>Parses a DER OCSPRequest with the default options (nonce lengths only flagged).</summary>
    /// <param name="request">The whole request body.</param>
    /// <param name="result">The parsed request (views into <paramref name="request"/>); default on failure.</param>
    /// <returns><see cref="OcspParseStatus.Ok"/> or why the request is malformed.</returns>
    public static OcspParseStatus TryParse(ReadOnlySpan<byte> request, out OcspRequest result) => TryParse(request, default, out result);

    /// <summary>Parses a DER OCSPRequest.</summary>
    /// <param name="request">The whole request body.</param>
    /// <param name="options">Policy knobs (the nonce policy).</param>
    /// <param name="result">The parsed request (views into <paramref name="request"/>); default on failure.</param>
    /// <returns><see cref="OcspParseStatus.Ok"/> or why the request is malformed.</returns>
    public static OcspParseStatus TryParse(ReadOnlySpan<byte> request, OcspRequestOptions options, out OcspRequest result)
    {
        result = default;
        var outer = new DerReader(request);
        var der = outer.TryReadSequence(out var ocspRequest);
        if (der != DerStatus.Done)
        {
            return OcspStatusMap.FromDer(der);
        }

        if (outer.HasData)
        {
            return OcspParseStatus.TrailingData;
        }

        der = ocspRequest.TryReadSequence(out var tbs);
        if (der != DerStatus.Done)
        {
            return OcspStatusMap.FromDer(der);
        }

        var quirks = OcspRequestQuirks.None;
        if (ocspRequest.HasData)
        {
            // optionalSignature [0] EXPLICIT Signature: not verified, the responder answers anyway
            // (docs/architecture.md §3).
            der = ocspRequest.TryReadConstructed(ExplicitTag0, out var signature);
            if (der != DerStatus.Done)
            {
                return OcspStatusMap.FromDer(der);
            }

            if (!signature.PeekTagIs(DerTag.Sequence))
            {
                return OcspParseStatus.UnexpectedStructure;
            }

            quirks |= OcspRequestQuirks.Signature;
            if (ocspRequest.HasData)
            {
                return OcspParseStatus.UnexpectedStructure;
            }
        }

        var status = ReadVersionAndRequestor(ref tbs, ref quirks);
        if (status != OcspParseStatus.Ok)
        {
            return status;
        }

        der = tbs.TryReadSequence(out var list);
        if (der != DerStatus.Done)
        {
            return OcspStatusMap.FromDer(der);
        }

        var requestList = list.RemainingData;
        var count = 0;
        CertId first = default;
        while (list.HasData)
        {
            status = ReadRequest(ref list, ref quirks, out var certId);
            if (status != OcspParseStatus.Ok)
            {
                return status;
            }

            if (count == 0)
            {
                first = certId;
            }

            count++;
        }

        if (count == 0)
        {
            return OcspParseStatus.EmptyRequestList;
        }

        var nonce = default(NonceState);
        if (tbs.HasData)
        {
            // requestExtensions [2] EXPLICIT Extensions.
            der = tbs.TryReadConstructed(ExplicitTag2, out var extensions);
            if (der != DerStatus.Done)
            {
                return OcspStatusMap.FromDer(der);
            }

            status = ReadExtensions(ref extensions, requestLevel: true, ref quirks, ref nonce);
            if (status != OcspParseStatus.Ok)
            {
                return status;
            }

            if (tbs.HasData)
            {
                return OcspParseStatus.UnexpectedStructure;
            }
        }

        if (nonce.Present)
        {
            // RFC 9654 §2.1: 1 to 128 octets; enforced only under a nonce policy, else flagged.
            var inRange = nonce.Value.Length >= OcspRequestOptions.MinNonceLength && nonce.Value.Length <= OcspRequestOptions.MaxNonceLength;
            if (!inRange)
            {
                if (options.EnforceNonceLength)
                {
                    return OcspParseStatus.InvalidNonce;
                }

                quirks |= OcspRequestQuirks.NonceLengthOutOfRange;
            }
        }

        result = new OcspRequest(count, first, requestList, nonce.Present, nonce.Value, nonce.ExtensionValue, quirks);
        return OcspParseStatus.Ok;
    }

    private static OcspParseStatus ReadVersionAndRequestor(scoped ref DerReader tbs, scoped ref OcspRequestQuirks quirks)
    {
        if (tbs.PeekTagIs(ExplicitTag0))
        {
            // version [0] EXPLICIT Version DEFAULT v1: only v1 (0) exists; encoding the DEFAULT is tolerated and flagged.
            var der = tbs.TryReadConstructed(ExplicitTag0, out var version);
            if (der == DerStatus.Done)
            {
                der = version.TryReadInt32(out var value);
                if (der == DerStatus.Done && value != 0)
                {
                    return OcspParseStatus.UnsupportedVersion;
                }

                if (der == DerStatus.Done)
                {
                    der = version.TryReadEnd();
                }
            }

            if (der != DerStatus.Done)
            {
                return der == DerStatus.IntegerOverflow ? OcspParseStatus.UnsupportedVersion : OcspStatusMap.FromDer(der);
            }

            quirks |= OcspRequestQuirks.ExplicitDefaultVersion;
        }

        if (tbs.PeekTagIs(ExplicitTag1))
        {
            // requestorName [1] EXPLICIT GeneralName: ignored; the element must still be well-formed DER.
            var der = tbs.TryReadConstructed(ExplicitTag1, out var name);
            if (der == DerStatus.Done)
            {
                der = name.TryReadElement(out _, out _, out _);
                if (der == DerStatus.Done)
                {
                    der = name.TryReadEnd();
                }
            }

            if (der != DerStatus.Done)
            {
                return OcspStatusMap.FromDer(der);
            }

            quirks |= OcspRequestQuirks.RequestorName;
        }

        return OcspParseStatus.Ok;
    }

    private static OcspParseStatus ReadRequest(scoped ref DerReader list, scoped ref OcspRequestQuirks quirks, out CertId certId)
    {
        certId = default;
        var der = list.TryReadSequence(out var request);
        if (der != DerStatus.Done)
        {
            return OcspStatusMap.FromDer(der);
        }

        var status = CertIdCodec.TryRead(ref request, out var id);
        if (status != OcspParseStatus.Ok)
        {
            return status;
        }

        if (request.HasData)
        {
            // singleRequestExtensions [0] EXPLICIT Extensions: none is understood; non-critical ones are skipped.
            der = request.TryReadConstructed(ExplicitTag0, out var extensions);
            if (der != DerStatus.Done)
            {
                return OcspStatusMap.FromDer(der);
            }

            var ignored = default(NonceState);
            status = ReadExtensions(ref extensions, requestLevel: false, ref quirks, ref ignored);
            if (status != OcspParseStatus.Ok)
            {
                return status;
            }

            if (request.HasData)
            {
                return OcspParseStatus.UnexpectedStructure;
            }
        }

        certId = id;
        return OcspParseStatus.Ok;
    }
}
