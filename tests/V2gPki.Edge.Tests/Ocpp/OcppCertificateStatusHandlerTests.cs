// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers;
using System.Text;
using System.Text.Json;
using V2gPki.Edge.Listeners.Ocpp;
using V2gPki.Issuer.Answering;
using V2gPki.Metrics;

namespace V2gPki.Edge.Tests.Ocpp;

/// <summary>The adapter's mapping of every responder outcome, over a scripted responder (no PKI).</summary>
public class OcppCertificateStatusHandlerTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes(
        $$$"""{"ocspRequestData":{"hashAlgorithm":"SHA256","issuerNameHash":"{{{new string('a', 64)}}}","issuerKeyHash":"{{{new string('b', 64)}}}","serialNumber":"0102","responderURL":"http://x/"}}""");

    [Theory]
    [InlineData(OcspOutcome.Unauthorized, "UnknownIssuer", OcppOutcome.UnknownIssuer)]
    [InlineData(OcspOutcome.TryLater, "TryLater", OcppOutcome.TryLater)]
    [InlineData(OcspOutcome.InternalError, "InternalError", OcppOutcome.InternalError)]
    [InlineData(OcspOutcome.SigRequired, "InternalError", OcppOutcome.InternalError)]
    [InlineData(OcspOutcome.MalformedRequest, "InvalidValue", OcppOutcome.InvalidRequest)]
    public async Task AnswerAsync_ErrorOutcomes_FailedWithReasonCode(OcspOutcome outcome, string reasonCode, object countedValue)
    {
        var counted = (OcppOutcome)countedValue; // the exe's types are internal; a public theory takes them as object
        var handler = new OcppCertificateStatusHandler(new Responder(_ => OcspReply.Error(outcome)), new OcppMetrics(new MetricsRegistry()));

        var result = await handler.AnswerAsync(Body, CancellationToken.None);

        Assert.Equal(200, result.HttpStatus);
        Assert.Equal(counted, result.Outcome);
        using var json = JsonDocument.Parse(result.Body);
        Assert.Equal("Failed", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(reasonCode, json.RootElement.GetProperty("statusInfo").GetProperty("reasonCode").GetString());
    }

    [Fact]
    public async Task AnswerAsync_NeedsLiveSigning_SlowPathAnswerIsTheResult()
    {
        var responder = new Responder(_ => OcspReply.NeedsLiveSigning) { Slow = [0x30, 0x03, 0x0A, 0x01, 0x00] };
        var handler = new OcppCertificateStatusHandler(responder, new OcppMetrics(new MetricsRegistry()));

        var result = await handler.AnswerAsync(Body, CancellationToken.None);

        using var json = JsonDocument.Parse(result.Body);
        Assert.Equal("Accepted", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("MAMKAQA=", json.RootElement.GetProperty("ocspResult").GetString());
        Assert.Equal(1, responder.SlowCalls);
    }

    [Fact]
    public async Task AnswerAsync_ResponderThrows_FailedInternalError()
    {
        var handler = new OcppCertificateStatusHandler(new Responder(_ => throw new InvalidOperationException("bug")), new OcppMetrics(new MetricsRegistry()));
        var result = await handler.AnswerAsync(Body, CancellationToken.None);
        Assert.Equal(OcppOutcome.InternalError, result.Outcome);
    }

    [Theory]
    [InlineData("""{"hashAlgorithm":"\uD800","issuerNameHash":"00","issuerKeyHash":"00","serialNumber":"01"}""", "hashAlgorithm: not valid Unicode text")]
    [InlineData("""{"hashAlgorithm":"SHA256","issuerNameHash":"00","issuerKeyHash":"00","serialNumber":"01","responderURL":"http://x/\uDBFF\u0041"}""", "responderURL: not valid Unicode text")]
    public async Task AnswerAsync_LoneSurrogateInAField_FailedFormatViolationNotAnException(string json, string info)
    {
        // RFC 8259 §8.2: System.Text.Json parses the escape and throws only when the string is read.
        var handler = new OcppCertificateStatusHandler(new Responder(_ => OcspReply.Error(OcspOutcome.TryLater)), new OcppMetrics(new MetricsRegistry()));
        var result = await handler.AnswerAsync(Encoding.UTF8.GetBytes(json), CancellationToken.None);

        Assert.Equal(OcppOutcome.InvalidRequest, result.Outcome);
        Assert.Equal(200, result.HttpStatus);
        Assert.Contains(info, Encoding.UTF8.GetString(result.Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerAsync_UnreadableUnknownPropertyName_SkippedLikeAnyUnknownField()
    {
        var json = "{\"hashAlgorithm\":\"SHA256\",\"issuerNameHash\":\"" + new string('0', 64) + "\",\"issuerKeyHash\":\"" + new string('1', 64)
            + "\",\"serialNumber\":\"01\",\"vendor\\uDC00\":1}";
        var handler = new OcppCertificateStatusHandler(new Responder(_ => OcspReply.Error(OcspOutcome.TryLater)), new OcppMetrics(new MetricsRegistry()));
        var result = await handler.AnswerAsync(Encoding.UTF8.GetBytes(json), CancellationToken.None);

        Assert.Equal(OcppOutcome.TryLater, result.Outcome);
    }

    [Fact]
    public async Task AnswerAsync_RequestHandedToResponder_IsTheDerCertId()
    {
        byte[]? seen = null;
        var handler = new OcppCertificateStatusHandler(new Responder(request =>
        {
            seen = request;
            return OcspReply.Error(OcspOutcome.TryLater);
        }), new OcppMetrics(new MetricsRegistry()));

        await handler.AnswerAsync(Body, CancellationToken.None);

        Assert.Equal(V2gPki.Ocsp.OcspParseStatus.Ok, V2gPki.Ocsp.OcspRequestParser.TryParse(seen, out var request));
        Assert.Equal(new byte[] { 0x01, 0x02 }, request.FirstCertId.SerialNumber.ToArray());
    }

    [Fact]
    public void Shape_RouteHandlerAndRequestDelegate()
    {
        var handler = new OcppCertificateStatusHandler(new Responder(_ => OcspReply.Error(OcspOutcome.TryLater)), new OcppMetrics(new MetricsRegistry()));
        Microsoft.AspNetCore.Http.RequestDelegate minimal = handler.HandleAsync;
        Assert.NotNull(minimal);
        Assert.Equal("/api/v1/ocpp/certificate-status", handler.Path);
    }

    private sealed class Responder(Func<byte[], OcspReply> answer) : IOcspResponder
    {
        public byte[] Slow { get; init; } = [];

        public int SlowCalls { get; private set; }

        public OcspReply Answer(ReadOnlySpan<byte> derRequest, IBufferWriter<byte> body) => answer(derRequest.ToArray());

        public ValueTask<OcspReply> AnswerSlowAsync(ReadOnlyMemory<byte> derRequest, IBufferWriter<byte> body, CancellationToken cancellationToken)
        {
            SlowCalls++;
            body.Write(Slow);
            return ValueTask.FromResult(OcspReply.Successful(1, 2, 0, UInt128.Zero));
        }
    }
}
