// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers;
using Microsoft.AspNetCore.Http.Features;
using V2gPki.Edge.Listeners.Kestrel;

namespace V2gPki.Edge.Listeners.Public;

/// <summary>
/// Per-request state of the OCSP listener. With <see cref="OcspHttpApplication"/> one instance lives per
/// connection (Kestrel's <c>IHostContextContainer</c>) and is reused by every request on it. Its buffers are rented
/// from <see cref="ArrayPool{T}.Shared"/> when a request needs them and returned in <see cref="End"/>, so an idle
/// kept-alive connection holds no buffer (10,000 idle connections would otherwise pin ~120 MB) and a warm pool
/// makes the steady state allocation-free.
/// </summary>
internal sealed class OcspRequestContext
{
    private readonly int _requestBufferLength;
    private byte[]? _requestBuffer;

    /// <summary>Creates the state for buffers sized by the listener's limits.</summary>
    /// <param name="requestBufferLength">Room for the largest POST body or decoded GET path.</param>
    public OcspRequestContext(int requestBufferLength) => _requestBufferLength = requestBufferLength;

    /// <summary>Holds the DER request (the copied POST body or the decoded GET path); rented on first use per request.</summary>
    public byte[] RequestBuffer => _requestBuffer ??= ArrayPool<byte>.Shared.Rent(_requestBufferLength);

    /// <summary>Receives the responder's signed response.</summary>
    public ResponseBodyBuffer Body { get; } = new();

    /// <summary>The request's feature collection (Kestrel's connection object for HTTP/1.1).</summary>
    public IFeatureCollection Features { get; private set; } = null!;

    /// <summary>Request line and headers.</summary>
    public IHttpRequestFeature Request { get; private set; } = null!;

    /// <summary>Status and response headers.</summary>
    public IHttpResponseFeature Response { get; private set; } = null!;

    /// <summary>Whether the request is HEAD (headers only).</summary>
    public bool IsHead { get; set; }

    /// <summary>The route counted in metrics.</summary>
    public RequestRoute Route { get; set; }

    /// <summary>The outcome counted in metrics.</summary>
    public RequestOutcome Outcome { get; set; }

    /// <summary><see cref="System.Diagnostics.Stopwatch"/> timestamp at hand-over.</summary>
    public long StartTimestamp { get; set; }

    /// <summary>Binds the state to a new request.</summary>
    /// <param name="features">The request's features.</param>
    /// <param name="startTimestamp">The hand-over timestamp.</param>
    public void Begin(IFeatureCollection features, long startTimestamp)
    {
        Features = features;
        Request = features.Get<IHttpRequestFeature>()!;
        Response = features.Get<IHttpResponseFeature>()!;
        IsHead = false;
        Route = RequestRoute.Other;
        // Every handler sets its outcome; one that throws or loses its client first is counted as aborted.
        Outcome = RequestOutcome.Aborted;
        StartTimestamp = startTimestamp;
        Body.Reset();
    }

    /// <summary>Returns the buffers to the pool and drops references to the finished request.</summary>
    public void End()
    {
        if (_requestBuffer is { } buffer)
        {
            _requestBuffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }

        Body.Release();
        Features = null!;
        Request = null!;
        Response = null!;
    }
}
