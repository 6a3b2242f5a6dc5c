// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using V2gPki.Issuer;
using V2gPki.Issuer.Worker;
using V2gPki.Parties.Audit;
using V2gPki.Parties.Credentials;
using V2gPki.Store;

namespace V2gPki.Edge.Listeners.Admin;

/// <summary>
/// The admin API (docs/architecture.md §3 revocation flow, §7): every request authenticated by bearer token, routed,
/// answered in JSON, counted and written to the audit log (refused ones too). Cold path: clarity over allocation.
/// </summary>
/// <remarks>
/// Routes (under <c>/admin/v1</c>):
/// <list type="bullet">
/// <item><c>POST /revoke</c> <c>{ca, serial, reason, time?}</c> → 200 <see cref="StatusChangeResponse"/> after the
/// worker's acknowledgement (WAL commit); idempotent.</item>
/// <item><c>POST /unhold</c> <c>{ca, serial}</c> → 200; only from certificateHold (409 otherwise).</item>
/// <item><c>GET /certificates/{ca}/{serial}</c> → <see cref="CertificateDetails"/>; <c>…/pem</c> → the certificate.</item>
/// <item><c>GET /certificates?subject=&lt;id&gt;[&amp;limit=n]</c> → <see cref="CertificateList"/>.</item>
/// <item><c>GET /cas</c> → <see cref="CaList"/>.</item>
/// </list>
/// Errors carry <see cref="AdminError"/>: 400 bad JSON/serial/reason, 401 with <c>WWW-Authenticate: Bearer</c>, 404
/// unknown route/CA/serial, 405, 409 transition not allowed, 413, 415 not JSON, 503 (+ <c>Retry-After</c>) worker queue
/// full / store not ready / audit log unwritable, 500 signing failed.
/// </remarks>
internal sealed partial class AdminApi
{
    /// <summary>The path prefix of every admin route.</summary>
    public const string Prefix = "/admin/v1/";

    private const string JsonType = "application/json; charset=utf-8";
    private const string Realm = "Bearer realm=\"v2gpki-admin\"";

    private readonly IssuingWorker _worker;
    private readonly IssuerDirectory _directory;
    private readonly ICertificateRegistry _registry;
    private readonly IServingIndex _serving;
    private readonly AdminTokens _tokens;
    private readonly IAuditLog _audit;
    private readonly AdminMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly AdminApiOptions _options;

    /// <summary>Creates the API over the issuing worker and the store.</summary>
    /// <param name="worker">Applies revocations and un-holds (priority lane, WAL commit before the acknowledgement).</param>
    /// <param name="directory">The CAs: names ↔ store issuer ids, certificates, signers.</param>
    /// <param name="registry">The certificate registry (records, DER, scans).</param>
    /// <param name="serving">The serving index (the response the OCSP listener serves).</param>
    /// <param name="tokens">The accepted bearer tokens.</param>
    /// <param name="audit">The audit log.</param>
    /// <param name="metrics">Request counters.</param>
    /// <param name="time">The clock (audit times, expiry, freshness).</param>
    /// <param name="logger">Logs failures of the API itself; null for none.</param>
    /// <param name="options">Body and listing limits; null for the defaults.</param>
    public AdminApi(IssuingWorker worker, IssuerDirectory directory, ICertificateRegistry registry, IServingIndex serving, AdminTokens tokens,
        IAuditLog audit, AdminMetrics metrics, TimeProvider time, ILogger? logger = null, AdminApiOptions? options = null)
    {
        _worker = worker ?? throw new ArgumentNullException(nameof(worker));
        _directory = directory ?? throw new ArgumentNullException(nameof(directory));
        _registry = registry ?? throw new ArgumentNullException(nameof(registry));
        _serving = serving ?? throw new ArgumentNullException(nameof(serving));
        _tokens = tokens ?? throw new ArgumentNullException(nameof(tokens));
        _audit = audit ?? throw new ArgumentNullException(nameof(audit));
        _metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        _options = options ?? new AdminApiOptions();
    }

    /// <summary>Answers one request (the terminal request delegate of the admin listener).</summary>
    /// <param name="context">The request.</param>
    /// <returns>A task that completes when the response is written.</returns>
    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var connection = context.Connection;
        var remote = connection.RemoteIpAddress is { } ip ? ip + ":" + connection.RemotePort.ToString(CultureInfo.InvariantCulture) : null;
        var request = new AdminRequest(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), remote);
        context.Response.Headers["X-Request-Id"] = request.Id;
        try
        {
            await DispatchAsync(context, request).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await FailAsync(context, request, AdminOutcome.TooLarge, "body: larger than the listener's limit").ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex)
        {
            await FailAsync(context, request, AdminOutcome.BadRequest, "request: " + ex.Message).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; counted below with the outcome reached so far.
        }
#pragma warning disable CA1031 // A bug in a handler must still be answered, audited and counted, not crash the listener.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogHandlerFailed(_logger, ex, AdminOutcomes.Name(request.Action));
            if (!context.Response.HasStarted)
            {
                await FailAsync(context, request, AdminOutcome.Error, "internal error (see the server log)").ConfigureAwait(false);
            }
        }
        finally
        {
            _metrics.Count(request.Action, request.Outcome);
        }
    }

    private Task DispatchAsync(HttpContext context, AdminRequest request)
    {
        var route = Route(context.Request.Path.Value, out var ca, out var serial);
        request.Action = route.Action;
        request.Ca = ca is null ? null : Truncate(ca);
        request.Serial = serial is null ? null : Truncate(serial);

        var auth = _tokens.Authenticate(context.Request.Headers.Authorization.ToString(), out var tokenId);
        if (auth != CredentialStatus.Authenticated)
        {
            request.Caller = auth == CredentialStatus.Missing ? "anonymous" : "invalid-token";
            context.Response.Headers.WWWAuthenticate = auth == CredentialStatus.Missing ? Realm : Realm + ", error=\"invalid_token\"";
            return FailAsync(context, request, AdminOutcome.Unauthorized, auth switch
            {
                CredentialStatus.Missing => "missing bearer token (Authorization: Bearer <token>)",
                CredentialStatus.Malformed => "malformed Authorization header (expected: Bearer <token>)",
                _ => "invalid bearer token",
            });
        }

        request.Caller = tokenId!;
        if (route.Action == AdminAction.Unknown)
        {
            return FailAsync(context, request, AdminOutcome.NotFound, "no such admin route (see /admin/v1/: revoke, unhold, certificates, cas)");
        }

        if (!string.Equals(context.Request.Method, route.Method, StringComparison.Ordinal))
        {
            context.Response.Headers.Allow = route.Method;
            return FailAsync(context, request, AdminOutcome.MethodNotAllowed, $"{route.Method} only");
        }

        return route.Action switch
        {
            AdminAction.Revoke => RevokeAsync(context, request),
            AdminAction.Unhold => UnholdAsync(context, request),
            AdminAction.Status => StatusAsync(context, request),
            AdminAction.Pem => PemAsync(context, request),
            AdminAction.List => ListAsync(context, request),
            _ => CasAsync(context, request),
        };
    }

    /// <summary>Classifies a request path.</summary>
    /// <param name="path">The decoded path.</param>
    /// <param name="ca">The CA segment of a certificate route.</param>
    /// <param name="serial">The serial segment of a certificate route.</param>
    /// <returns>The action and the one method it takes.</returns>
    internal static (AdminAction Action, string Method) Route(string? path, out string? ca, out string? serial)
    {
        ca = null;
        serial = null;
        if (path is null || !path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return (AdminAction.Unknown, HttpMethods.Get);
        }

        var rest = path.AsSpan(Prefix.Length);
        if (rest.EndsWith("/"))
        {
            rest = rest[..^1];
        }

        Span<Range> parts = stackalloc Range[5];
        var count = rest.Split(parts, '/');
        var first = rest[parts[0]];
        switch (count)
        {
            case 1 when first.SequenceEqual("revoke"):
                return (AdminAction.Revoke, HttpMethods.Post);
            case 1 when first.SequenceEqual("unhold"):
                return (AdminAction.Unhold, HttpMethods.Post);
            case 1 when first.SequenceEqual("cas"):
                return (AdminAction.Cas, HttpMethods.Get);
            case 1 when first.SequenceEqual("certificates"):
                return (AdminAction.List, HttpMethods.Get);
            case 3 or 4 when first.SequenceEqual("certificates") && !rest[parts[1]].IsEmpty && !rest[parts[2]].IsEmpty:
                ca = rest[parts[1]].ToString();
                serial = rest[parts[2]].ToString();
                if (count == 3)
                {
                    return (AdminAction.Status, HttpMethods.Get);
                }

                return rest[parts[3]].SequenceEqual("pem") ? (AdminAction.Pem, HttpMethods.Get) : (AdminAction.Unknown, HttpMethods.Get);
            default:
                return (AdminAction.Unknown, HttpMethods.Get);
        }
    }

    /// <summary>Sends an error: audit line (durable for state-changing actions), <see cref="AdminError"/> body.</summary>
    private Task FailAsync(HttpContext context, AdminRequest request, AdminOutcome outcome, string detail)
    {
        if (outcome == AdminOutcome.Unavailable)
        {
            context.Response.Headers.RetryAfter = "1";
        }

        return RespondAsync(context, request, outcome, detail, new AdminError { Error = AdminOutcomes.Name(outcome), Detail = detail }, AdminJsonContext.Readable.AdminError);
    }

    /// <summary>Writes the outcome's audit line, then the JSON response.</summary>
    private async Task RespondAsync<T>(HttpContext context, AdminRequest request, AdminOutcome outcome, string? detail, T body, JsonTypeInfo<T> typeInfo)
    {
        request.Outcome = outcome;
        var status = AdminOutcomes.HttpStatus(outcome);
        // Synced for state-changing actions of authenticated callers; an unauthenticated flood must not turn into an fsync storm.
        var durable = IsStateChanging(request.Action) && outcome != AdminOutcome.Unauthorized;
        await AuditAsync(request, AdminOutcomes.Name(outcome), status, detail, durable).ConfigureAwait(false);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, typeInfo);
        await WriteAsync(context, request, status, JsonType, bytes).ConfigureAwait(false);
    }

    private static async Task WriteAsync(HttpContext context, AdminRequest request, int status, string contentType, byte[] bytes)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength = bytes.Length;
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        request.Answered = true;
        await response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>
    /// Appends an audit line. An outcome line that cannot be written is logged and counted: the response still says what
    /// happened (the change, if any, is already durable). A state change whose <c>requested</c> line cannot be written is
    /// refused before it is attempted (see <see cref="TryAuditRequestedAsync"/>).
    /// </summary>
    private async Task AuditAsync(AdminRequest request, string outcome, int status, string? detail, bool durable)
    {
        try
        {
            await _audit.AppendAsync(NewRecord(request, outcome, status, detail), durable, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            _metrics.AuditFailures.Increment();
            LogAuditFailed(_logger, ex, request.Id);
        }
    }

    /// <summary>Writes and syncs the <c>requested</c> line of a state change; false when the audit log is unwritable.</summary>
    private async Task<bool> TryAuditRequestedAsync(AdminRequest request)
    {
        try
        {
            await _audit.AppendAsync(NewRecord(request, "requested", 0, null), durable: true, CancellationToken.None).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            _metrics.AuditFailures.Increment();
            LogAuditFailed(_logger, ex, request.Id);
            return false;
        }
    }

    private AuditRecord NewRecord(AdminRequest request, string outcome, int status, string? detail) => new()
    {
        Time = _time.GetUtcNow(),
        Id = request.Id,
        Action = AdminOutcomes.Name(request.Action),
        Ca = request.Ca,
        Serial = request.Serial,
        Reason = request.Reason,
        Subject = request.Subject,
        Outcome = outcome,
        Status = status,
        Detail = detail,
        Caller = request.Caller,
        Remote = request.Remote,
    };

    private static bool IsStateChanging(AdminAction action) => action is AdminAction.Revoke or AdminAction.Unhold;

    [LoggerMessage(EventId = 20, Level = LogLevel.Error, Message = "Admin API handler for {Action} failed; answered 500")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string action);

    [LoggerMessage(EventId = 21, Level = LogLevel.Error, Message = "Admin audit log write failed for request {RequestId}")]
    private static partial void LogAuditFailed(ILogger logger, Exception exception, string requestId);
}
