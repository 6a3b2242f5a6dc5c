// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Pki.Identifiers;

namespace V2gPki.Pki.Tests.Identifiers;

public class EmaidTests
{
    [Theory]
    [InlineData("NL-TNM-000122045-U", "NLTNM000122045U")]
    [InlineData("NLTNM000122045U", "NLTNM000122045U")]
    [InlineData("nl-tnm-000122045-u", "NLTNM000122045U")]
    [InlineData("NL-TNM-C00122045-K", "NLTNMC00122045K")]
    [InlineData("NL-TNM-000122045", "NLTNM000122045")] // no check digit: never appended
    [InlineData("NLTNM000122045", "NLTNM000122045")]
    [InlineData("DE8AA0012345670", "DE8AA0012345670")]
    [InlineData("FRXYZ1234567892", "FRXYZ1234567892")]
    public void TryParse_ValidEmaid_NormalisesAsRequested(string value, string normalized)
    {
        foreach (var strictness in new[] { IdStrictness.Lenient, IdStrictness.Strict })
        {
            Assert.True(Emaid.TryParse(value, strictness, out var id, out var error), error.Message);
            Assert.Equal(normalized, id.Normalized);
            Assert.Equal(IdWarnings.None, id.Warnings);
            Assert.Equal(normalized[..5], id.OwnerPrefix);
            Assert.Equal(EmaidCheckDigit.Compute(normalized.AsSpan(0, 14)), id.ComputedCheckDigit);
            Assert.Equal(normalized.Length == 15, id.HasCheckDigit);
            Assert.Equal(normalized.Length == 15, id.IsCheckDigitValid);
        }
    }

    [Fact]
    public void Parts_SeparatedEmaid_SplitAsIso()
    {
        var id = Emaid.Parse("NL-TNM-000122045-U");
        Assert.Equal("NL", id.CountryCode);
        Assert.Equal("TNM", id.ProviderId);
        Assert.Equal("000122045", id.Instance);
        Assert.Equal('U', id.CheckDigit);
        Assert.Null(Emaid.Parse("NLTNM000122045").CheckDigit);
    }

    [Fact]
    public void TryParse_WrongCheckDigitLenient_AcceptedWithWarning()
    {
        Assert.True(Emaid.TryParse("NL-TNM-000122045-X", out var id, out var error));
        Assert.Equal(IdErrorCode.None, error.Code);
        Assert.Equal("NLTNM000122045X", id.Normalized);
        Assert.Equal(IdWarnings.WrongCheckDigit, id.Warnings);
        Assert.False(id.IsCheckDigitValid);
        Assert.Equal('U', id.ComputedCheckDigit);
    }

    [Fact]
    public void TryParse_WrongCheckDigitStrict_Refused()
    {
        Assert.False(Emaid.TryParse("NL-TNM-000122045-X", IdStrictness.Strict, out _, out var error));
        Assert.Equal(IdErrorCode.WrongCheckDigit, error.Code);
        Assert.Contains("'X'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'U'", error.Message, StringComparison.Ordinal);
    }

    // docs/iso15118.md §2.4: Hubject's QA contract CN has neither a valid check digit nor an ISO country code.
    [Fact]
    public void TryParse_HubjectQaContractCn_LenientWarnsStrictRefuses()
    {
        Assert.True(Emaid.TryParse("EMP99CQATest001", out var id, out _));
        Assert.Equal("EMP99CQATEST001", id.Normalized);
        Assert.Equal(IdWarnings.WrongCheckDigit | IdWarnings.UnknownCountryCode, id.Warnings);
        Assert.Equal('Z', id.ComputedCheckDigit);
        Assert.False(Emaid.TryParse("EMP99CQATest001", IdStrictness.Strict, out _, out var error));
        Assert.Equal(IdErrorCode.UnknownCountryCode, error.Code);
    }

    // docs/iso15118.md §2.1: SwitchEV's test CN uses 'UK' (not ISO 3166) and a wrong check digit.
    [Fact]
    public void TryParse_SwitchEvTestCn_NotValidInStrictMode()
    {
        Assert.True(Emaid.TryParse("UKSWI123456791A", out var id, out _));
        Assert.Equal('5', id.ComputedCheckDigit);
        Assert.Equal(IdWarnings.WrongCheckDigit | IdWarnings.UnknownCountryCode, id.Warnings);
        Assert.False(Emaid.TryParse("GBSWI123456791A", IdStrictness.Strict, out _, out var error));
        Assert.Equal(IdErrorCode.WrongCheckDigit, error.Code);
    }

    [Theory]
    [InlineData("", IdErrorCode.Empty)]
    [InlineData("NL-TNM-012204-5", IdErrorCode.DinFormNotSupported)] // DIN EVCO-ID
    [InlineData("NLTNM0122045", IdErrorCode.DinFormNotSupported)]
    [InlineData("NL*TNM*012204*5", IdErrorCode.DinFormNotSupported)]
    [InlineData("NL-TNM-012204", IdErrorCode.DinFormNotSupported)]
    [InlineData("NL*TNM*000122045*U", IdErrorCode.InvalidCharacter)]
    [InlineData("NL-TNM-00012204", IdErrorCode.TooShort)]
    [InlineData("NL-TNM-000122045-UU", IdErrorCode.TooLong)]
    [InlineData("NL-TNM000122045U", IdErrorCode.InvalidSeparators)] // inconsistent
    [InlineData("NLTNM-000122045-U", IdErrorCode.InvalidSeparators)]
    [InlineData("NL-TNM-000122045U", IdErrorCode.InvalidSeparators)]
    [InlineData("NL-TN-M000122045-U", IdErrorCode.InvalidSeparators)]
    [InlineData("NL--TNM000122045U", IdErrorCode.InvalidSeparators)]
    [InlineData("N1-TNM-000122045-U", IdErrorCode.InvalidCountryCode)]
    [InlineData("12TNM000122045U", IdErrorCode.InvalidCountryCode)]
    [InlineData("NL TNM 000122045 U", IdErrorCode.InvalidCharacter)]
    [InlineData("DE*AB7*E840*6487", IdErrorCode.InvalidCharacter)] // an EVSE ID
    public void TryParse_Invalid_ReturnsSpecificError(string value, IdErrorCode expected)
    {
        Assert.False(Emaid.TryParse(value, out var id, out var error));
        Assert.Equal(expected, error.Code);
        Assert.Equal(default, id);
        Assert.Contains("CC-PPP-IIIIIIIII", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_DinEvcoId_MessageNamesIsoForm()
    {
        Assert.False(Emaid.TryParse("NL-TNM-012204-5", out _, out var error));
        Assert.Contains("DIN SPEC 91286", error.Message, StringComparison.Ordinal);
        Assert.Contains("'NL-TNM-012204-5'", error.Message, StringComparison.Ordinal);
        Assert.Contains("9-character instance", error.Message, StringComparison.Ordinal);
    }
}
