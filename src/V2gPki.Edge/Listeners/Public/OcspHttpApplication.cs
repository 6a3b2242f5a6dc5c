// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Abstractions;
using Microsoft.AspNetCore.Http.Features;

namespace V2gPki.Edge.Listeners.Public;

/// <summary>
/// The OCSP listener as a bare Kestrel application: no routing, middleware, DI or <c>HttpContext</c> on the hot
/// path, but Kestrel's own HTTP/1.1 parser, smuggling defences and limits. Kestrel hands each request's feature
/// collection to <see cref="ProcessRequestAsync"/>; the per-connection <see cref="OcspRequestContext"/> is kept in
/// Kestrel's <see cref="IHostContextContainer{TContext}"/>, so requests after the first on a connection allocate
/// nothing here.
/// </summary>
/// <param name="exchange">Routes and answers requests.</param>
internal sealed class OcspHttpApplication(OcspExchange exchange) : IHttpApplication<OcspRequestContext>
{
    /// <inheritdoc/>
    public OcspRequestContext CreateContext(IFeatureCollection contextFeatures)
    {
        OcspRequestContext context;
        if (contextFeatures is IHostContextContainer<OcspRequestContext> container)
        {
            context = container.HostContext ??= exchange.CreateContext();
        }
        else
        {
            context = exchange.CreateContext();
        }

        context.Begin(contextFeatures, Stopwatch.GetTimestamp());
        return context;
    }

    /// <inheritdoc/>
    public Task ProcessRequestAsync(OcspRequestContext context) => exchange.ProcessAsync(context);

    /// <inheritdoc/>
    public void DisposeContext(OcspRequestContext context, Exception? exception)
    {
        exchange.Metrics.CountRequest(context.Route, context.Outcome, Stopwatch.GetTimestamp() - context.StartTimestamp);
        context.End();
    }
}
