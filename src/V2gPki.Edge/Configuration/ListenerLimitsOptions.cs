// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Configuration;

/// <summary>
/// The limits of one listener, applied to Kestrel (docs/architecture.md §7). Violations are answered by Kestrel itself
/// (413, 431, 400, closed connection) before the request reaches our handler, except the body limit, which the
/// handler checks against <c>Content-Length</c> first.
/// </summary>
internal sealed class ListenerLimitsOptions
{
    /// <summary>Largest request body; a POSTed OCSP request is ~100 bytes, 8 KiB leaves room for signed requests (413 above).</summary>
    public int MaxRequestBodyBytes { get; set; } = 8 * 1024;

    /// <summary>Largest total size of the request headers (431 above).</summary>
    public int MaxRequestHeadersTotalBytes { get; set; } = 8 * 1024;

    /// <summary>Most request headers (431 above); OCSP clients send fewer than ten.</summary>
    public int MaxRequestHeaderCount { get; set; } = 64;

    /// <summary>Longest request line, which bounds a GET request's base64 path (414 above).</summary>
    public int MaxRequestLineBytes { get; set; } = 8 * 1024;

    /// <summary>Time allowed to receive the request line and headers; a slower client is disconnected (slowloris).</summary>
    public double RequestHeadersTimeoutSeconds { get; set; } = 10;

    /// <summary>Idle time after which a kept-alive connection is closed.</summary>
    public double KeepAliveTimeoutSeconds { get; set; } = 30;

    /// <summary>Minimum request body rate in bytes per second after the grace period; 0 disables the check.</summary>
    public double MinRequestBodyBytesPerSecond { get; set; } = 240;

    /// <summary>Grace period before <see cref="MinRequestBodyBytesPerSecond"/> applies; above 1 second (Kestrel's minimum).</summary>
    public double MinRequestBodyGraceSeconds { get; set; } = 5;

    /// <summary>
    /// Open connections accepted at once; further connections are closed at once. Size it from file descriptors and
    /// memory (buffers are pooled per request in flight, not held per connection); 0 means no cap.
    /// </summary>
    public long MaxConcurrentConnections { get; set; } = 10_000;
}
