// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers;
using System.Text;
using V2gPki.Edge.Listeners.Ocpp;
using V2gPki.Issuer.Answering;
using V2gPki.Metrics;
using V2gPki.Pki.Identifiers;

namespace V2gPki.Fuzz;

/// <summary>
/// What the targets found, replayed against the component that answers the peer, so each stays fixed. A test here
/// fails until its bug is fixed.
/// </summary>
public class FindingTests
{
    // ocpp-json: System.Text.Json parses a string holding a lone surrogate escape, or invalid UTF-8 bytes, without
    // complaint, and throws InvalidOperationException only when GetString, Name or NameEquals converts it to UTF-16.
    // OcspRequestDataParser calls them unguarded and AnswerAsync catches only JsonException, so the body escapes as an
    // exception (the exchange answers 500 and logs a responder failure) instead of the documented 400 bad_request or
    // Failed/FormatViolation (docs/architecture.md §4 invariant 5).
    [Theory]
    [InlineData("""{"hashAlgorithm":"\uD800","issuerNameHash":"00","issuerKeyHash":"00","serialNumber":"01"}""", "a lone high surrogate in a value")]
    [InlineData("""{"ocspRequestData":{"hashAlgorithm":"SHA256","issuerNameHash":"\uDC00","issuerKeyHash":"00","serialNumber":"01"}}""", "a lone low surrogate in a wrapped value")]
    [InlineData("""{"\uD800":1}""", "a lone surrogate in a property name")]
    [InlineData("""{"hashAlgorithm":"SHA256","issuerNameHash":"00","issuerKeyHash":"00","serialNumber":"01","responderURL":"http://x/\uDBFF\u0041"}""", "a high surrogate before a non-surrogate in responderURL")]
    public async Task OcppAnswer_LoneSurrogateEscape_IsRefusedNotThrown(string json, string where)
    {
        var result = await AnswerAsync(Encoding.UTF8.GetBytes(json));

        Assert.True(IsRefusal(result), $"{where}: HTTP {result.HttpStatus}, {result.Outcome}");
    }

    [Theory]
    [InlineData("7B2268617368416C676F726974686D223A22DB222C226973737565724E616D6548617368223A223030222C226973737565724B657948617368223A223030222C2273657269616C4E756D626572223A223031227D",
        "the byte DB (a truncated UTF-8 sequence) in hashAlgorithm")]
    [InlineData("7B22FF223A317D", "the byte FF in a property name")]
    public async Task OcppAnswer_InvalidUtf8InString_IsRefusedNotThrown(string hex, string where)
    {
        var result = await AnswerAsync(Convert.FromHexString(hex));

        Assert.True(IsRefusal(result), $"{where}: HTTP {result.HttpStatus}, {result.Outcome}");
    }

    // identifiers: SeccId takes "-" + one character after the controller ID as a separated check digit without
    // checking that the character is not itself a '-' (every character was only checked to be alphanumeric or '-').
    // So a SECC ID ending in "--" is accepted: normalised without the dashes, CheckDigit is the controller ID's last
    // character and ControllerId has 31 characters, below the minimum of 32 (docs/iso15118.md §1.2: the check digit is
    // one alphanumeric after an optional '-'; docs/architecture.md §10). Expected: refused (InvalidSeparators).
    [Theory]
    [InlineData("DE-ICE-S-00003C4D557878675645330967543476--")]
    [InlineData("DEICES00003C4D557878675645330967543476--")]
    [InlineData("jpSjO-SRNOd57UV9S1NsqG6NWA1dYPi761BdZpA--")]
    public void SeccId_TwoTrailingSeparators_IsRefused(string value)
    {
        var accepted = SeccId.TryParse(value, out var id, out var error);

        Assert.False(accepted, accepted ? $"accepted as {id.Normalized}, controller ID {id.ControllerId} ({id.ControllerId.Length} characters), check digit {id.CheckDigit}" : null);
        Assert.Equal(IdErrorCode.InvalidSeparators, error.Code);
    }

    // The documented refusals of a body: 400 bad_request (not JSON), or Failed with FormatViolation/InvalidValue.
    private static bool IsRefusal(OcppCertificateStatusResult result) =>
        (result.HttpStatus == 400 && result.Outcome == OcppOutcome.BadJson) || (result.HttpStatus == 200 && result.Outcome == OcppOutcome.InvalidRequest);

    private static async Task<OcppCertificateStatusResult> AnswerAsync(byte[] body)
    {
        var handler = new OcppCertificateStatusHandler(new TryLaterResponder(), new OcppMetrics(new MetricsRegistry()));
        return await handler.AnswerAsync(body, CancellationToken.None);
    }

    private sealed class TryLaterResponder : IOcspResponder
    {
        public OcspReply Answer(ReadOnlySpan<byte> derRequest, IBufferWriter<byte> body) => OcspReply.Error(OcspOutcome.TryLater);

        public ValueTask<OcspReply> AnswerSlowAsync(ReadOnlyMemory<byte> derRequest, IBufferWriter<byte> body, CancellationToken cancellationToken) =>
            ValueTask.FromResult(OcspReply.Error(OcspOutcome.TryLater));
    }
}
