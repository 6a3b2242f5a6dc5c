// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Issuer.Answering;
using V2gPki.Issuer.Crl;
using V2gPki.Metrics;

namespace V2gPki.Edge.Runtime;

/// <summary>
/// What the public listener (OCSP, CRLs, probes, the OCPP adapter) needs of a back end, and nothing more: a keyless
/// edge node that serves OCSP and CRLs from a replicated cache implements the same four members.
/// </summary>
internal interface IOcspBackend
{
    /// <summary>Gets the OCSP responder.</summary>
    IOcspResponder Responder { get; }

    /// <summary>Gets what <c>/ready</c> reports.</summary>
    IReadinessProvider Readiness { get; }

    /// <summary>Gets the CRLs served at <c>/crl/&lt;ca-name&gt;.crl</c>.</summary>
    ICrlSource Crls { get; }

    /// <summary>Gets the back end's scrape-time figures, served at <c>/metrics</c>.</summary>
    IMetricsSource MetricsSource { get; }
}
