// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Configuration;

/// <summary>The admin API listener: loopback HTTP with a bearer token by default; HTTPS when bound to another address.</summary>
internal sealed class AdminListenerOptions
{
    /// <summary>The IP address to bind.</summary>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>The TCP port.</summary>
    public int Port { get; set; } = 8081;

    /// <summary>The file holding the bearer token (relative paths are relative to <see cref="V2gPkiOptions.DataDir"/>).</summary>
    public string TokenFile { get; set; } = "admin.token";

    /// <summary>
    /// The HTTPS certificate (PEM, or PKCS#12 with a <c>.pfx</c>/<c>.p12</c> extension; relative to
    /// <see cref="V2gPkiOptions.DataDir"/>). Required when <see cref="Address"/> is not a loopback address: the bearer
    /// token never crosses a network in clear text. Absent: plain HTTP, loopback only.
    /// </summary>
    public string? HttpsCertificateFile { get; set; }

    /// <summary>The PEM private key of <see cref="HttpsCertificateFile"/> when it is not in the certificate file itself.</summary>
    public string? HttpsKeyFile { get; set; }

    /// <summary>The append-only audit log of admin actions, JSON lines (relative to <see cref="V2gPkiOptions.DataDir"/>).</summary>
    public string AuditLogFile { get; set; } = "audit/admin-audit.jsonl";

    /// <summary>Request size, time and connection limits.</summary>
    public ListenerLimitsOptions Limits { get; set; } = new() { MaxConcurrentConnections = 64 };
}
