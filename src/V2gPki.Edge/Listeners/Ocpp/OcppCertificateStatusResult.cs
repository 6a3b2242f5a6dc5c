// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Listeners.Ocpp;

/// <summary>The adapter's answer, transport-free: what to send and how to count it.</summary>
/// <param name="Body">The UTF-8 JSON body.</param>
/// <param name="Outcome">The outcome (counted in metrics; it decides the HTTP status).</param>
internal readonly record struct OcppCertificateStatusResult(byte[] Body, OcppOutcome Outcome)
{
    /// <summary>Gets the HTTP status: 200 for every OCPP-level answer (<c>Accepted</c> or <c>Failed</c>); 400/405/413/415 for HTTP-level refusals.</summary>
    public int HttpStatus => OcppOutcomes.HttpStatus(Outcome);
}
