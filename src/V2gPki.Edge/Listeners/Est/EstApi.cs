// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using V2gPki.Edge.Listeners.Kestrel;
using V2gPki.Est;
using V2gPki.Parties;
using V2gPki.Parties.Audit;
using V2gPki.Parties.Credentials;
using V2gPki.Pki.Profiles;

namespace V2gPki.Edge.Listeners.Est;

/// <summary>
/// The EST front end (RFC 7030, RFC 8951 and the OPCP path shapes, docs/architecture.md §3 EST enrollment): it only
/// translates HTTP. The path becomes an <see cref="EstRoute"/>, the credential an account (<see cref="EstAuthenticator"/>:
/// HTTP Basic or a bearer JWT),
/// the body a DER CSR (<see cref="EstRequestBody"/>); <see cref="EnrollmentService"/> decides, and its
/// <see cref="EstOutcome"/> becomes the status in one switch (<see cref="EstOutcomes.HttpStatus"/>). Cold path next to
/// OCSP: clarity over allocation.
/// </summary>
/// <remarks>
/// Wire rules: the request's Content-Type and Content-Transfer-Encoding are not checked (RFC 8951 §3.1 says to ignore
/// the latter; deployed clients send odd values of both), the body may be base64 with or without line breaks, PEM or
/// DER. Answers are <c>application/pkcs7-mime; smime-type=certs-only</c> (exactly: libest matches that prefix) or
/// <c>application/csrattrs</c>, line-wrapped base64 with <c>Content-Transfer-Encoding: base64</c> and a
/// <c>Content-Length</c>. A 401 carries <c>WWW-Authenticate: Basic</c> as its first challenge (libest reads only the
/// first and sends its credentials only after it), then <c>Bearer</c> when token issuers are configured. Errors are <c>text/plain</c> with a reason a person can act on.
/// </remarks>
internal sealed partial class EstApi
{
    /// <summary>The media type of a certs-only answer, as RFC 7030 §4.1.3 and §4.2.3 spell it.</summary>
    public const string CertsOnlyType = "application/pkcs7-mime; smime-type=certs-only";

    /// <summary>The media type of a <c>csrattrs</c> answer (RFC 7030 §4.5.2).</summary>
    public const string CsrAttrsType = "application/csrattrs";

    private const string TextType = "text/plain; charset=utf-8";

    private readonly EnrollmentService _service;
    private readonly EstAuthenticator _authenticator;
    private readonly IAuditLog _audit;
    private readonly EstMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly EstApiOptions _options;

    /// <summary>Creates the front end.</summary>
    /// <param name="service">The enrollment service.</param>
    /// <param name="authenticator">The credential checks of the parties.</param>
    /// <param name="audit">The audit log of enrollment attempts.</param>
    /// <param name="metrics">Request counters.</param>
    /// <param name="time">The clock (audit times).</param>
    /// <param name="logger">Logs failures of the front end itself.</param>
    /// <param name="options">Limits and switches.</param>
    public EstApi(EnrollmentService service, EstAuthenticator authenticator, IAuditLog audit, EstMetrics metrics, TimeProvider time, ILogger logger, EstApiOptions options)
    {
        _service = service ?? throw new ArgumentNullException(nameof(service));
        _authenticator = authenticator ?? throw new ArgumentNullException(nameof(authenticator));
        _audit = audit ?? throw new ArgumentNullException(nameof(audit));
        _metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _options = options ?? throw new ArgumentNullException(nameof(options));
    }

    /// <summary>Answers one request (the terminal request delegate of the EST listener).</summary>
    /// <param name="context">The request.</param>
    /// <returns>A task that completes when the response is written.</returns>
    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var exchange = new Exchange(context);
        try
        {
            await DispatchAsync(exchange).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await RespondErrorAsync(exchange, EstOutcome.TooLarge, "the body is larger than the listener's limit").ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex)
        {
            await RespondErrorAsync(exchange, EstOutcome.BadRequest, "request: " + ex.Message).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; counted below with the outcome reached so far.
        }
#pragma warning disable CA1031 // A bug in a handler must still be answered and counted, not crash the listener.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogHandlerFailed(_logger, ex, EstOutcomes.Name(exchange.Operation));
            if (!context.Response.HasStarted)
            {
                await RespondErrorAsync(exchange, EstOutcome.InternalError, "internal error (see the server log)").ConfigureAwait(false);
            }
        }
        finally
        {
            _metrics.Count(exchange.Operation, exchange.Outcome);
        }
    }

    private async Task DispatchAsync(Exchange exchange)
    {
        var request = exchange.Context.Request;
        var target = exchange.Context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var query = target.IndexOf('?', StringComparison.Ordinal);
        if (!EstRoute.TryParse(query < 0 ? target : target.AsSpan(0, query), out var route))
        {
            await RespondErrorAsync(exchange, EstOutcome.NotFound, "not an EST path (RFC 7030: /.well-known/est/{ca}/simpleenroll, /.well-known/est/{ca}/cacerts, …)").ConfigureAwait(false);
            return;
        }

        exchange.Operation = route.Operation;
        exchange.Route = route;
        var isRead = route.Operation is EstOperation.CaCerts or EstOperation.CsrAttrs;
        var allowed = isRead ? "GET, HEAD" : "POST";
        if (isRead ? !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) : !HttpMethods.IsPost(request.Method))
        {
            exchange.Context.Response.Headers.Allow = allowed;
            await RespondErrorAsync(exchange, EstOutcome.MethodNotAllowed, $"{EstOutcomes.Name(route.Operation)} takes {allowed}").ConfigureAwait(false);
            return;
        }

        switch (route.Operation)
        {
            case EstOperation.SimpleReenroll:
                await RespondErrorAsync(exchange, EstOutcome.NotSupported,
                    "simplereenroll (renewal with the current certificate as TLS client certificate) is not supported yet: renew through simpleenroll with the account's credential").ConfigureAwait(false);
                return;
            case EstOperation.ServerKeyGen:
                await RespondErrorAsync(exchange, EstOutcome.NotSupported, "serverkeygen is off: keys are made by their owner, never by this server").ConfigureAwait(false);
                return;
            case EstOperation.FullCmc:
                await RespondErrorAsync(exchange, EstOutcome.NotSupported, "fullcmc is not supported (RFC 7030 §4.3 makes it optional)").ConfigureAwait(false);
                return;
        }

        PartyAccount? account = null;
        if (!isRead || _options.CacertsRequiresAuthentication)
        {
            account = await AuthenticateAsync(exchange).ConfigureAwait(false);
            if (account is null)
            {
                return;
            }
        }

        switch (route.Operation)
        {
            case EstOperation.CaCerts:
                await CaCertsAsync(exchange, route).ConfigureAwait(false);
                return;
            case EstOperation.CsrAttrs:
                await CsrAttrsAsync(exchange, route).ConfigureAwait(false);
                return;
            default:
                await EnrollAsync(exchange, route, account!).ConfigureAwait(false);
                return;
        }
    }

    /// <summary>Checks the credential; answers 401 with the challenges and returns null when it does not authenticate.</summary>
    private async Task<PartyAccount?> AuthenticateAsync(Exchange exchange)
    {
        var caller = await _authenticator.AuthenticateAsync(exchange.Context.Request).ConfigureAwait(false);
        if (caller.Status == CredentialStatus.Authenticated && caller.Account is { } account)
        {
            exchange.Caller = account.Id;
            return account;
        }

        // RFC 9110 §11.6.1: a 401 names its challenges; without a credential (libest's first request) it only asks.
        exchange.Caller = caller.Status == CredentialStatus.Missing ? "anonymous" : "invalid-credentials";
        exchange.Context.Response.Headers.WWWAuthenticate = _authenticator.Challenges(caller);
        if (caller.Status != CredentialStatus.Missing && exchange.Operation == EstOperation.SimpleEnroll)
        {
            await AuditAsync(exchange, EstOutcome.Unauthenticated, caller.Reason, null, null).ConfigureAwait(false);
        }

        await RespondErrorAsync(exchange, EstOutcome.Unauthenticated, caller.Reason).ConfigureAwait(false);
        return null;
    }

    private async Task CaCertsAsync(Exchange exchange, EstRoute route)
    {
        IReadOnlyList<ReadOnlyMemory<byte>> certificates;
        if (route.Branch == EnrollmentBranch.None)
        {
            // /.well-known/est/cacerts without a {ca}: the trust anchor every branch shares.
            certificates = [_options.RootCertificate];
        }
        else
        {
            var outcome = _service.TryGetCaCertificates(route.Branch, route.IsoVersion, route.Algorithm, out certificates, out var reason);
            if (outcome != EstOutcome.Ok)
            {
                await RespondErrorAsync(exchange, outcome, reason).ConfigureAwait(false);
                return;
            }
        }

        var list = new ReadOnlyMemory<byte>[certificates.Count];
        for (var i = 0; i < list.Length; i++)
        {
            list[i] = certificates[i];
        }

        await RespondBase64Async(exchange, CertsOnlyType, CertsOnlyPkcs7.Encode(list)).ConfigureAwait(false);
    }

    private async Task CsrAttrsAsync(Exchange exchange, EstRoute route)
    {
        var outcome = _service.TryResolve(route.Branch, route.IsoVersion, route.Algorithm, out _, out var profile, out var reason);
        if (outcome != EstOutcome.Ok)
        {
            await RespondErrorAsync(exchange, outcome, reason).ConfigureAwait(false);
            return;
        }

        // RFC 7030 §4.5.2: the key algorithm with its curve, and the signature algorithm the CA expects.
        var (curve, signature) = profile!.AllowedKeyAlgorithms[0] switch
        {
            KeyAlgorithm.EcP521 => (KeyAlgorithms.P521Oid, KeyAlgorithms.EcdsaWithSha512Oid),
            KeyAlgorithm.EcP384 => (KeyAlgorithms.P384Oid, KeyAlgorithms.EcdsaWithSha384Oid),
            _ => (KeyAlgorithms.P256Oid, KeyAlgorithms.EcdsaWithSha256Oid),
        };
        await RespondBase64Async(exchange, CsrAttrsType, CsrAttributes.Encode(KeyAlgorithms.EcPublicKeyOid, curve, signature)).ConfigureAwait(false);
    }

    private async Task EnrollAsync(Exchange exchange, EstRoute route, PartyAccount account)
    {
        var context = exchange.Context;
        if (context.Request.ContentLength > _options.MaxRequestBodyBytes)
        {
            await RespondErrorAsync(exchange, EstOutcome.TooLarge, $"the body is larger than {_options.MaxRequestBodyBytes} bytes").ConfigureAwait(false);
            return;
        }

        var body = await RequestBody.ReadAsync(context.Request.BodyReader, _options.MaxRequestBodyBytes, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            await RespondErrorAsync(exchange, EstOutcome.TooLarge, $"the body is larger than {_options.MaxRequestBodyBytes} bytes").ConfigureAwait(false);
            return;
        }

        if (!EstRequestBody.TryDecodePkcs10(body, out var csr, out var bodyError))
        {
            await AuditAsync(exchange, EstOutcome.BadRequest, bodyError, null, null).ConfigureAwait(false);
            await RespondErrorAsync(exchange, EstOutcome.BadRequest, bodyError).ConfigureAwait(false);
            return;
        }

        var result = await _service.EnrollAsync(account, route.Branch, route.IsoVersion, route.Algorithm, csr, context.RequestAborted).ConfigureAwait(false);
        await AuditAsync(exchange, result.Outcome, result.Reason, result.CommonName, result.SerialHex).ConfigureAwait(false);
        if (result.Outcome != EstOutcome.Ok)
        {
            if (result.Outcome == EstOutcome.Busy)
            {
                context.Response.Headers.RetryAfter = "5";
            }

            await RespondErrorAsync(exchange, result.Outcome, result.Reason).ConfigureAwait(false);
            return;
        }

        // RFC 7030 §4.2.3: the answer holds only the certificate that was issued.
        await RespondBase64Async(exchange, CertsOnlyType, CertsOnlyPkcs7.Encode([result.Certificate])).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes an enrollment attempt to the audit log: who, which CA, which CN and serial, the outcome. No secrets; not
    /// synced on its own (the certificate itself is durable through the WAL before the answer).
    /// </summary>
    private ValueTask AuditAsync(Exchange exchange, EstOutcome outcome, string detail, string? subject, string? serial) =>
        _audit.AppendAsync(new AuditRecord
        {
            Time = _time.GetUtcNow(),
            Id = exchange.Id,
            Action = EstOutcomes.Name(exchange.Operation),
            Ca = exchange.Route.Label,
            Subject = subject,
            Serial = serial,
            Outcome = EstOutcomes.Name(outcome),
            Status = EstOutcomes.HttpStatus(outcome),
            Detail = detail.Length == 0 ? null : detail,
            Caller = exchange.Caller,
            Remote = exchange.Remote,
        }, durable: false, CancellationToken.None);

    private static Task RespondBase64Async(Exchange exchange, string contentType, byte[] der)
    {
        exchange.Outcome = EstOutcome.Ok;
        var response = exchange.Context.Response;
        var body = Encoding.ASCII.GetBytes(CertsOnlyPkcs7.ToBase64Lines(der));
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        response.Headers["Content-Transfer-Encoding"] = "base64";
        response.ContentLength = body.Length;
        return HttpMethods.IsHead(exchange.Context.Request.Method) ? Task.CompletedTask : response.Body.WriteAsync(body, 0, body.Length, exchange.Context.RequestAborted);
    }

    private static Task RespondErrorAsync(Exchange exchange, EstOutcome outcome, string reason)
    {
        exchange.Outcome = outcome;
        var response = exchange.Context.Response;
        var body = Encoding.UTF8.GetBytes(reason + "\n");
        response.StatusCode = EstOutcomes.HttpStatus(outcome);
        response.ContentType = TextType;
        response.ContentLength = body.Length;
        return HttpMethods.IsHead(exchange.Context.Request.Method) ? Task.CompletedTask : response.Body.WriteAsync(body, 0, body.Length, exchange.Context.RequestAborted);
    }

    [LoggerMessage(EventId = 50, Level = LogLevel.Error, Message = "EST {Operation} failed")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string operation);

    /// <summary>One request on its way through the front end: what it asked for and how it ended so far.</summary>
    private sealed class Exchange(HttpContext context)
    {
        public HttpContext Context { get; } = context;

        public string Id { get; } = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));

        public string? Remote { get; } = context.Connection.RemoteIpAddress is { } ip
            ? ip + ":" + context.Connection.RemotePort.ToString(CultureInfo.InvariantCulture)
            : null;

        public EstOperation Operation { get; set; }

        public EstRoute Route { get; set; }

        public EstOutcome Outcome { get; set; } = EstOutcome.InternalError;

        public string Caller { get; set; } = "anonymous";
    }
}
