// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Parties.Tests;

public sealed class EnrollmentBranchesTests
{
    [Theory]
    [InlineData("cpo", EnrollmentBranch.Cpo)]
    [InlineData("mo", EnrollmentBranch.Mo)]
    [InlineData("oem", EnrollmentBranch.Oem)]
    [InlineData("veh", EnrollmentBranch.Vehicle)]
    [InlineData("cps", EnrollmentBranch.Cps)]
    public void TryParse_OpcpNames_RoundTrip(string name, EnrollmentBranch branch)
    {
        Assert.True(EnrollmentBranches.TryParse(name, out var parsed));
        Assert.Equal(branch, parsed);
        Assert.Equal(name, EnrollmentBranches.Name(branch));
    }

    [Theory]
    [InlineData("CPO")]
    [InlineData("vehicle")]
    [InlineData("")]
    [InlineData("cpo ")]
    public void TryParse_OtherText_Refused(string name)
    {
        Assert.False(EnrollmentBranches.TryParse(name, out var parsed));
        Assert.Equal(EnrollmentBranch.None, parsed);
    }
}
