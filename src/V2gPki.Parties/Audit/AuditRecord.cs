// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Parties.Audit;

/// <summary>
/// One line of an audit log (the admin API's today; enrollment adds its lines with the same fields). Never holds a
/// secret: <see cref="Caller"/> is the credential's id (an admin token's id), or <c>anonymous</c> /
/// <c>invalid-token</c> for refused requests.
/// </summary>
public sealed class AuditRecord
{
    /// <summary>When the line was written (UTC, from the injected clock).</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>The request id; a state-changing action writes a <c>requested</c> line and an outcome line with the same id.</summary>
    public required string Id { get; init; }

    /// <summary>The action: <c>revoke</c>, <c>unhold</c>, <c>status</c>, <c>pem</c>, <c>list</c>, <c>cas</c> or <c>unknown</c>.</summary>
    public required string Action { get; init; }

    /// <summary>The CA name given, if any.</summary>
    public string? Ca { get; init; }

    /// <summary>The serial as given (normalised hex when it parsed), if any.</summary>
    public string? Serial { get; init; }

    /// <summary>The revocation reason (RFC 5280 name), if any.</summary>
    public string? Reason { get; init; }

    /// <summary>The subject ID searched for, if any.</summary>
    public string? Subject { get; init; }

    /// <summary>
    /// What happened: <c>requested</c> (before a state change is attempted), then <c>applied</c>, <c>unchanged</c> or
    /// a refusal (<c>unauthorized</c>, <c>bad_request</c>, <c>not_found</c>, <c>conflict</c>, …); <c>ok</c> for reads.
    /// </summary>
    public required string Outcome { get; init; }

    /// <summary>The HTTP status sent; 0 on a <c>requested</c> line.</summary>
    public int Status { get; init; }

    /// <summary>A short explanation (the error sent, or the resulting status).</summary>
    public string? Detail { get; init; }

    /// <summary>Who asked: the token id, <c>anonymous</c> or <c>invalid-token</c>.</summary>
    public required string Caller { get; init; }

    /// <summary>The client's address and port.</summary>
    public string? Remote { get; init; }
}
