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
