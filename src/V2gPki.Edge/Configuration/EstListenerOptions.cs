// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Configuration;

/// <summary>
/// The EST listener (RFC 7030 and the OPCP path shapes, docs/architecture.md §7): HTTPS only, TLS 1.2 and 1.3, on its
/// own port. Absent from the configuration: no EST listener.
/// </summary>
internal sealed class EstListenerOptions
{
    /// <summary>The IP address to bind.</summary>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>The TCP port.</summary>
    public int Port { get; set; } = 8443;

    /// <summary>
    /// The HTTPS server certificate (PEM, or PKCS#12 with a <c>.pfx</c>/<c>.p12</c> extension; relative to
    /// <see cref="V2gPkiOptions.DataDir"/>). Required: EST carries credentials and private CSRs.
    /// </summary>
    public string HttpsCertificateFile { get; set; } = string.Empty;

    /// <summary>The PEM private key of <see cref="HttpsCertificateFile"/> when it is not in the certificate file itself (mode 0600).</summary>
    public string? HttpsKeyFile { get; set; }

    /// <summary>
    /// Whether <c>cacerts</c> needs an authenticated caller. RFC 7030 §4.1.1 lets the CA certificates be public (the
    /// default); OPCP asks for a token on every call.
    /// </summary>
    public bool CacertsRequiresAuthentication { get; set; }

    /// <summary>
    /// Failed authentications (wrong password, bad token, refused client certificate; not a request without a
    /// credential) allowed per client address within <see cref="FailedAuthenticationWindowSeconds"/>; then 429 until
    /// the window ends.
    /// </summary>
    public int FailedAuthenticationLimit { get; set; } = 20;

    /// <summary>The window of <see cref="FailedAuthenticationLimit"/>, in seconds.</summary>
    public int FailedAuthenticationWindowSeconds { get; set; } = 300;

    /// <summary>
    /// The request header in which a TLS-terminating proxy forwards the client's certificate (nginx:
    /// <c>proxy_set_header X-SSL-Client-Cert $ssl_client_escaped_cert;</c>), or null (the default) for none. Believed
    /// only on connections from <see cref="TrustedProxies"/>; on those, the connection's own TLS certificate is the
    /// proxy's and is not used.
    /// </summary>
    public string? ForwardedClientCertificateHeader { get; set; }

    /// <summary>The IP addresses of the TLS-terminating proxies whose <see cref="ForwardedClientCertificateHeader"/> is believed.</summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>The append-only audit log of enrollments, JSON lines (relative to <see cref="V2gPkiOptions.DataDir"/>).</summary>
    public string AuditLogFile { get; set; } = "audit/est-audit.jsonl";

    /// <summary>Request size, time and connection limits: a CSR is a few hundred bytes, so 16 KiB bounds any body.</summary>
    public ListenerLimitsOptions Limits { get; set; } = new() { MaxRequestBodyBytes = 16 * 1024, MaxConcurrentConnections = 1024 };
}
