// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Est;

namespace V2gPki.Edge.Listeners.Est;

/// <summary>HTTP statuses and labels of <see cref="EstOutcome"/>, as <c>AdminOutcomes</c> has them for the admin API.</summary>
internal static class EstOutcomes
{
    /// <summary>The HTTP status of an outcome (the one switch, docs/style.md §15; RFC 7030 §4.2.3 for 202 and errors).</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The status code.</returns>
    public static int HttpStatus(EstOutcome outcome) => outcome switch
    {
        EstOutcome.Ok => StatusCodes.Status200OK,
        EstOutcome.Pending => StatusCodes.Status202Accepted,
        EstOutcome.BadRequest => StatusCodes.Status400BadRequest,
        EstOutcome.Unauthenticated => StatusCodes.Status401Unauthorized,
        EstOutcome.Forbidden => StatusCodes.Status403Forbidden,
        EstOutcome.NotFound => StatusCodes.Status404NotFound,
        EstOutcome.MethodNotAllowed => StatusCodes.Status405MethodNotAllowed,
        EstOutcome.TooLarge => StatusCodes.Status413PayloadTooLarge,
        EstOutcome.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        EstOutcome.NotSupported => StatusCodes.Status501NotImplemented,
        EstOutcome.Busy => StatusCodes.Status503ServiceUnavailable,
        EstOutcome.SubjectLimitReached => StatusCodes.Status409Conflict,
        EstOutcome.TooManyFailures => StatusCodes.Status429TooManyRequests,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>The label of an outcome in metrics and the audit log.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The label.</returns>
    public static string Name(EstOutcome outcome) => outcome switch
    {
        EstOutcome.Ok => "ok",
        EstOutcome.Pending => "pending",
        EstOutcome.BadRequest => "bad_request",
        EstOutcome.Unauthenticated => "unauthenticated",
        EstOutcome.Forbidden => "forbidden",
        EstOutcome.NotFound => "not_found",
        EstOutcome.MethodNotAllowed => "method_not_allowed",
        EstOutcome.TooLarge => "too_large",
        EstOutcome.UnsupportedMediaType => "unsupported_media_type",
        EstOutcome.NotSupported => "not_supported",
        EstOutcome.Busy => "busy",
        EstOutcome.SubjectLimitReached => "subject_limit",
        EstOutcome.TooManyFailures => "too_many_failures",
        _ => "internal_error",
    };

    /// <summary>The label of an operation in metrics and the audit log.</summary>
    /// <param name="operation">The operation.</param>
    /// <returns>The RFC 7030 path segment, or <c>unknown</c>.</returns>
    public static string Name(EstOperation operation) => operation switch
    {
        EstOperation.CaCerts => "cacerts",
        EstOperation.SimpleEnroll => "simpleenroll",
        EstOperation.SimpleReenroll => "simplereenroll",
        EstOperation.CsrAttrs => "csrattrs",
        EstOperation.ServerKeyGen => "serverkeygen",
        EstOperation.FullCmc => "fullcmc",
        _ => "unknown",
    };
}
