// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using Microsoft.AspNetCore.Http.Features;

namespace V2gPki.Edge.Listeners.Public;

/// <summary>
/// A handler for one route under <c>/api/</c> on the public listener (docs/architecture.md §7), e.g. the OCPP 2.0.1
/// <c>GetCertificateStatus</c> adapter at <c>POST /api/v1/ocpp/certificate-status</c>. The listener routes by exact
/// path (case-insensitive) and hands over Kestrel's features: the handler reads the body
/// (<see cref="IRequestBodyPipeFeature"/>, bounded by the listener's body limit), sets status and headers
/// (<see cref="IHttpResponseFeature"/>) and writes the body (<see cref="IHttpResponseBodyFeature"/>). It must not
/// throw on peer input; an exception is answered 500 and counted. Handlers needing the PKI read
/// <see cref="Runtime.RuntimeSlot.Runtime"/> per request (null while the process starts: answer 503).
/// </summary>
internal interface IPublicRouteHandler
{
    /// <summary>The exact path served, e.g. <c>/api/v1/ocpp/certificate-status</c>.</summary>
    string Path { get; }

    /// <summary>Handles one request.</summary>
    /// <param name="features">Kestrel's request features (valid until the returned task completes).</param>
    /// <param name="cancellationToken">Signalled when the client goes away.</param>
    /// <returns>The response status code written (counted in metrics).</returns>
    Task<int> HandleAsync(IFeatureCollection features, CancellationToken cancellationToken);
}
