// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Net;
using V2gPki.Parties.Credentials;

namespace V2gPki.Edge.Listeners.Est;

/// <summary>Limits and switches of the EST front end.</summary>
internal sealed class EstApiOptions
{
    /// <summary>Gets the largest request body read (a CSR is a few hundred bytes).</summary>
    public int MaxRequestBodyBytes { get; init; } = 16 * 1024;

    /// <summary>Gets whether <c>cacerts</c> and <c>csrattrs</c> need an authenticated caller (RFC 7030 §4.1.1 lets them be public).</summary>
    public bool CacertsRequiresAuthentication { get; init; }

    /// <summary>Gets the failed authentications per client address (429 once used up).</summary>
    public required FailedAttempts FailedAttempts { get; init; }

    /// <summary>Gets the header a trusted proxy forwards the client certificate in, or null for none.</summary>
    public string? ForwardedClientCertificateHeader { get; init; }

    /// <summary>Gets the proxies whose forwarded client certificate is believed.</summary>
    public IReadOnlyList<IPAddress> TrustedProxies { get; init; } = [];

    /// <summary>Gets the V2G root certificate, the answer of <c>/.well-known/est/cacerts</c> without a <c>{ca}</c>.</summary>
    public required ReadOnlyMemory<byte> RootCertificate { get; init; }
}
