// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Pki.Identifiers;

/// <summary>
/// How strictly an EMAID is checked. Real ecosystems carry IDs without valid check digits (Hubject's own QA contract
/// certificate <c>EMP99CQATEST001</c> has neither a valid check digit nor an ISO country code), so lenient is the default.
/// </summary>
public enum IdStrictness
{
    /// <summary>Accept a wrong check digit or an unknown country code and report it in <see cref="IdWarnings"/>.</summary>
    Lenient = 0,

    /// <summary>Refuse an EMAID whose 15th character is not the check digit or whose country code is not ISO 3166-1.</summary>
    Strict = 1,
}
