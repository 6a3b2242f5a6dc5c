// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Edge.Listeners.Ocpp;

namespace V2gPki.Edge.Tests.Ocpp;

public sealed class OcppOutcomesTests
{
    [Theory]
    [InlineData(OcppOutcome.Accepted, 200)]
    [InlineData(OcppOutcome.InvalidRequest, 200)]
    [InlineData(OcppOutcome.UnknownIssuer, 200)]
    [InlineData(OcppOutcome.TryLater, 200)]
    [InlineData(OcppOutcome.ResultTooLarge, 200)]
    [InlineData(OcppOutcome.InternalError, 200)]
    [InlineData(OcppOutcome.BadJson, 400)]
    [InlineData(OcppOutcome.MethodNotAllowed, 405)]
    [InlineData(OcppOutcome.TooLarge, 413)]
    [InlineData(OcppOutcome.UnsupportedMediaType, 415)]
    public void HttpStatus_OcppAnswersAre200_HttpRefusalsTheirError(object outcomeValue, int status)
    {
        var outcome = (OcppOutcome)outcomeValue; // the exe's types are internal; a public theory takes them as object
        Assert.Equal(status, OcppOutcomes.HttpStatus(outcome));
        Assert.Equal(status != 200, OcppOutcomes.ErrorCode(outcome) != "error");
    }

    [Fact]
    public void Name_EveryOutcome_DistinctLabel()
    {
        var all = Enum.GetValues<OcppOutcome>();
        Assert.Equal(all.Length, all.Select(OcppOutcomes.Name).Distinct().Count());
    }
}
