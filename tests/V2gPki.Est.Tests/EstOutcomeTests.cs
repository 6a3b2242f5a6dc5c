// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Est.Tests;

public sealed class EstOutcomeTests
{
    [Fact]
    public void Values_ExplicitAndDistinct()
    {
        var values = Enum.GetValues<EstOutcome>().Select(v => (int)v).ToArray();
        Assert.Equal(values.Length, values.Distinct().Count());
        Assert.Equal(0, (int)EstOutcome.Ok);
    }
}
