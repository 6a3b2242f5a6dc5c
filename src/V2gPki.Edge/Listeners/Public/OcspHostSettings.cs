// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using Microsoft.Extensions.Logging.Abstractions;
using V2gPki.Edge.Configuration;
using V2gPki.Edge.Listeners.Kestrel;
using V2gPki.Edge.Runtime;
using V2gPki.Issuer.Answering;
using V2gPki.Issuer.Crl;
using V2gPki.Metrics;

namespace V2gPki.Edge.Listeners.Public;

/// <summary>Everything an OCSP listener needs.</summary>
/// <param name="responder">Answers OCSP requests.</param>
/// <param name="readiness">Answers <c>/ready</c>.</param>
/// <param name="listener">Address, port and limits.</param>
internal sealed class OcspHostSettings(IOcspResponder responder, IReadinessProvider readiness, ListenerOptions listener)
{
    /// <summary>Answers OCSP requests.</summary>
    public IOcspResponder Responder { get; } = responder ?? throw new ArgumentNullException(nameof(responder));

    /// <summary>Answers <c>/ready</c>.</summary>
    public IReadinessProvider Readiness { get; } = readiness ?? throw new ArgumentNullException(nameof(readiness));

    /// <summary>Address, port and limits.</summary>
    public ListenerOptions Listener { get; } = listener ?? throw new ArgumentNullException(nameof(listener));

    /// <summary>The metrics served at <c>/metrics</c>; a fresh registry when not set.</summary>
    public EdgeMetrics Metrics { get; init; } = new(new MetricsRegistry());

    /// <summary>The clock (docs/architecture.md §9).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Logging for Kestrel and responder failures.</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>The CRLs served at <c>/crl/&lt;ca-name&gt;.crl</c>; null answers 404 there.</summary>
    public ICrlSource? Crls { get; init; }

    /// <summary>Handlers of <c>/api/…</c> routes (the OCPP 2.0.1 adapter); empty answers 404 there.</summary>
    public IReadOnlyList<IPublicRouteHandler> Routes { get; init; } = [];

    /// <summary>Serve CRLs, <c>/health</c>, <c>/ready</c> and <c>/metrics</c> only (a separate CRL listener); OCSP routes answer 404.</summary>
    public bool CrlOnly { get; init; }
}
