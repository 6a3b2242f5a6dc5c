// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Configuration;

/// <summary>The listeners (docs/architecture.md §7). OCSP and CRL are plain HTTP (RFC 5019, ISO 15118); admin is separate.</summary>
internal sealed class ListenersOptions
{
    /// <summary>
    /// The OCSP listener (also <c>/health</c>, <c>/ready</c>, <c>/metrics</c>). Inline scheduling is on by default:
    /// its handler never blocks, and it measured 8–18 % more requests/s on 2 cores
    /// (docs/decisions/0003-socket-completions.md).
    /// </summary>
    public ListenerOptions Ocsp { get; set; } = new() { Address = "127.0.0.1", Port = 8080, InlineScheduling = true };

    /// <summary>
    /// A separate CRL listener; when absent (the default), CRLs are served at <c>/crl/&lt;ca-name&gt;.crl</c> on the
    /// OCSP listener, which is the URL a CRL distribution point carries.
    /// </summary>
    public ListenerOptions? Crl { get; set; }

    /// <summary>The admin API listener (loopback HTTP with a bearer token by default).</summary>
    public AdminListenerOptions Admin { get; set; } = new();

    /// <summary>The EST listener (HTTPS); absent: no EST.</summary>
    public EstListenerOptions? Est { get; set; }
}
