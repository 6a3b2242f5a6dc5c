// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.


using V2gPki.Edge.Listeners.Admin;
using V2gPki.Store;

namespace V2gPki.Edge.Tests.Admin;

public class SubjectIdQueryTests
{
    [Theory]
    [InlineData("DE*AB7*E840*6487", "DEAB7E8406487", "evse", "DEAB7E8406487")]
    [InlineData("de*ab7*e8406487", "DEAB7E8406487", "evse", "DE*AB7*E840*6487")]
    [InlineData("NL-TNM-000122045-U", "NLTNM000122045U", "emaid", "NLTNM000122045U")]
    [InlineData("WP012345678901234", "WP012345678901234", "pcid", "wp012345678901234")]
    public void TryCreate_Identifier_NormalisedToTheIndexKeyOfRecordedForms(string query, string normalized, string type, string recorded)
    {
        Assert.True(SubjectIdQuery.TryCreate(query, out var subject, out var error), error);
        Assert.Equal(normalized, subject!.Normalized);
        Assert.Contains(type, subject.IdentifierType, StringComparison.Ordinal);

        // The store keys its subject-ID index by the folded registry subject ID: every recorded form of the ID is found.
        Assert.Equal(SubjectKey.Normalize(recorded), subject.Compact);
        Assert.NotEqual(SubjectKey.Normalize(recorded + "0"), subject.Compact);
        Assert.NotEqual(SubjectKey.Normalize(recorded[..^1]), subject.Compact);
    }

    [Fact]
    public void TryCreate_NotAnIdentifier_FoldedCaseInsensitive()
    {
        Assert.True(SubjectIdQuery.TryCreate("cpo-sub2", out var subject, out _));
        Assert.Null(subject!.IdentifierType);
        Assert.Equal(SubjectKey.Normalize("CPO-SUB2"), subject.Compact);
        Assert.NotEqual(SubjectKey.Normalize("cpo-sub1"), subject.Compact);
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
