// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Listeners.Ocpp;

/// <summary>HTTP statuses and labels of <see cref="OcppOutcome"/>, as <c>AdminOutcomes</c> has them for the admin API.</summary>
internal static class OcppOutcomes
{
    /// <summary>
    /// The HTTP status of an outcome (the one switch, docs/style.md §15): 200 for every OCPP-level answer
    /// (<c>Accepted</c> or <c>Failed</c>, what a CSMS reads), an HTTP error only for what never became an OCPP request.
    /// </summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The status code.</returns>
    public static int HttpStatus(OcppOutcome outcome) => outcome switch
    {
        OcppOutcome.BadJson => StatusCodes.Status400BadRequest,
        OcppOutcome.MethodNotAllowed => StatusCodes.Status405MethodNotAllowed,
        OcppOutcome.TooLarge => StatusCodes.Status413PayloadTooLarge,
        OcppOutcome.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        _ => StatusCodes.Status200OK,
    };

    /// <summary>The <c>error</c> of the JSON body an HTTP-level refusal carries.</summary>
    /// <param name="outcome">An outcome whose <see cref="HttpStatus"/> is not 200.</param>
    /// <returns>The error code.</returns>
    public static string ErrorCode(OcppOutcome outcome) => outcome switch
    {
        OcppOutcome.BadJson => "bad_request",
        OcppOutcome.MethodNotAllowed => "method_not_allowed",
        OcppOutcome.TooLarge => "too_large",
        OcppOutcome.UnsupportedMediaType => "unsupported_media_type",
        _ => "error",
    };

    /// <summary>The label of an outcome in metrics.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The label.</returns>
    public static string Name(OcppOutcome outcome) => outcome switch
    {
        OcppOutcome.Accepted => "accepted",
        OcppOutcome.InvalidRequest => "invalid_request",
        OcppOutcome.UnknownIssuer => "unknown_issuer",
        OcppOutcome.TryLater => "try_later",
        OcppOutcome.ResultTooLarge => "result_too_large",
        OcppOutcome.InternalError => "internal_error",
        OcppOutcome.BadJson => "bad_json",
        OcppOutcome.TooLarge => "too_large",
        OcppOutcome.UnsupportedMediaType => "unsupported_media_type",
        _ => "method_not_allowed",
    };
}
