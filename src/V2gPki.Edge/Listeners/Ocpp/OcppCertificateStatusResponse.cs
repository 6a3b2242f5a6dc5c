// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Listeners.Ocpp;

/// <summary>OCPP 2.0.1 <c>GetCertificateStatusResponse</c> (docs/iso15118.md §6).</summary>
internal sealed class OcppCertificateStatusResponse
{
    /// <summary><c>Accepted</c> (<see cref="OcspResult"/> holds the response) or <c>Failed</c> (<see cref="StatusInfo"/> says why).</summary>
    public required string Status { get; init; }

    /// <summary>Why the status is <c>Failed</c>.</summary>
    public OcppStatusInfo? StatusInfo { get; init; }

    /// <summary>The DER <c>OCSPResponse</c> (RFC 6960), base64, at most 5500 characters (OCPP 2.0.1).</summary>
    public string? OcspResult { get; init; }
}
