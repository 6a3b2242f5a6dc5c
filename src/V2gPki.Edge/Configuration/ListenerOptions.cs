// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Configuration;

/// <summary>One HTTP listener: where it binds and its explicit limits (docs/architecture.md §4 invariant 5).</summary>
internal sealed class ListenerOptions
{
    /// <summary>The IP address to bind (<c>127.0.0.1</c>, <c>0.0.0.0</c>, <c>::</c>).</summary>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>The TCP port; 0 picks a free port (tests), which the server prints when it starts.</summary>
    public int Port { get; set; } = 8080;

    /// <summary>
    /// Run request handling inline on the socket I/O threads instead of dispatching each request to the thread
    /// pool (Kestrel's <c>SocketTransportOptions.UnsafePreferInlineScheduling</c>). Only safe because the OCSP
    /// handler never blocks (the live slow path is asynchronous); measured in
    /// docs/decisions/0003-socket-completions.md.
    /// </summary>
    public bool InlineScheduling { get; set; }

    /// <summary>Request size, time and connection limits.</summary>
    public ListenerLimitsOptions Limits { get; set; } = new();
}
