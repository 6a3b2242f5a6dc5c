// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Listeners.Admin;

/// <summary>
/// The body of <c>POST /admin/v1/revoke</c> and <c>POST /admin/v1/unhold</c> as the CLI sends it. The server also
/// accepts the reason as a JSON number (the RFC 5280 code).
/// </summary>
internal sealed class StatusChangeRequestBody
{
    /// <summary>The CA name (docs/architecture.md §2), e.g. <c>cpo-sub2</c>.</summary>
    public required string Ca { get; init; }

    /// <summary>The serial, hex.</summary>
    public required string Serial { get; init; }

    /// <summary>The RFC 5280 reason name or code (revoke only).</summary>
    public string? Reason { get; init; }

    /// <summary>The revocation time, RFC 3339 (revoke only; default now; not in the future).</summary>
    public DateTimeOffset? Time { get; init; }
}
