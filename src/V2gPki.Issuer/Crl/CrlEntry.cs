// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Issuer.Crl;

/// <summary>A CRL ready to serve at <c>/crl/&lt;ca-name&gt;.crl</c>: bytes, strong ETag, Last-Modified (thisUpdate).</summary>
/// <param name="CaName">The CA.</param>
/// <param name="Der">The DER CRL.</param>
/// <param name="ETag">A strong ETag, quoted (hash of the bytes).</param>
/// <param name="ThisUpdate">thisUpdate (Last-Modified).</param>
/// <param name="NextUpdate">nextUpdate (Expires), or null when absent.</param>
/// <param name="Imported">Whether it was imported (an offline CA's ceremony CRL) rather than generated here.</param>
public sealed record CrlEntry(string CaName, ReadOnlyMemory<byte> Der, string ETag, DateTimeOffset ThisUpdate, DateTimeOffset? NextUpdate, bool Imported);
