// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers;
using Microsoft.AspNetCore.Http.Features;
using V2gPki.Edge.Listeners.Kestrel;

namespace V2gPki.Edge.Listeners.Public;

/// <summary>The non-OCSP answers of the OCSP listener: <c>/health</c>, <c>/ready</c>, <c>/metrics</c>, 404, 405, 413.</summary>
internal sealed partial class OcspExchange
{
    private static ReadOnlySpan<byte> HealthBody => "ok\n"u8;

    private static ReadOnlySpan<byte> ReadyBody => "ready\n"u8;

    private static ReadOnlySpan<byte> NotFoundBody =>
        "not an OCSP request: POST a DER OCSPRequest to / or /ocsp, or GET /{base64} (RFC 5019); liveness is at /health\n"u8;

    private static ReadOnlySpan<byte> MethodNotAllowedBody => "method not allowed\n"u8;

    private static ReadOnlySpan<byte> PayloadTooLargeBody => "request body too large\n"u8;

    private static ReadOnlySpan<byte> BadBodyBody => "request body rejected: bad chunked framing, cut short or too slow\n"u8;

    /// <summary>Answers <c>/health</c>: the process is up and serving.</summary>
    /// <param name="context">The request state.</param>
    public static void WriteHealth(OcspRequestContext context)
    {
        context.Route = RequestRoute.Health;
        context.Outcome = RequestOutcome.Ok;
        WriteText(context, StatusCodes.Status200OK, HealthBody, TextType);
    }

    /// <summary>Answers <c>/ready</c>: 200 when the store is ready and the HSM logged in, else 503 naming what is missing.</summary>
    /// <param name="context">The request state.</param>
    public void WriteReady(OcspRequestContext context)
    {
        context.Route = RequestRoute.Ready;
        var readiness = _readiness.GetReadiness();
        if (readiness.IsReady)
        {
            context.Outcome = RequestOutcome.Ok;
            WriteText(context, StatusCodes.Status200OK, ReadyBody, TextType);
            return;
        }

        context.Outcome = RequestOutcome.NotReady;
        var body = (readiness.StoreReady, readiness.HsmLoggedIn) switch
        {
            (false, false) => "not ready: store not recovered, HSM not logged in\n"u8,
            (false, true) => "not ready: store not recovered\n"u8,
            _ => "not ready: HSM not logged in\n"u8,
        };
        WriteText(context, StatusCodes.Status503ServiceUnavailable, body, TextType);
    }

    /// <summary>Answers <c>/metrics</c> in the Prometheus text format (allocates; scrape time only).</summary>
    /// <param name="context">The request state.</param>
    public void WriteMetrics(OcspRequestContext context)
    {
        context.Route = RequestRoute.Metrics;
        context.Outcome = RequestOutcome.Ok;
        var text = new ArrayBufferWriter<byte>(16384);
        _metrics.Registry.WriteTo(text);
        WriteText(context, StatusCodes.Status200OK, text.WrittenSpan, MetricsType);
    }

    /// <summary>Answers 404 (e.g. <c>GET /</c> alone, which is not an OCSP request).</summary>
    /// <param name="context">The request state.</param>
    public void WriteNotFound(OcspRequestContext context)
    {
        context.Route = RequestRoute.Other;
        context.Outcome = RequestOutcome.NotFound;
        _metrics.CountRejected(RejectReason.NotFound);
        WriteText(context, StatusCodes.Status404NotFound, NotFoundBody, TextType);
    }

    /// <summary>Answers 405 with <c>Allow</c> (RFC 9110 §15.5.6).</summary>
    /// <param name="context">The request state.</param>
    /// <param name="allow">The methods the route accepts.</param>
    public void WriteMethodNotAllowed(OcspRequestContext context, string allow)
    {
        context.Outcome = RequestOutcome.MethodNotAllowed;
        _metrics.CountRejected(RejectReason.MethodNotAllowed);
        context.Response.Headers.Allow = allow;
        WriteText(context, StatusCodes.Status405MethodNotAllowed, MethodNotAllowedBody, TextType);
    }

    private void WritePayloadTooLarge(OcspRequestContext context)
    {
        context.Outcome = RequestOutcome.PayloadTooLarge;
        _metrics.CountRejected(RejectReason.BodyTooLarge);

        // The unread body would have to be drained to keep the connection; close it instead.
        context.Response.Headers.Connection = ConnectionClose;
        WriteText(context, StatusCodes.Status413PayloadTooLarge, PayloadTooLargeBody, TextType);
    }

    private static void WriteText(OcspRequestContext context, int status, ReadOnlySpan<byte> body, string contentType)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.Headers.ContentType = contentType;
        response.Headers.ContentLength = body.Length;
        if (!context.IsHead)
        {
            context.Features.Get<IHttpResponseBodyFeature>()!.Writer.WriteBody(body);
        }
    }
}
