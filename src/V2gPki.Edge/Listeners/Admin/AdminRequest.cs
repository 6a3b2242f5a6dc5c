// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Listeners.Admin;

/// <summary>What the admin API learned about one request, for its audit lines and metrics.</summary>
/// <param name="id">The request id.</param>
/// <param name="remote">The client address and port.</param>
internal sealed class AdminRequest(string id, string? remote)
{
    /// <summary>The request id (also sent as <c>X-Request-Id</c>).</summary>
    public string Id { get; } = id;

    /// <summary>The client address and port.</summary>
    public string? Remote { get; } = remote;

    /// <summary>The action, once routed.</summary>
    public AdminAction Action { get; set; }

    /// <summary>The caller: token id, <c>anonymous</c> or <c>invalid-token</c>.</summary>
    public string Caller { get; set; } = "anonymous";

    /// <summary>The CA name given.</summary>
    public string? Ca { get; set; }

    /// <summary>The serial given (normalised once parsed).</summary>
    public string? Serial { get; set; }

    /// <summary>The reason given (RFC 5280 name once parsed).</summary>
    public string? Reason { get; set; }

    /// <summary>The subject searched for.</summary>
    public string? Subject { get; set; }

    /// <summary>The outcome, once answered.</summary>
    public AdminOutcome Outcome { get; set; } = AdminOutcome.Error;

    /// <summary>Whether a response was sent (an aborted request has none).</summary>
    public bool Answered { get; set; }
}
