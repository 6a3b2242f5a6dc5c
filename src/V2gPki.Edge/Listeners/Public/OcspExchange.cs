// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;
using V2gPki.Edge.Listeners.Kestrel;
using V2gPki.Edge.Runtime;
using V2gPki.Issuer.Answering;
using V2gPki.Issuer.Crl;
using V2gPki.Ocsp;

namespace V2gPki.Edge.Listeners.Public;

/// <summary>
/// The HTTP side of OCSP (docs/architecture.md §3, §7): decodes POST bodies and GET paths, hands the DER request to the
/// <see cref="IOcspResponder"/>, and maps its outcome to HTTP in one switch (<see cref="WriteAnswer"/>). Shared by
/// both hosts; it only touches Kestrel features, never <c>HttpContext</c>, so it runs under the bare
/// <see cref="OcspHttpApplication"/> as well as under minimal-API handlers.
/// </summary>
/// <remarks>
/// Headers (docs/decisions/0008-ocsp-caching-headers.md):
/// <list type="bullet">
/// <item>POST answers carry only <c>Content-Type</c> and <c>Content-Length</c>: HTTP caches do not store POST
/// responses (RFC 9110 §9.3.3), clients read freshness from the OCSP response itself, and no header string means
/// no allocation.</item>
/// <item>GET answers with a signed response carry <c>Cache-Control: max-age=min(nextUpdate, next re-sign) − now,
/// public, no-transform, must-revalidate</c>, <c>Last-Modified</c> = thisUpdate, <c>Expires</c> = nextUpdate and a
/// strong <c>ETag</c> (RFC 5019 §6.2, RFC 9919), from caches that make each distinct value once; <c>If-None-Match</c>
/// gives 304. GET error answers carry <c>Cache-Control: no-store</c> (a tryLater must not stick in a cache).</item>
/// </list>
/// </remarks>
internal sealed partial class OcspExchange
{
    private const string OcspResponseType = "application/ocsp-response";
    private const string TextType = "text/plain; charset=utf-8";
    private const string MetricsType = "text/plain; version=0.0.4; charset=utf-8";
    private const string AllowOcspBase = "GET, HEAD, POST";
    private const string AllowGetHead = "GET, HEAD";
    private const string ConnectionClose = "close";

    private readonly IOcspResponder _responder;
    private readonly IReadinessProvider _readiness;
    private readonly EdgeMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly long _maxBodyBytes;
    private readonly HttpDateCache _dates = new();
    private readonly CacheControlCache _cacheControl = new();
    private readonly EntityTagCache _entityTags = new();

    /// <summary>Creates the exchange.</summary>
    /// <param name="responder">Answers OCSP requests.</param>
    /// <param name="readiness">Answers <c>/ready</c>.</param>
    /// <param name="metrics">Counts everything.</param>
    /// <param name="time">The clock for <c>max-age</c> and response ages.</param>
    /// <param name="logger">Logs responder failures (bugs).</param>
    /// <param name="maxBodyBytes">The POST body limit (413 above it).</param>
    /// <param name="maxRequestLineBytes">The request-line limit, which bounds a GET path.</param>
    public OcspExchange(IOcspResponder responder, IReadinessProvider readiness, EdgeMetrics metrics, TimeProvider time, ILogger logger, int maxBodyBytes, int maxRequestLineBytes)
    {
        _responder = responder;
        _readiness = readiness;
        _metrics = metrics;
        _time = time;
        _logger = logger;
        _maxBodyBytes = maxBodyBytes;
        RequestBufferLength = Math.Max(maxBodyBytes, OcspGetDecoder.RequiredBufferLength(maxRequestLineBytes));
    }

    /// <summary>The CRLs served at <c>/crl/&lt;ca-name&gt;.crl</c> (null: 404).</summary>
    public ICrlSource? Crls { get; init; }

    /// <summary>The <c>/api/…</c> handlers, matched by exact path.</summary>
    public IReadOnlyList<IPublicRouteHandler> Routes { get; init; } = [];

    /// <summary>Whether this is a CRL-only listener (OCSP and <c>/api</c> routes answer 404).</summary>
    public bool CrlOnly { get; init; }

    /// <summary>The size of <see cref="OcspRequestContext.RequestBuffer"/> this exchange needs.</summary>
    public int RequestBufferLength { get; }

    /// <summary>The metrics this exchange counts into.</summary>
    public EdgeMetrics Metrics => _metrics;

    /// <summary>Creates request state sized for this exchange.</summary>
    /// <returns>A new state object.</returns>
    public OcspRequestContext CreateContext() => new(RequestBufferLength);

    /// <summary>Routes and answers one request on the OCSP listener (the <see cref="OcspHttpApplication"/> path).</summary>
    /// <param name="context">The request state, bound with <see cref="OcspRequestContext.Begin"/>.</param>
    /// <returns>A completed task unless the body had to be awaited or the slow path ran.</returns>
    public Task ProcessAsync(OcspRequestContext context)
    {
        var request = context.Request;
        var target = request.RawTarget;
        var method = request.Method;
        var endpoint = EdgeRouter.Classify(target, out var start, out var length);
        var isPost = HttpMethods.IsPost(method);
        var isGet = HttpMethods.IsGet(method);
        if (!isGet && HttpMethods.IsHead(method))
        {
            isGet = true;
            context.IsHead = true;
        }

        if (CrlOnly && endpoint is EdgeEndpoint.Root or EdgeEndpoint.OcspBase or EdgeEndpoint.OcspGet or EdgeEndpoint.Api)
        {
            WriteNotFound(context);
            return Task.CompletedTask;
        }

        switch (endpoint)
        {
            case EdgeEndpoint.Crl when isGet:
                WriteCrl(context, target.AsSpan(start, length));
                return Task.CompletedTask;
            case EdgeEndpoint.Api:
                return ApiAsync(context, target.AsSpan(start, length));
            case EdgeEndpoint.Root when isPost:
            case EdgeEndpoint.OcspBase when isPost:
                return PostAsync(context);
            case EdgeEndpoint.OcspGet when isGet:
            case EdgeEndpoint.OcspBase when isGet:
                return GetAsync(context, target.AsSpan(start, length));
            case EdgeEndpoint.Root when isGet:
                WriteNotFound(context);
                return Task.CompletedTask;
            case EdgeEndpoint.Root:
            case EdgeEndpoint.OcspBase:
                WriteMethodNotAllowed(context, AllowOcspBase);
                return Task.CompletedTask;
            case EdgeEndpoint.Health when isGet:
                WriteHealth(context);
                return Task.CompletedTask;
            case EdgeEndpoint.Ready when isGet:
                WriteReady(context);
                return Task.CompletedTask;
            case EdgeEndpoint.Metrics when isGet:
                WriteMetrics(context);
                return Task.CompletedTask;
            case EdgeEndpoint.Unknown:
                WriteNotFound(context);
                return Task.CompletedTask;
            default:
                // OcspGet, Health, Ready, Metrics with another method.
                context.Route = endpoint switch
                {
                    EdgeEndpoint.OcspGet => RequestRoute.OcspGet,
                    EdgeEndpoint.Health => RequestRoute.Health,
                    EdgeEndpoint.Ready => RequestRoute.Ready,
                    EdgeEndpoint.Metrics => RequestRoute.Metrics,
                    EdgeEndpoint.Crl => RequestRoute.Crl,
                    _ => RequestRoute.Other,
                };
                WriteMethodNotAllowed(context, AllowGetHead);
                return Task.CompletedTask;
        }
    }

    /// <summary>Answers an OCSP POST: reads the raw body (Content-Type is not checked, docs/architecture.md §3), 413 above the limit.</summary>
    /// <param name="context">The request state.</param>
    /// <returns>A completed task on the synchronous path.</returns>
    public Task PostAsync(OcspRequestContext context)
    {
        context.Route = RequestRoute.OcspPost;
        if (context.Request.Headers.ContentLength > _maxBodyBytes)
        {
            WritePayloadTooLarge(context);
            return Task.CompletedTask;
        }

        var reader = context.Features.Get<IRequestBodyPipeFeature>()!.Reader;
        ReadResult result;
        try
        {
            if (!reader.TryRead(out result))
            {
                return PostReadSlowAsync(context, reader);
            }
        }
        catch (BadHttpRequestException ex)
        {
            WriteBodyRejected(context, ex);
            return Task.CompletedTask;
        }

        if (!result.IsCompleted)
        {
            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
            return PostReadSlowAsync(context, reader);
        }

        var buffer = result.Buffer;
        var length = (int)buffer.Length;
        var fits = buffer.Length <= _maxBodyBytes;
        if (fits)
        {
            buffer.CopyTo(context.RequestBuffer);
        }

        reader.AdvanceTo(buffer.End);
        if (!fits)
        {
            WritePayloadTooLarge(context);
            return Task.CompletedTask;
        }

        return AnswerAsync(context, length, isGet: false);
    }

    /// <summary>Answers an OCSP GET from the base64 part of the raw target.</summary>
    /// <param name="context">The request state.</param>
    /// <param name="encoded">The raw target after the route prefix, without the query.</param>
    /// <returns>A completed task unless the slow path ran.</returns>
    public Task GetAsync(OcspRequestContext context, ReadOnlySpan<char> encoded)
    {
        context.Route = RequestRoute.OcspGet;
        var status = OcspGetDecoder.TryDecode(encoded, context.RequestBuffer, out var length);
        if (status != OcspGetDecodeStatus.Done)
        {
            _metrics.CountRejected(status == OcspGetDecodeStatus.Empty ? RejectReason.EmptyRequest : RejectReason.UndecodableGet);
            WriteAnswer(context, OcspReply.Error(OcspOutcome.MalformedRequest), isGet: true);
            return Task.CompletedTask;
        }

        return AnswerAsync(context, length, isGet: true);
    }

    private async Task PostReadSlowAsync(OcspRequestContext context, PipeReader reader)
    {
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync().ConfigureAwait(false);
                var buffer = result.Buffer;
                if (buffer.Length > _maxBodyBytes)
                {
                    reader.AdvanceTo(buffer.End);
                    WritePayloadTooLarge(context);
                    return;
                }

                if (result.IsCompleted || result.IsCanceled)
                {
                    var length = (int)buffer.Length;
                    buffer.CopyTo(context.RequestBuffer);
                    reader.AdvanceTo(buffer.End);
                    await AnswerAsync(context, length, isGet: false).ConfigureAwait(false);
                    return;
                }

                reader.AdvanceTo(buffer.Start, buffer.End);
            }
        }
        catch (BadHttpRequestException ex)
        {
            WriteBodyRejected(context, ex);
        }
    }

    /// <summary>
    /// Kestrel rejected the body while we read it: 413 for a chunked body over MaxRequestBodySize (counted here,
    /// the handler being the first to see it), 400 for bad chunked framing or a body cut short, 408 when the body
    /// came in below the minimum data rate (those reasons are counted from Kestrel's meter). The answer is written
    /// here, with <c>Connection: close</c>, rather than by letting the exception escape: Kestrel would write the same
    /// status but log every such request as an unhandled application error with its stack trace, so anyone could
    /// fill the log with one malformed chunk per connection. Kestrel still sees the bad body when it drains it after
    /// we return, which ends the connection and records the reason.
    /// </summary>
    private void WriteBodyRejected(OcspRequestContext context, BadHttpRequestException ex)
    {
        if (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            if (context.Response.HasStarted)
            {
                _metrics.CountRejected(RejectReason.BodyTooLarge);
                context.Outcome = RequestOutcome.PayloadTooLarge;
                return;
            }

            WritePayloadTooLarge(context);
            return;
        }

        context.Outcome = RequestOutcome.BadRequest;
        if (!context.Response.HasStarted)
        {
            context.Response.Headers.Connection = ConnectionClose;
            WriteText(context, ex.StatusCode, BadBodyBody, TextType);
        }
    }

    private Task AnswerAsync(OcspRequestContext context, int length, bool isGet)
    {
        if (length == 0)
        {
            _metrics.CountRejected(RejectReason.EmptyRequest);
            WriteAnswer(context, OcspReply.Error(OcspOutcome.MalformedRequest), isGet);
            return Task.CompletedTask;
        }

        OcspReply answer;
        try
        {
            answer = _responder.Answer(context.RequestBuffer.AsSpan(0, length), context.Body);
        }
#pragma warning disable CA1031 // A responder bug must become internalError for this request, not a dropped connection (invariant 5).
        catch (Exception ex)
#pragma warning restore CA1031
        {
            answer = ResponderFailed(context, ex);
        }

        if (answer.Outcome == OcspOutcome.NeedsLiveSigning)
        {
            return AnswerSlowAsync(context, length, isGet);
        }

        WriteAnswer(context, answer, isGet);
        return Task.CompletedTask;
    }

    private async Task AnswerSlowAsync(OcspRequestContext context, int length, bool isGet)
    {
        context.Body.Reset();
        var aborted = context.Features.Get<IHttpRequestLifetimeFeature>()?.RequestAborted ?? CancellationToken.None;
        OcspReply answer;
        try
        {
            answer = await _responder.AnswerSlowAsync(context.RequestBuffer.AsMemory(0, length), context.Body, aborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
            return;
        }
#pragma warning disable CA1031 // See AnswerAsync.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            answer = ResponderFailed(context, ex);
        }

        WriteAnswer(context, answer, isGet);
    }

    private OcspReply ResponderFailed(OcspRequestContext context, Exception ex)
    {
        context.Body.Reset();
        _metrics.CountRejected(RejectReason.ResponderException);
        LogResponderFailure(_logger, ex);
        return OcspReply.Error(OcspOutcome.InternalError);
    }

    /// <summary>
    /// The one place where an OCSP outcome becomes an HTTP response (docs/style.md §15): every OCSP-level answer is
    /// HTTP 200 with an <c>application/ocsp-response</c> body (docs/architecture.md §3), or 304 when the client's
    /// cached copy is current.
    /// </summary>
    private void WriteAnswer(OcspRequestContext context, in OcspReply answer, bool isGet)
    {
        ReadOnlySpan<byte> body;
        RequestOutcome outcome;
        switch (answer.Outcome)
        {
            case OcspOutcome.Successful:
                body = context.Body.WrittenSpan;
                outcome = RequestOutcome.Successful;
                break;
            case OcspOutcome.MalformedRequest:
                body = OcspErrorResponses.MalformedRequest;
                outcome = RequestOutcome.MalformedRequest;
                break;
            case OcspOutcome.TryLater:
                body = OcspErrorResponses.TryLater;
                outcome = RequestOutcome.TryLater;
                break;
            case OcspOutcome.SigRequired:
                body = OcspErrorResponses.SigRequired;
                outcome = RequestOutcome.SigRequired;
                break;
            case OcspOutcome.Unauthorized:
                body = OcspErrorResponses.Unauthorized;
                outcome = RequestOutcome.Unauthorized;
                break;
            default:
                // InternalError, and NeedsLiveSigning returned by the slow path (a contract violation).
                body = OcspErrorResponses.InternalError;
                outcome = RequestOutcome.InternalError;
                break;
        }

        var response = context.Response;
        var headers = response.Headers;
        response.StatusCode = StatusCodes.Status200OK;
        headers.ContentType = OcspResponseType;
        if (outcome == RequestOutcome.Successful)
        {
            var now = _time.GetUtcNow().UtcTicks;
            _metrics.ResponseAge.Observe((now - answer.ThisUpdateTicks) / TimeSpan.TicksPerSecond);
            if (isGet && WriteCachingHeaders(context, answer, now))
            {
                context.Outcome = RequestOutcome.NotModified;
                return;
            }
        }
        else if (isGet)
        {
            headers.CacheControl = CacheControlCache.NoStore;
        }

        context.Outcome = outcome;
        headers.ContentLength = body.Length;
        if (!context.IsHead)
        {
            context.Features.Get<IHttpResponseBodyFeature>()!.Writer.WriteBody(body);
        }
    }

    /// <summary>Sets the RFC 5019 §6.2 headers; returns true when a 304 was set instead of the body.</summary>
    private bool WriteCachingHeaders(OcspRequestContext context, in OcspReply answer, long now)
    {
        var headers = context.Response.Headers;
        if (!answer.IsCacheable)
        {
            headers.CacheControl = CacheControlCache.NoStore;
            return false;
        }

        var until = answer.NextResignTicks > 0 ? Math.Min(answer.NextUpdateTicks, answer.NextResignTicks) : answer.NextUpdateTicks;
        headers.CacheControl = _cacheControl.Get((until - now) / TimeSpan.TicksPerSecond);
        headers.LastModified = _dates.Get(answer.ThisUpdateTicks);
        headers.Expires = _dates.Get(answer.NextUpdateTicks);
        if (answer.EntityTag == UInt128.Zero)
        {
            return false;
        }

        headers.ETag = _entityTags.Get(answer.EntityTag);
        if (IfNoneMatch.Matches(context.Request.Headers.IfNoneMatch, answer.EntityTag))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return true;
        }

        return false;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "OCSP responder failed; answered internalError")]
    private static partial void LogResponderFailure(ILogger logger, Exception exception);
}
