// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.


using V2gPki.Edge.Listeners.Admin;

namespace V2gPki.Edge.Tests.Admin;

public class SubjectIdQueryTests
{
    [Theory]
    [InlineData("DE*AB7*E840*6487", "DEAB7E8406487", "evse", "DEAB7E8406487")]
    [InlineData("de*ab7*e8406487", "DEAB7E8406487", "evse", "DE*AB7*E840*6487")]
    [InlineData("NL-TNM-000122045-U", "NLTNM000122045U", "emaid", "NLTNM000122045U")]
    [InlineData("WP012345678901234", "WP012345678901234", "pcid", "wp012345678901234")]
    public void TryCreate_Identifier_NormalisedAndMatchesRecordedForms(string query, string normalized, string type, string recorded)
    {
        Assert.True(SubjectIdQuery.TryCreate(query, out var subject, out var error), error);
        Assert.Equal(normalized, subject!.Normalized);
        Assert.Contains(type, subject.IdentifierType, StringComparison.Ordinal);
        Assert.True(subject.Matches(recorded));
        Assert.False(subject.Matches(recorded + "0"));
        Assert.False(subject.Matches(recorded[..^1]));
    }

    [Fact]
    public void TryCreate_NotAnIdentifier_ComparedCompactCaseInsensitive()
    {
        Assert.True(SubjectIdQuery.TryCreate("cpo-sub2", out var subject, out _));
        Assert.Null(subject!.IdentifierType);
        Assert.True(subject.Matches("CPO-SUB2"));
        Assert.False(subject.Matches("cpo-sub1"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void TryCreate_Empty_Refused(string? query)
    {
        Assert.False(SubjectIdQuery.TryCreate(query, out _, out var error));
        Assert.Contains("empty", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryCreate_Overlong_Refused() =>
        Assert.False(SubjectIdQuery.TryCreate(new string('A', 200), out _, out _));
}
