// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Listeners.Kestrel;

/// <summary>The route label of request metrics (dense values: they index metric arrays).</summary>
internal enum RequestRoute : byte
{
    /// <summary><c>POST /</c>, <c>POST /ocsp</c>.</summary>
    OcspPost = 0,

    /// <summary><c>GET /{base64}</c>, <c>GET /ocsp/{base64}</c>.</summary>
    OcspGet = 1,

    /// <summary><c>/health</c>.</summary>
    Health = 2,

    /// <summary><c>/ready</c>.</summary>
    Ready = 3,

    /// <summary><c>/metrics</c>.</summary>
    Metrics = 4,

    /// <summary>Anything else (<c>GET /</c>, other methods).</summary>
    Other = 5,

    /// <summary><c>GET /crl/&lt;ca-name&gt;.crl</c>.</summary>
    Crl = 6,

    /// <summary><c>/api/…</c> handlers (the OCPP 2.0.1 adapter).</summary>
    Api = 7,
}
