// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Edge.Listeners.Est;
using V2gPki.Est;

namespace V2gPki.Edge.Tests;

public sealed class EstOutcomesTests
{
    [Fact]
    public void HttpStatus_SubjectLimitReached_Is409ConflictPerRfc9110()
    {
        // RFC 9110 §15.5.10: a conflict with the current state (the ID's live certificates) the caller can resolve.
        Assert.Equal(409, EstOutcomes.HttpStatus(EstOutcome.SubjectLimitReached));
        Assert.Equal("subject_limit", EstOutcomes.Name(EstOutcome.SubjectLimitReached));
    }
}

/// <summary>The error_description of a refused token's challenge (RFC 6750 §3: a quoted string of visible ASCII without '"' or '\').</summary>
public sealed class EstChallengeDescriptionTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("the token expired", ", error_description=\"the token expired\"")]
    [InlineData("a \"quoted\" \\ path\nnext é", ", error_description=\"a  quoted    path next  \"")]
    public void Description_EscapesWhatRfc6750DoesNotAllow(string reason, string expected) =>
        Assert.Equal(expected, EstAuthenticator.Description(reason));

    [Fact]
    public void Description_LongReason_CutAt200Characters() =>
        Assert.Equal(", error_description=\"".Length + 200 + 1, EstAuthenticator.Description(new string('x', 500)).Length);
}
