// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using V2gPki.Edge.Listeners.Kestrel;

namespace V2gPki.Edge.Listeners.Public;

/// <summary>
/// The CRL route (<c>GET /crl/&lt;ca-name&gt;.crl</c>, docs/architecture.md §7: DER, <c>application/pkix-crl</c>,
/// strong ETag, Last-Modified, 304) and the <c>/api/…</c> handler routes. Cold paths: a CRL name costs one string.
/// </summary>
internal sealed partial class OcspExchange
{
    private const string CrlType = "application/pkix-crl";

    // A CRL is regenerated within about a second of a revocation (docs/architecture.md §10), so caches revalidate every
    // time; the ETag makes that a 304 until the next change.
    private const string CrlCacheControl = "public, no-cache";

    private const int MaxCaNameLength = 64;

    private static ReadOnlySpan<byte> CrlNotFoundBody => "no CRL of that name: GET /crl/<ca-name>.crl (v2g-root, cpo-sub1, cpo-sub2, …)\n"u8;

    private static ReadOnlySpan<byte> ApiNotFoundBody => "no such API route\n"u8;

    /// <summary>Answers <c>GET /crl/&lt;ca-name&gt;.crl</c>: the CRL, 304 when the client's copy is current, 404 for an unknown CA.</summary>
    /// <param name="context">The request state.</param>
    /// <param name="fileName">The raw target after <c>/crl/</c>, without the query.</param>
    public void WriteCrl(OcspRequestContext context, ReadOnlySpan<char> fileName)
    {
        context.Route = RequestRoute.Crl;
        if (!TryGetCaName(fileName, out var name) || Crls is null || !Crls.TryGetCrl(name, out var crl))
        {
            context.Outcome = RequestOutcome.NotFound;
            _metrics.CountRejected(RejectReason.NotFound);
            WriteText(context, StatusCodes.Status404NotFound, CrlNotFoundBody, TextType);
            return;
        }

        var response = context.Response;
        var headers = response.Headers;
        headers.ETag = crl.ETag;
        headers.LastModified = _dates.Get(crl.ThisUpdate.UtcTicks);
        if (crl.NextUpdate is { } next)
        {
            headers.Expires = _dates.Get(next.UtcTicks);
        }

        headers.CacheControl = CrlCacheControl;
        if (IsNotModified(context.Request.Headers, crl.ETag, crl.ThisUpdate))
        {
            context.Outcome = RequestOutcome.NotModified;
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        context.Outcome = RequestOutcome.Ok;
        WriteText(context, StatusCodes.Status200OK, crl.Der.Span, CrlType);
    }

    /// <summary>Hands an <c>/api/…</c> request to the handler registered for its exact path, or answers 404.</summary>
    /// <param name="context">The request state.</param>
    /// <param name="path">The raw path.</param>
    /// <returns>The handler's task.</returns>
    public Task ApiAsync(OcspRequestContext context, ReadOnlySpan<char> path)
    {
        context.Route = RequestRoute.Api;
        foreach (var route in Routes)
        {
            if (path.Equals(route.Path, StringComparison.OrdinalIgnoreCase))
            {
                return RunHandlerAsync(context, route);
            }
        }

        context.Outcome = RequestOutcome.NotFound;
        _metrics.CountRejected(RejectReason.NotFound);
        WriteText(context, StatusCodes.Status404NotFound, ApiNotFoundBody, TextType);
        return Task.CompletedTask;
    }

    private async Task RunHandlerAsync(OcspRequestContext context, IPublicRouteHandler route)
    {
        var aborted = context.Features.Get<IHttpRequestLifetimeFeature>()?.RequestAborted ?? CancellationToken.None;
        int status;
        try
        {
            status = await route.HandleAsync(context.Features, aborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            return;
        }
        catch (BadHttpRequestException ex)
        {
            WriteBodyRejected(context, ex);
            return;
        }
#pragma warning disable CA1031 // A handler bug must become a 500 for this request, not a dropped connection (invariant 5).
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _metrics.CountRejected(RejectReason.ResponderException);
            LogResponderFailure(_logger, ex);
            context.Outcome = RequestOutcome.InternalError;
            if (!context.Response.HasStarted)
            {
                context.Response.Headers.Clear();
                WriteText(context, StatusCodes.Status500InternalServerError, "internal error\n"u8, TextType);
            }

            return;
        }

        context.Outcome = status switch
        {
            >= 200 and < 300 => RequestOutcome.Ok,
            304 => RequestOutcome.NotModified,
            404 => RequestOutcome.NotFound,
            405 => RequestOutcome.MethodNotAllowed,
            413 => RequestOutcome.PayloadTooLarge,
            503 => RequestOutcome.NotReady,
            >= 500 => RequestOutcome.InternalError,
            _ => RequestOutcome.BadRequest,
        };
    }

    /// <summary>Takes <c>&lt;ca-name&gt;</c> out of <c>&lt;ca-name&gt;.crl</c>: docs/architecture.md §2 names are lower-case letters, digits and dashes.</summary>
    private static bool TryGetCaName(ReadOnlySpan<char> fileName, out string name)
    {
        name = string.Empty;
        if (!fileName.EndsWith(".crl", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var stem = fileName[..^4];
        if (stem.IsEmpty || stem.Length > MaxCaNameLength)
        {
            return false;
        }

        foreach (var c in stem)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
            {
                return false;
            }
        }

        name = stem.ToString().ToLowerInvariant();
        return true;
    }

    /// <summary>RFC 9110 §13.1.2–13.1.3, §13.2.2: If-None-Match when present (weak comparison), else If-Modified-Since.</summary>
    private static bool IsNotModified(IHeaderDictionary request, string entityTag, DateTimeOffset lastModified)
    {
        var ifNoneMatch = request.IfNoneMatch;
        if (ifNoneMatch.Count > 0)
        {
            var opaque = entityTag.AsSpan().Trim('"');
            foreach (var value in ifNoneMatch)
            {
                if (value is not null && IfNoneMatch.ListMatches(value, opaque))
                {
                    return true;
                }
            }

            return false;
        }

        var ifModifiedSince = request.IfModifiedSince;
        if (ifModifiedSince.Count == 1 && DateTimeOffset.TryParseExact(
                ifModifiedSince[0], "r", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var since))
        {
            // HTTP dates have whole seconds; thisUpdate of our CRLs too.
            return lastModified.UtcTicks / TimeSpan.TicksPerSecond <= since.UtcTicks / TimeSpan.TicksPerSecond;
        }

        return false;
    }
}
