// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Listeners.Admin;

/// <summary>The body of every admin API error response.</summary>
internal sealed class AdminError
{
    /// <summary>A stable code: <c>bad_request</c>, <c>unauthorized</c>, <c>not_found</c>, <c>conflict</c>, <c>too_large</c>, <c>unsupported_media_type</c>, <c>method_not_allowed</c>, <c>unavailable</c>, <c>error</c>.</summary>
    public required string Error { get; init; }

    /// <summary>A short human-readable reason (the field and what is wrong with it).</summary>
    public string? Detail { get; init; }
}
