// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Parties.Authorization;

/// <summary>An authorization decision with the reason a person can act on (sent in a 403, written to the audit log).</summary>
/// <param name="Outcome">The decision.</param>
/// <param name="Reason">Why; empty when allowed.</param>
public readonly record struct AuthorizationDecision(AuthorizationOutcome Outcome, string Reason)
{
    /// <summary>Gets whether the request is allowed.</summary>
    public bool IsAllowed => Outcome == AuthorizationOutcome.Allowed;

    /// <summary>Gets the decision that allows.</summary>
    public static AuthorizationDecision Allow { get; } = new(AuthorizationOutcome.Allowed, string.Empty);
}
