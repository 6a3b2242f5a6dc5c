// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Listeners.Ocpp;

/// <summary>Limits of the OCPP GetCertificateStatus adapter.</summary>
internal sealed class OcppAdapterOptions
{
    /// <summary>Largest JSON body (413 above); a GetCertificateStatusRequest is well under 1 KiB.</summary>
    public int MaxRequestBodyBytes { get; set; } = 8 * 1024;

    /// <summary>
    /// The most base64 characters of <c>ocspResult</c> (OCPP 2.0.1: 5500; OCPP 2.1 raises the minimum to 18000). A
    /// larger response is answered <c>Failed</c>/<c>ResultTooLarge</c> instead of a message the station would reject.
    /// </summary>
    public int MaxOcspResultLength { get; set; } = 5500;
}
