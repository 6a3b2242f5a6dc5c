// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Diagnostics;

namespace V2gPki.Edge.Http;

/// <summary>
/// Minimal-API route handlers for the benchmark host (<see cref="Hosting.OcspHostKind.Slim"/>): endpoint routing
/// picks the route, the handlers call the same <see cref="OcspExchange"/> as the product host. They are
/// <see cref="RequestDelegate"/>s, so no request-delegate generator or reflection is involved under NativeAOT.
/// </summary>
/// <param name="exchange">The OCSP exchange.</param>
internal sealed class SlimOcspHandlers(OcspExchange exchange)
{
    private readonly OcspRequestContextPool _pool = new(exchange);

    /// <summary><c>POST /</c>, <c>POST /ocsp</c>.</summary>
    /// <param name="http">The request.</param>
    /// <returns>Completion.</returns>
    public Task PostAsync(HttpContext http)
    {
        var context = Begin(http);
        return Finish(context, exchange.PostAsync(context));
    }

    /// <summary><c>GET /{**base64}</c>, <c>GET /ocsp/{**base64}</c>: the base64 is taken from the raw target (the route value keeps <c>%2F</c>).</summary>
    /// <param name="http">The request.</param>
    /// <returns>Completion.</returns>
    public Task GetAsync(HttpContext http)
    {
        var context = Begin(http);
        var target = context.Request.RawTarget;
        EdgeRouter.Classify(target, out var start, out var length);
        return Finish(context, exchange.GetAsync(context, target.AsSpan(start, length)));
    }

    /// <summary><c>GET /</c> alone: not an OCSP request.</summary>
    /// <param name="http">The request.</param>
    /// <returns>Completion.</returns>
    public Task NotFoundAsync(HttpContext http)
    {
        var context = Begin(http);
        exchange.WriteNotFound(context);
        return Finish(context, Task.CompletedTask);
    }

    /// <summary><c>/health</c>.</summary>
    /// <param name="http">The request.</param>
    /// <returns>Completion.</returns>
    public Task HealthAsync(HttpContext http)
    {
        var context = Begin(http);
        OcspExchange.WriteHealth(context);
        return Finish(context, Task.CompletedTask);
    }

    /// <summary><c>/ready</c>.</summary>
    /// <param name="http">The request.</param>
    /// <returns>Completion.</returns>
    public Task ReadyAsync(HttpContext http)
    {
        var context = Begin(http);
        exchange.WriteReady(context);
        return Finish(context, Task.CompletedTask);
    }

    /// <summary><c>/metrics</c>.</summary>
    /// <param name="http">The request.</param>
    /// <returns>Completion.</returns>
    public Task MetricsAsync(HttpContext http)
    {
        var context = Begin(http);
        exchange.WriteMetrics(context);
        return Finish(context, Task.CompletedTask);
    }

    private OcspRequestContext Begin(HttpContext http)
    {
        var context = _pool.Rent();
        context.Begin(http.Features, Stopwatch.GetTimestamp());
        context.IsHead = HttpMethods.IsHead(http.Request.Method);
        return context;
    }

    private Task Finish(OcspRequestContext context, Task work)
    {
        if (work.IsCompletedSuccessfully)
        {
            Complete(context);
            return Task.CompletedTask;
        }

        return FinishAsync(context, work);
    }

    private async Task FinishAsync(OcspRequestContext context, Task work)
    {
        try
        {
            await work.ConfigureAwait(false);
        }
        finally
        {
            Complete(context);
        }
    }

    private void Complete(OcspRequestContext context)
    {
        exchange.Metrics.CountRequest(context.Route, context.Outcome, Stopwatch.GetTimestamp() - context.StartTimestamp);
        _pool.Return(context);
    }
}
