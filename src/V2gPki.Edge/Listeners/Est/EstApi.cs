// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Globalization;
using System.Net;
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
/// first and sends its credentials only after it), then <c>Bearer</c> when token issuers are configured, and no body
/// (BouncyCastle Java fails on a 401 with one). Other errors are <c>text/plain</c> with a reason a person can act on.
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
        if (IsTrustedProxy(exchange.Context.Connection.RemoteIpAddress) && ForwardedFor(request.Headers["X-Forwarded-For"].ToString()) is { } client)
        {
            exchange.Address = client;
        }
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
            case EstOperation.ServerKeyGen:
                await RespondErrorAsync(exchange, EstOutcome.NotSupported, "serverkeygen is off: keys are made by their owner, never by this server").ConfigureAwait(false);
                return;
            case EstOperation.FullCmc:
                await RespondErrorAsync(exchange, EstOutcome.NotSupported, "fullcmc is not supported (RFC 7030 §4.3 makes it optional)").ConfigureAwait(false);
                return;
        }

        // A credential is needed to enroll, and for cacerts and csrattrs when configured so; the client certificate is
        // one (BouncyCastle's client can authenticate csrattrs only that way).
        var needsCredential = !isRead || _options.CacertsRequiresAuthentication;
        if (needsCredential)
        {
            if (_options.FailedAttempts.IsBlocked(exchange.Address, out var retryAfter))
            {
                exchange.Context.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                await RespondErrorAsync(exchange, EstOutcome.TooManyFailures,
                    $"too many failed authentications from {exchange.Address}; try again in {Math.Ceiling(retryAfter.TotalSeconds)} s").ConfigureAwait(false);
                return;
            }

            if (!ResolveClientCertificate(exchange, out var forwardedError))
            {
                await RespondErrorAsync(exchange, EstOutcome.BadRequest, forwardedError).ConfigureAwait(false);
                return;
            }
        }

        if (route.Operation == EstOperation.SimpleReenroll)
        {
            await ReenrollAsync(exchange, route).ConfigureAwait(false);
            return;
        }

        PartyAccount? account = null;
        if (needsCredential)
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

    /// <summary>
    /// Checks the credential (<see cref="EstAuthenticator"/>: an HTTP credential when there is one, else the TLS client
    /// certificate against the party-auth CAs); answers 401 with the challenges and returns null when it does not
    /// authenticate. A presented credential that fails counts against the client's address.
    /// </summary>
    private async Task<PartyAccount?> AuthenticateAsync(Exchange exchange)
    {
        var caller = await _authenticator.AuthenticateAsync(exchange.Context.Request, exchange.ClientCertificate).ConfigureAwait(false);
        if (caller.Status == CredentialStatus.Authenticated && caller.Account is { } account)
        {
            exchange.Caller = caller.Scheme == EstCredentialScheme.ClientCertificate ? account.Id + " (client certificate)" : account.Id;
            return account;
        }

        // RFC 9110 §11.6.1: a 401 names its challenges; without a credential (libest's first request) it only asks.
        exchange.Caller = caller.Status == CredentialStatus.Missing ? "anonymous"
            : caller.Scheme == EstCredentialScheme.ClientCertificate ? "refused-client-certificate" : "invalid-credentials";
        exchange.Context.Response.Headers.WWWAuthenticate = _authenticator.Challenges(caller);
        if (caller.Status != CredentialStatus.Missing)
        {
            RecordFailure(exchange, caller.Reason);
        }

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
        var csr = await ReadCsrAsync(exchange).ConfigureAwait(false);
        if (csr is null)
        {
            return;
        }

        var result = await _service.EnrollAsync(account, route.Branch, route.IsoVersion, route.Algorithm, csr.Value, exchange.Context.RequestAborted).ConfigureAwait(false);
        await RespondEnrolledAsync(exchange, result).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>simplereenroll</c> (RFC 7030 §4.2.2): the client authenticates in TLS with the certificate being renewed; the
    /// service checks that this branch's CA issued it, that it is good in the registry and that the CSR keeps its
    /// subject. Without a client certificate there is nothing to renew: 403, since no HTTP credential would help.
    /// </summary>
    private async Task ReenrollAsync(Exchange exchange, EstRoute route)
    {
        if (exchange.ClientCertificate is not { } certificate)
        {
            exchange.Caller = "anonymous";
            const string Reason = "simplereenroll renews the certificate the client presents in the TLS handshake, and none was presented (RFC 7030 §3.3.2)";
            await AuditAsync(exchange, EstOutcome.Forbidden, Reason, null, null).ConfigureAwait(false);
            await RespondErrorAsync(exchange, EstOutcome.Forbidden, Reason).ConfigureAwait(false);
            return;
        }

        exchange.Caller = "certificate " + certificate.SerialNumber;
        var csr = await ReadCsrAsync(exchange).ConfigureAwait(false);
        if (csr is null)
        {
            return;
        }

        var result = await _service.ReenrollAsync(certificate.RawData, route.Branch, route.IsoVersion, route.Algorithm, csr.Value, exchange.Context.RequestAborted).ConfigureAwait(false);
        if (result.Outcome == EstOutcome.Forbidden)
        {
            // The certificate itself was refused (another CA, expired, revoked): a failed authentication.
            RecordFailure(exchange, result.Reason);
        }

        await RespondEnrolledAsync(exchange, result).ConfigureAwait(false);
    }

    /// <summary>Reads and decodes the PKCS#10 body; answers 413 or 400 and returns null when it is not one.</summary>
    private async Task<ReadOnlyMemory<byte>?> ReadCsrAsync(Exchange exchange)
    {
        var context = exchange.Context;
        if (context.Request.ContentLength > _options.MaxRequestBodyBytes)
        {
            await RespondErrorAsync(exchange, EstOutcome.TooLarge, $"the body is larger than {_options.MaxRequestBodyBytes} bytes").ConfigureAwait(false);
            return null;
        }

        var body = await RequestBody.ReadAsync(context.Request.BodyReader, _options.MaxRequestBodyBytes, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            await RespondErrorAsync(exchange, EstOutcome.TooLarge, $"the body is larger than {_options.MaxRequestBodyBytes} bytes").ConfigureAwait(false);
            return null;
        }

        if (!EstRequestBody.TryDecodePkcs10(body, out var csr, out var bodyError))
        {
            await AuditAsync(exchange, EstOutcome.BadRequest, bodyError, null, null).ConfigureAwait(false);
            await RespondErrorAsync(exchange, EstOutcome.BadRequest, bodyError).ConfigureAwait(false);
            return null;
        }

        return csr;
    }

    /// <summary>Audits an enrollment or renewal and answers it: the leaf alone (RFC 7030 §4.2.3), or the refusal.</summary>
    private async Task RespondEnrolledAsync(Exchange exchange, EnrollmentResult result)
    {
        await AuditAsync(exchange, result.Outcome, result.Reason, result.CommonName, result.SerialHex).ConfigureAwait(false);
        if (result.Outcome != EstOutcome.Ok)
        {
            if (result.Outcome == EstOutcome.Busy)
            {
                exchange.Context.Response.Headers.RetryAfter = "5";
            }

            await RespondErrorAsync(exchange, result.Outcome, result.Reason).ConfigureAwait(false);
            return;
        }

        // RFC 7030 §4.2.3: the answer holds only the certificate that was issued.
        await RespondBase64Async(exchange, CertsOnlyType, CertsOnlyPkcs7.Encode([result.Certificate])).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes an enrollment attempt to the audit log: who, which CA, which CN and serial, the outcome. No secrets. An
    /// issued certificate's line is durable before the answer, through the log's group commit (one fsync shared by the
    /// enrollments that answer together, never one of their own); refusals are written without waiting for a sync.
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
        }, durable: outcome == EstOutcome.Ok, CancellationToken.None);

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
        response.StatusCode = EstOutcomes.HttpStatus(outcome);
        if (outcome == EstOutcome.Unauthenticated)
        {
            // BouncyCastle Java's EST client closes a 401 before it answers the challenge and gives up when the body
            // was not read to its Content-Length: the challenge goes without a body (RFC 9110 §15.5.2 requires the
            // header, not a body); the reason of a rejected credential is in the audit log.
            response.ContentLength = 0;
            return Task.CompletedTask;
        }

        var body = Encoding.UTF8.GetBytes(reason + "\n");
        response.ContentType = TextType;
        response.ContentLength = body.Length;
        return HttpMethods.IsHead(exchange.Context.Request.Method) ? Task.CompletedTask : response.Body.WriteAsync(body, 0, body.Length, exchange.Context.RequestAborted);
    }

    /// <summary>
    /// The client certificate of a request: on a connection from a trusted proxy, the one it forwards in the configured
    /// header (or none; the connection's own TLS certificate is the proxy's), else the one of the TLS handshake. A
    /// header from anyone else is ignored. False with the reason when a trusted proxy forwards something unreadable.
    /// </summary>
    private bool ResolveClientCertificate(Exchange exchange, out string error)
    {
        error = string.Empty;
        var connection = exchange.Context.Connection;
        if (_options.ForwardedClientCertificateHeader is not { } name || !IsTrustedProxy(connection.RemoteIpAddress))
        {
            exchange.ClientCertificate = connection.ClientCertificate;
            return true;
        }

        var header = exchange.Context.Request.Headers[name].ToString();
        if (header.Length == 0)
        {
            return true;
        }

        if (!ForwardedCertificate.TryRead(header, out var forwarded, out error))
        {
            return false;
        }

        exchange.ClientCertificate = forwarded;
        exchange.Context.Response.RegisterForDispose(forwarded);
        return true;
    }

    /// <summary>
    /// The client address a trusted proxy appended to <c>X-Forwarded-For</c>: the last entry (the ones before it are what
    /// the client itself sent, and anyone can send anything), when it is an IP address; otherwise null.
    /// </summary>
    private static string? ForwardedFor(string header)
    {
        if (header.Length == 0)
        {
            return null;
        }

        var last = header.AsSpan(header.LastIndexOf(',') + 1).Trim();
        return IPAddress.TryParse(last, out var address) ? address.ToString() : null;
    }

    private bool IsTrustedProxy(IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        foreach (var proxy in _options.TrustedProxies)
        {
            if (proxy.Equals(address))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Counts a failed authentication of the client's address and logs it, without the secret.</summary>
    private void RecordFailure(Exchange exchange, string reason)
    {
        var blocked = _options.FailedAttempts.RecordFailure(exchange.Address);
        LogAuthenticationFailed(_logger, exchange.Address, EstOutcomes.Name(exchange.Operation), reason, blocked);
    }

    [LoggerMessage(EventId = 51, Level = LogLevel.Warning, Message = "EST authentication failed from {Address} ({Operation}): {Reason}; address blocked: {Blocked}")]
    private static partial void LogAuthenticationFailed(ILogger logger, string address, string operation, string reason, bool blocked);

    [LoggerMessage(EventId = 50, Level = LogLevel.Error, Message = "EST {Operation} failed")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string operation);

    /// <summary>One request on its way through the front end: what it asked for and how it ended so far.</summary>
    private sealed class Exchange(HttpContext context)
    {
        public HttpContext Context { get; } = context;

        public string Id { get; } = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));

        /// <summary>
        /// Gets or sets the client's IP address, the key of the failed-authentication count: the connection's, or behind
        /// a trusted proxy the address that proxy appended to <c>X-Forwarded-For</c>.
        /// </summary>
        public string Address { get; set; } = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

        public string? Remote { get; } = context.Connection.RemoteIpAddress is { } ip
            ? ip + ":" + context.Connection.RemotePort.ToString(CultureInfo.InvariantCulture)
            : null;

        public EstOperation Operation { get; set; }

        public EstRoute Route { get; set; }

        public EstOutcome Outcome { get; set; } = EstOutcome.InternalError;

        public string Caller { get; set; } = "anonymous";

        /// <summary>Gets or sets the client certificate: the TLS one, or one a trusted proxy forwarded.</summary>
        public System.Security.Cryptography.X509Certificates.X509Certificate2? ClientCertificate { get; set; }
    }
}
