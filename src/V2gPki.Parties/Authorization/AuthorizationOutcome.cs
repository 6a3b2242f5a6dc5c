// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Parties.Authorization;

/// <summary>
/// What an authorization decision says. Values are explicit and never reused (docs/style.md §15); a listener maps them
/// to its protocol in one switch (EST: allowed → enroll, the refusals → 403 with the reason).
/// </summary>
public enum AuthorizationOutcome : byte
{
    /// <summary>The account may ask for this certificate.</summary>
    Allowed = 0,

    /// <summary>None of the account's roles may enroll at this branch (a CPO asking <c>mo</c>).</summary>
    RoleNotAllowed = 1,

    /// <summary>The identifier (or CPS name) asked for is not one of the account's.</summary>
    ForeignPrefix = 2,

    /// <summary>The CN is not an identifier of the branch's kind (the CSR rules refuse it first; this guards the order).</summary>
    NotAnIdentifier = 3,
}
