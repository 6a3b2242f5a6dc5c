// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Listeners.Admin;

/// <summary>Names and HTTP statuses of <see cref="AdminOutcome"/> and names of <see cref="AdminAction"/>.</summary>
internal static class AdminOutcomes
{
    /// <summary>The HTTP status of an outcome (the one switch, docs/style.md §15).</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The status code.</returns>
    public static int HttpStatus(AdminOutcome outcome) => outcome switch
    {
        AdminOutcome.Ok or AdminOutcome.Unchanged => StatusCodes.Status200OK,
        AdminOutcome.BadRequest => StatusCodes.Status400BadRequest,
        AdminOutcome.Unauthorized => StatusCodes.Status401Unauthorized,
        AdminOutcome.NotFound => StatusCodes.Status404NotFound,
        AdminOutcome.MethodNotAllowed => StatusCodes.Status405MethodNotAllowed,
        AdminOutcome.Conflict => StatusCodes.Status409Conflict,
        AdminOutcome.TooLarge => StatusCodes.Status413PayloadTooLarge,
        AdminOutcome.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        AdminOutcome.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>The label of an outcome in metrics, the audit log and error bodies.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The label.</returns>
    public static string Name(AdminOutcome outcome) => outcome switch
    {
        AdminOutcome.Ok => "ok",
        AdminOutcome.Unchanged => "unchanged",
        AdminOutcome.BadRequest => "bad_request",
        AdminOutcome.Unauthorized => "unauthorized",
        AdminOutcome.NotFound => "not_found",
        AdminOutcome.MethodNotAllowed => "method_not_allowed",
        AdminOutcome.Conflict => "conflict",
        AdminOutcome.TooLarge => "too_large",
        AdminOutcome.UnsupportedMediaType => "unsupported_media_type",
        AdminOutcome.Unavailable => "unavailable",
        _ => "error",
    };

    /// <summary>The label of an action.</summary>
    /// <param name="action">The action.</param>
    /// <returns>The label.</returns>
    public static string Name(AdminAction action) => action switch
    {
        AdminAction.Revoke => "revoke",
        AdminAction.Unhold => "unhold",
        AdminAction.Status => "status",
        AdminAction.Pem => "pem",
        AdminAction.List => "list",
        AdminAction.Cas => "cas",
        _ => "unknown",
    };
}
