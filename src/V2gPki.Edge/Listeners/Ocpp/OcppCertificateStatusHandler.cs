// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using V2gPki.Edge.Listeners.Admin;
using V2gPki.Edge.Listeners.Kestrel;
using V2gPki.Edge.Listeners.Public;
using V2gPki.Issuer.Answering;


namespace V2gPki.Edge.Listeners.Ocpp;

/// <summary>
/// The OCPP 2.0.1 <c>GetCertificateStatus</c> adapter for a CSMS (docs/architecture.md §7, <c>POST /api/v1/ocpp/certificate-status</c>):
/// <c>OCSPRequestDataType</c> JSON in, the equivalent DER OCSP request through the same <see cref="IOcspResponder"/>
/// as the OCSP listener (fast path, then the bounded live path), <c>{status, ocspResult | statusInfo}</c> out.
/// </summary>
/// <remarks>
/// HTTP 200 for every OCPP-level answer: <c>Accepted</c> with the base64 DER <c>OCSPResponse</c>, or <c>Failed</c>
/// with <see cref="OcppStatusInfo"/> (bad field → <c>FormatViolation</c>/<c>InvalidValue</c>, unknown issuer →
/// <c>UnknownIssuer</c>, <c>TryLater</c>, <c>ResultTooLarge</c>, <c>InternalError</c>). HTTP errors only for what never
/// reaches OCPP: 400 not JSON, 405 not POST, 413 body too large, 415 Content-Type not JSON. Not the hot path (a CSMS asks
/// once per station every few days); it allocates.
/// <para>Routing: from the public listener's router, send <see cref="RoutePath"/> (match with <see cref="IsPath"/> on
/// the raw target, or by <see cref="Path"/>) to <see cref="HandleAsync(IFeatureCollection, CancellationToken)"/>, whose
/// shape is that of a public-listener route handler (<c>string Path</c>, <c>Task&lt;int&gt; HandleAsync(features, token)</c>
/// returning the status written); under minimal APIs, <c>app.MapPost(RoutePath, (RequestDelegate)handler.HandleAsync)</c>.
/// Constructed over a responder that answers tryLater while the process starts, it answers <c>Failed</c>/<c>TryLater</c>
/// until then.</para>
/// </remarks>
internal sealed partial class OcppCertificateStatusHandler : IPublicRouteHandler
{
    /// <summary>The route (docs/architecture.md §7).</summary>
    public const string RoutePath = "/api/v1/ocpp/certificate-status";

    private const string JsonType = "application/json; charset=utf-8";

    private readonly IOcspResponder _responder;
    private readonly OcppMetrics _metrics;
    private readonly ILogger _logger;
    private readonly OcppAdapterOptions _options;

    /// <summary>Creates the adapter.</summary>
    /// <param name="responder">The OCSP answering chain of the OCSP listener (parser, issuer table, store, splice, live signer).</param>
    /// <param name="metrics">Counters by outcome.</param>
    /// <param name="logger">Logs responder failures; null for none.</param>
    /// <param name="options">Body and result limits; null for the defaults.</param>
    public OcppCertificateStatusHandler(IOcspResponder responder, OcppMetrics metrics, ILogger? logger = null, OcppAdapterOptions? options = null)
    {
        _responder = responder ?? throw new ArgumentNullException(nameof(responder));
        _metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));
        _logger = logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        _options = options ?? new OcppAdapterOptions();
    }

    /// <summary>The exact path served (<see cref="RoutePath"/>), for a router that matches handlers by path.</summary>
    public string Path => RoutePath;

    /// <summary>Whether a raw request target is the adapter's route (query ignored; path compared case-insensitively).</summary>
    /// <param name="rawTarget">The request target as sent.</param>
    /// <returns>True for <see cref="RoutePath"/>, with or without a trailing slash or a query.</returns>
    public static bool IsPath(ReadOnlySpan<char> rawTarget)
    {
        var query = rawTarget.IndexOf('?');
        var path = query < 0 ? rawTarget : rawTarget[..query];
        if (path.EndsWith("/") && path.Length > 1)
        {
            path = path[..^1];
        }

        return path.Equals(RoutePath, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Answers one request under minimal APIs (<c>app.MapPost(RoutePath, (RequestDelegate)handler.HandleAsync)</c>).</summary>
    /// <param name="context">The request.</param>
    /// <returns>A task that completes when the response is written.</returns>
    public Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return HandleAsync(context.Features, context.RequestAborted);
    }

    /// <summary>Answers one request over Kestrel's features (the bare <c>IHttpApplication</c> of the public listener).</summary>
    /// <param name="features">The request's feature collection (valid until the returned task completes).</param>
    /// <param name="cancellationToken">Signalled when the client goes away.</param>
    /// <returns>The HTTP status written (for the listener's metrics).</returns>
    public async Task<int> HandleAsync(IFeatureCollection features, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(features);
        var request = features.Get<IHttpRequestFeature>()!;
        var aborted = cancellationToken;
        OcppCertificateStatusResult result;
        if (!HttpMethods.IsPost(request.Method))
        {
            result = Refuse(OcppOutcome.MethodNotAllowed, "POST only");
            features.Get<IHttpResponseFeature>()!.Headers.Allow = HttpMethods.Post;
        }
        else if (!AdminApi.IsJson(request.Headers.ContentType))
        {
            result = Refuse(OcppOutcome.UnsupportedMediaType, "Content-Type must be application/json");
        }
        else if (request.Headers.ContentLength > _options.MaxRequestBodyBytes)
        {
            result = Refuse(OcppOutcome.TooLarge, $"body: larger than {_options.MaxRequestBodyBytes} bytes");
        }
        else
        {
            byte[]? body;
            try
            {
                body = await RequestBody.ReadAsync(features.Get<IRequestBodyPipeFeature>()!.Reader, _options.MaxRequestBodyBytes, aborted).ConfigureAwait(false);
            }
            catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                body = null;
            }

            result = body is null
                ? Refuse(OcppOutcome.TooLarge, $"body: larger than {_options.MaxRequestBodyBytes} bytes")
                : await AnswerAsync(body, aborted).ConfigureAwait(false);
        }

        _metrics.Count(result.Outcome);
        var response = features.Get<IHttpResponseFeature>()!;
        response.StatusCode = result.HttpStatus;
        response.Headers.ContentType = JsonType;
        response.Headers.ContentLength = result.Body.Length;
        response.Headers.CacheControl = "no-store";
        await features.Get<IHttpResponseBodyFeature>()!.Writer.WriteAsync(result.Body, aborted).ConfigureAwait(false);
        return result.HttpStatus;
    }

    /// <summary>Answers a request body, transport-free (HTTP-level checks of method, media type and size are the caller's).</summary>
    /// <param name="json">The UTF-8 JSON body.</param>
    /// <param name="cancellationToken">Signalled when the client goes away (the live path stops waiting).</param>
    /// <returns>The status, JSON body and outcome.</returns>
    public async ValueTask<OcppCertificateStatusResult> AnswerAsync(ReadOnlyMemory<byte> json, CancellationToken cancellationToken)
    {
        OcspRequestData? data;
        OcppStatusInfo? failure;
        bool parsed;
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
            parsed = OcspRequestDataParser.TryParse(document.RootElement, out data, out failure);
        }
        catch (JsonException)
        {
            return Refuse(OcppOutcome.BadJson, "body: not valid JSON");
        }

        if (!parsed)
        {
            return Failed(OcppOutcome.InvalidRequest, failure!);
        }

        var derRequest = OcspRequestEncoder.Encode(data!);
        var body = new ArrayBufferWriter<byte>(2048);
        OcspReply answer;
        try
        {
            answer = _responder.Answer(derRequest, body);
            if (answer.Outcome == OcspOutcome.NeedsLiveSigning)
            {
                body.ResetWrittenCount();
                answer = await _responder.AnswerSlowAsync(derRequest, body, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The responder's contract: an exception is a bug, answered internalError (IOcspResponder remarks).
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogResponderFailed(_logger, ex);
            answer = OcspReply.Error(OcspOutcome.InternalError);
        }

        return answer.Outcome switch
        {
            OcspOutcome.Successful => Accepted(body.WrittenSpan),
            OcspOutcome.Unauthorized => Failed(OcppOutcome.UnknownIssuer, "UnknownIssuer",
                $"the responder does not answer for this issuer ({OcppHashText.AlgorithmName(data!.HashAlgorithm)} issuerNameHash/issuerKeyHash match no configured CA and hash algorithm): OCSP unauthorized"),
            OcspOutcome.TryLater => Failed(OcppOutcome.TryLater, "TryLater", "the responder cannot answer now (store not ready, response being renewed, or live signing busy): retry"),
            OcspOutcome.MalformedRequest => Failed(OcppOutcome.InvalidRequest, "InvalidValue", "the responder refused the CertID built from ocspRequestData (malformedRequest)"),
            _ => Failed(OcppOutcome.InternalError, "InternalError", "the responder failed (" + answer.Outcome + ")"),
        };
    }

    private OcppCertificateStatusResult Accepted(ReadOnlySpan<byte> response)
    {
        var base64 = Convert.ToBase64String(response);
        if (base64.Length > _options.MaxOcspResultLength)
        {
            return Failed(OcppOutcome.ResultTooLarge, "ResultTooLarge", $"the OCSP response is {base64.Length} base64 characters; OCPP 2.0.1 allows {_options.MaxOcspResultLength}");
        }

        return new(Serialize(new OcppCertificateStatusResponse { Status = "Accepted", OcspResult = base64 }), OcppOutcome.Accepted);
    }

    private static OcppCertificateStatusResult Failed(OcppOutcome outcome, string reasonCode, string info) =>
        Failed(outcome, new OcppStatusInfo { ReasonCode = reasonCode, AdditionalInfo = info });

    private static OcppCertificateStatusResult Failed(OcppOutcome outcome, OcppStatusInfo info)
    {
        var additional = info.AdditionalInfo;
        if (additional is { Length: > OcppStatusInfo.MaxAdditionalInfoLength })
        {
            info = new OcppStatusInfo { ReasonCode = info.ReasonCode, AdditionalInfo = additional[..OcppStatusInfo.MaxAdditionalInfoLength] };
        }

        return new(Serialize(new OcppCertificateStatusResponse { Status = "Failed", StatusInfo = info }), outcome);
    }

    private static OcppCertificateStatusResult Refuse(OcppOutcome outcome, string detail) =>
        new(JsonSerializer.SerializeToUtf8Bytes(new OcppError { Error = OcppOutcomes.ErrorCode(outcome), Detail = detail }, OcppJsonContext.Readable.OcppError), outcome);

    private static byte[] Serialize(OcppCertificateStatusResponse response) =>
        JsonSerializer.SerializeToUtf8Bytes(response, OcppJsonContext.Readable.OcppCertificateStatusResponse);

    [LoggerMessage(EventId = 30, Level = LogLevel.Error, Message = "OCSP responder failed under the OCPP adapter; answered Failed/InternalError")]
    private static partial void LogResponderFailed(ILogger logger, Exception exception);
}
