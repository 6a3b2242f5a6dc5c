// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Ocsp;

namespace V2gPki.Issuer.Answering;

/// <summary>A parsed request on its way through the source chain, with the CA once <see cref="FilteringSource"/> resolved it.</summary>
public readonly ref struct OcspQuery
{
    /// <summary>Creates a query.</summary>
    /// <param name="request">The parsed request (views into the request bytes).</param>
    /// <param name="issuer">The CA of its first CertID, or null when not resolved yet.</param>
    public OcspQuery(OcspRequest request, IssuerEntry? issuer = null)
    {
        Request = request;
        Issuer = issuer;
    }

    /// <summary>Gets the request.</summary>
    public OcspRequest Request { get; }

    /// <summary>Gets the CA of the first CertID, or null.</summary>
    public IssuerEntry? Issuer { get; }
}
