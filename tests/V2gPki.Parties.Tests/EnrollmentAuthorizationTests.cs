// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Parties.Authorization;

namespace V2gPki.Parties.Tests;

public sealed class EnrollmentAuthorizationTests
{
    private static readonly PartyAccount Cpo = Account("cpo-acme", PartyRoles.Cpo);
    private static readonly PartyAccount Mo = Account("mo-acme", PartyRoles.Mo);
    private static readonly PartyAccount Oem = Account("oem-acme", PartyRoles.Oem);
    private static readonly PartyAccount Cps = Account("cps-acme", PartyRoles.Cps);
    private static readonly PartyAccount Admin = Account("ops", PartyRoles.Admin);

    public static TheoryData<string, EnrollmentBranch, string, AuthorizationOutcome> Matrix() => new()
    {
        // own identifier at the branch of the role
        { "cpo-acme", EnrollmentBranch.Cpo, "DEABCE1234", AuthorizationOutcome.Allowed },
        { "cpo-acme", EnrollmentBranch.Cpo, "DE*ABC*E1234", AuthorizationOutcome.Allowed },
        { "mo-acme", EnrollmentBranch.Mo, "DEABCC123456789", AuthorizationOutcome.Allowed },
        { "oem-acme", EnrollmentBranch.Oem, "WAB12345678901234", AuthorizationOutcome.Allowed },
        { "oem-acme", EnrollmentBranch.Vehicle, "WAB12345678901234", AuthorizationOutcome.Allowed },
        { "cps-acme", EnrollmentBranch.Cps, "Acme CPS 1", AuthorizationOutcome.Allowed },
        { "mo-acme", EnrollmentBranch.Cps, "Acme CPS 1", AuthorizationOutcome.Allowed },

        // foreign identifier at the branch of the role
        { "cpo-acme", EnrollmentBranch.Cpo, "DEXYZE1234", AuthorizationOutcome.ForeignPrefix },
        { "cpo-acme", EnrollmentBranch.Cpo, "NLABCE1234", AuthorizationOutcome.ForeignPrefix },
        { "mo-acme", EnrollmentBranch.Mo, "DEXYZC123456789", AuthorizationOutcome.ForeignPrefix },
        { "oem-acme", EnrollmentBranch.Oem, "WAC12345678901234", AuthorizationOutcome.ForeignPrefix },
        { "cps-acme", EnrollmentBranch.Cps, "Other CPS 1", AuthorizationOutcome.ForeignPrefix },

        // a role at a branch it may not use, even for an identifier it owns
        { "cpo-acme", EnrollmentBranch.Mo, "DEABCC123456789", AuthorizationOutcome.RoleNotAllowed },
        { "mo-acme", EnrollmentBranch.Cpo, "DEABCE1234", AuthorizationOutcome.RoleNotAllowed },
        { "oem-acme", EnrollmentBranch.Cps, "Acme CPS 1", AuthorizationOutcome.RoleNotAllowed },
        { "cps-acme", EnrollmentBranch.Oem, "WAB12345678901234", AuthorizationOutcome.RoleNotAllowed },
        { "ops", EnrollmentBranch.Cpo, "DEABCE1234", AuthorizationOutcome.RoleNotAllowed },

        // a CN that is no identifier of the branch's kind
        { "cpo-acme", EnrollmentBranch.Cpo, "DEABCC123456789", AuthorizationOutcome.NotAnIdentifier },
        { "mo-acme", EnrollmentBranch.Mo, "Acme CPS 1", AuthorizationOutcome.NotAnIdentifier },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Decide_RoleBranchAndPrefix_ExpectedOutcome(string account, EnrollmentBranch branch, string commonName, AuthorizationOutcome expected)
    {
        var who = new[] { Cpo, Mo, Oem, Cps, Admin }.Single(a => a.Id == account);

        var decision = EnrollmentAuthorization.Decide(who, branch, commonName);

        Assert.Equal(expected, decision.Outcome);
        Assert.Equal(expected == AuthorizationOutcome.Allowed, decision.IsAllowed);
        Assert.Equal(expected == AuthorizationOutcome.Allowed, decision.Reason.Length == 0);
    }

    [Fact]
    public void Decide_ForeignPrefix_ReasonNamesTheOwnerAndTheAccount()
    {
        var decision = EnrollmentAuthorization.Decide(Cpo, EnrollmentBranch.Cpo, "DE*XYZ*E1");

        Assert.Contains("DEXYZ", decision.Reason, StringComparison.Ordinal);
        Assert.Contains("cpo-acme", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_OneRulePerBranch()
    {
        Assert.Equal(EnrollmentBranches.All, EnrollmentAuthorization.Rules.Select(r => r.Branch));
    }

    private static PartyAccount Account(string id, PartyRoles roles)
    {
        Assert.True(OwnedPrefixes.TryCreate(["DE*ABC"], ["DE-ABC"], ["WAB"], ["Acme CPS"], out var prefixes, out var error), error);
        return new PartyAccount(id, roles, prefixes!);
    }
}
