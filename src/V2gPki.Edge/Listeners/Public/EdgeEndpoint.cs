// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Listeners.Public;

/// <summary>
/// The endpoints of the OCSP listener (docs/architecture.md §7), as classified from the raw request target.
/// </summary>
internal enum EdgeEndpoint : byte
{
    /// <summary><c>/</c>: POST is OCSP; GET alone is not an OCSP request (404).</summary>
    Root = 0,

    /// <summary><c>/ocsp</c> or <c>/ocsp/</c>: POST is OCSP; GET has an empty request (malformedRequest).</summary>
    OcspBase = 1,

    /// <summary><c>/ocsp/{base64}</c> or <c>/{base64}</c>: GET only.</summary>
    OcspGet = 2,

    /// <summary><c>/health</c>.</summary>
    Health = 3,

    /// <summary><c>/ready</c>.</summary>
    Ready = 4,

    /// <summary><c>/metrics</c>.</summary>
    Metrics = 5,

    /// <summary>A target that is not origin- or absolute-form (<c>*</c>).</summary>
    Unknown = 6,

    /// <summary><c>/crl/&lt;ca-name&gt;.crl</c>: GET only (docs/architecture.md §7).</summary>
    Crl = 7,

    /// <summary><c>/api/…</c>: routes of handlers plugged into the listener (the OCPP 2.0.1 adapter).</summary>
    Api = 8,
}
