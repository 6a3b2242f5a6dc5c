// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using V2gPki.Edge.Configuration;

namespace V2gPki.Edge.Listeners.Kestrel;

/// <summary>Applies a <see cref="ListenerOptions"/> to Kestrel: the endpoint, HTTP/1.1 only, and every limit explicitly.</summary>
internal static class KestrelListenerSetup
{
    /// <summary>Configures <paramref name="kestrel"/> for one plain-HTTP listener.</summary>
    /// <param name="kestrel">The server options.</param>
    /// <param name="listener">Address, port and limits.</param>
    public static void Apply(KestrelServerOptions kestrel, ListenerOptions listener)
    {
        ApplyLimits(kestrel, listener.Limits);

        // Plain HTTP: RFC 5019 and ISO 15118 expect it; HTTP/2 without TLS is not offered.
        kestrel.Listen(IPAddress.Parse(listener.Address), listener.Port, static o => o.Protocols = HttpProtocols.Http1);
    }

    /// <summary>Sets every limit explicitly (the public and the admin listener), no Server header, no synchronous I/O.</summary>
    /// <param name="kestrel">The server options.</param>
    /// <param name="limits">The configured limits.</param>
    public static void ApplyLimits(KestrelServerOptions kestrel, ListenerLimitsOptions limits)
    {
        kestrel.AddServerHeader = false;
        kestrel.AllowSynchronousIO = false;
        kestrel.Limits.MaxRequestBodySize = limits.MaxRequestBodyBytes;
        kestrel.Limits.MaxRequestHeadersTotalSize = limits.MaxRequestHeadersTotalBytes;
        kestrel.Limits.MaxRequestHeaderCount = limits.MaxRequestHeaderCount;
        kestrel.Limits.MaxRequestLineSize = limits.MaxRequestLineBytes;
        kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(limits.RequestHeadersTimeoutSeconds);
        kestrel.Limits.KeepAliveTimeout = TimeSpan.FromSeconds(limits.KeepAliveTimeoutSeconds);
        kestrel.Limits.MinRequestBodyDataRate = limits.MinRequestBodyBytesPerSecond > 0
            ? new MinDataRate(limits.MinRequestBodyBytesPerSecond, TimeSpan.FromSeconds(limits.MinRequestBodyGraceSeconds))
            : null;
        kestrel.Limits.MaxConcurrentConnections = limits.MaxConcurrentConnections > 0 ? limits.MaxConcurrentConnections : null;
    }
}
