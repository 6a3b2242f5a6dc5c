// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Ocsp;

/// <summary>
/// A parsed <c>OCSPRequest</c> (RFC 6960 §4.1.1) as views into the request bytes: the request count, the first CertID
/// (the only one in the common case), every CertID through <see cref="GetEnumerator"/>, the nonce and what the lenient
/// parser tolerated. Nothing is copied or allocated.
/// </summary>
public readonly ref struct OcspRequest
{
    private readonly ReadOnlySpan<byte> _requestList;

    internal OcspRequest(int count, CertId firstCertId, ReadOnlySpan<byte> requestList, bool hasNonce, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> nonceExtensionValue, OcspRequestQuirks quirks)
    {
        Count = count;
        FirstCertId = firstCertId;
        _requestList = requestList;
        HasNonce = hasNonce;
        Nonce = nonce;
        NonceExtensionValue = nonceExtensionValue;
        Quirks = quirks;
    }

    /// <summary>How many Requests (CertIDs) the requestList holds, at least 1.</summary>
    public int Count { get; }

    /// <summary>The first CertID.</summary>
    public CertId FirstCertId { get; }

    /// <summary>Whether a nonce extension was present.</summary>
    public bool HasNonce { get; }

    /// <summary>The nonce octets (RFC 9654 §2.1): the inner OCTET STRING's contents, or the whole extnValue when the
    /// client left the inner OCTET STRING out (<see cref="OcspRequestQuirks.NonceWithoutOctetString"/>).</summary>
    public ReadOnlySpan<byte> Nonce { get; }

    /// <summary>The nonce extension's extnValue contents exactly as sent: echo this (<see cref="ResponseDataFields.NonceExtensionValue"/>).</summary>
    public ReadOnlySpan<byte> NonceExtensionValue { get; }

    /// <summary>What was skipped or tolerated; count these in metrics.</summary>
    public OcspRequestQuirks Quirks { get; }

    /// <summary>Enumerates every CertID in request order (re-reading the already validated requestList).</summary>
    /// <returns>The enumerator.</returns>
    public CertIdEnumerator GetEnumerator() => new(_requestList);
}
