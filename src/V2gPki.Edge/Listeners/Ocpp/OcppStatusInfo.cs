// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Listeners.Ocpp;

/// <summary>OCPP 2.0.1 <c>StatusInfoType</c>: why the status is <c>Failed</c>.</summary>
internal sealed class OcppStatusInfo
{
    /// <summary>The most OCPP 2.0.1 allows in <see cref="ReasonCode"/>.</summary>
    public const int MaxReasonCodeLength = 20;

    /// <summary>The most OCPP 2.0.1 allows in <see cref="AdditionalInfo"/>.</summary>
    public const int MaxAdditionalInfoLength = 512;

    /// <summary>
    /// A reason code (at most 20 characters): <c>FormatViolation</c> (a field missing or of the wrong type),
    /// <c>InvalidValue</c> (bad hash algorithm, hash or serial), <c>UnknownIssuer</c> (the responder does not answer for
    /// that issuer: OCSP <c>unauthorized</c>), <c>TryLater</c> (store not ready, slow path over its bound),
    /// <c>ResultTooLarge</c> (the response would exceed the 5500 base64 characters of OCPP 2.0.1), <c>InternalError</c>.
    /// </summary>
    public required string ReasonCode { get; init; }

    /// <summary>Details for a human (at most 512 characters).</summary>
    public string? AdditionalInfo { get; init; }
}
