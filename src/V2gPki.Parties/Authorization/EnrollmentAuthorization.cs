// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Pki;
using V2gPki.Pki.Identifiers;

namespace V2gPki.Parties.Authorization;

/// <summary>
/// Who may ask for which CN at which branch, as data (<see cref="Rules"/>) and one decision over it: the account must
/// hold a role the branch allows, and the identifier in the CN must be one it owns (EVSE/SECC ID by operator, EMAID by
/// provider, PCID by WMI, CPS leaf by name prefix). It never issues a certificate for an ID the caller does not own.
/// </summary>
public static class EnrollmentAuthorization
{
    /// <summary>
    /// Gets the rules, one per branch: CPO → <c>cpo</c> (EVSE ID or SECC ID); MO → <c>mo</c> (EMAID); OEM → <c>oem</c>
    /// and <c>veh</c> (PCID); CPS → <c>cps</c>, and an MO may use <c>cps</c> too, as OPCP allows an MO using the PKI's
    /// CPS (docs/architecture.md §2).
    /// </summary>
    public static IReadOnlyList<EnrollmentRule> Rules { get; } =
    [
        new(EnrollmentBranch.Cpo, PartyRoles.Cpo, [IdType.Evse, IdType.Secc]),
        new(EnrollmentBranch.Mo, PartyRoles.Mo, [IdType.Emaid]),
        new(EnrollmentBranch.Oem, PartyRoles.Oem, [IdType.Pcid]),
        new(EnrollmentBranch.Vehicle, PartyRoles.Oem, [IdType.Pcid]),
        new(EnrollmentBranch.Cps, PartyRoles.Cps | PartyRoles.Mo, []),
    ];

    /// <summary>The rule of a branch.</summary>
    /// <param name="branch">The branch.</param>
    /// <returns>Its rule.</returns>
    /// <exception cref="ArgumentOutOfRangeException">No rule for the branch.</exception>
    public static EnrollmentRule RuleFor(EnrollmentBranch branch)
    {
        foreach (var rule in Rules)
        {
            if (rule.Branch == branch)
            {
                return rule;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(branch), branch, "no enrollment rule for this branch");
    }

    /// <summary>Decides whether an account may enroll at a branch at all (its roles), before any CSR is looked at.</summary>
    /// <param name="account">The authenticated account.</param>
    /// <param name="branch">The branch asked at.</param>
    /// <returns>Allowed, or <see cref="AuthorizationOutcome.RoleNotAllowed"/> with the reason.</returns>
    public static AuthorizationDecision DecideRole(PartyAccount account, EnrollmentBranch branch)
    {
        ArgumentNullException.ThrowIfNull(account);
        var rule = RuleFor(branch);
        return account.HasAnyRole(rule.Roles)
            ? AuthorizationDecision.Allow
            : new(AuthorizationOutcome.RoleNotAllowed, $"account {account.Id} ({account.Roles}) may not enroll at {EnrollmentBranches.Name(branch)}: it needs the role {rule.Roles}");
    }

    /// <summary>Decides whether an account may ask for a certificate with this CN at this branch.</summary>
    /// <param name="account">The authenticated account.</param>
    /// <param name="branch">The branch asked at.</param>
    /// <param name="commonName">The CN as the CSR rules normalised it (the identifier's normalised form, or the CPS name).</param>
    /// <returns>The decision and its reason.</returns>
    public static AuthorizationDecision Decide(PartyAccount account, EnrollmentBranch branch, string commonName)
    {
        ArgumentNullException.ThrowIfNull(commonName);
        var role = DecideRole(account, branch);
        if (!role.IsAllowed)
        {
            return role;
        }

        var rule = RuleFor(branch);
        var name = EnrollmentBranches.Name(branch);

        if (rule.SubjectTypes.Count == 0)
        {
            return account.Prefixes.OwnsCpsName(commonName)
                ? AuthorizationDecision.Allow
                : new(AuthorizationOutcome.ForeignPrefix, $"the CPS name {IdText.Quote(commonName)} does not start with a CPS name of account {account.Id}");
        }

        // Lenient and with ISO 15118-20's wider limits: the CSR rules of the profile have already held the CN to its exact
        // form; here only its owner prefix matters.
        var options = new IdParseOptions(IdStrictness.Lenient, Iso15118Version.Part20);
        foreach (var type in rule.SubjectTypes)
        {
            if (!Iso15118Id.TryParse(type, commonName, options, out var id, out _))
            {
                continue;
            }

            return account.Prefixes.Owns(type, id.OwnerPrefix)
                ? AuthorizationDecision.Allow
                : new(AuthorizationOutcome.ForeignPrefix, $"the {IdTypeNames.Describe(type)} {id.Normalized} belongs to {id.OwnerPrefix}, which is not a prefix of account {account.Id}");
        }

        return new(AuthorizationOutcome.NotAnIdentifier, $"the CN {IdText.Quote(commonName)} is not an identifier that {name} issues for");
    }
}
