// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers;
using V2gPki.Edge.Commands.PerfServe;
using V2gPki.Edge.Listeners.Public;

namespace V2gPki.Edge.Tests;

/// <summary>The IOcspResponder contract types, the RFC 6960 §2.3 constants and the benchmark table responder.</summary>
public class OcspContractTests
{
    [Theory]
    [InlineData(OcspAnswerOutcome.MalformedRequest, 1)]
    [InlineData(OcspAnswerOutcome.InternalError, 2)]
    [InlineData(OcspAnswerOutcome.TryLater, 3)]
    [InlineData(OcspAnswerOutcome.SigRequired, 5)]
    [InlineData(OcspAnswerOutcome.Unauthorized, 6)]
    public void ErrorResponses_AreTheUnsignedRfc6960Encodings(OcspAnswerOutcome outcome, byte status)
    {
        // RFC 6960 §4.2.1: OCSPResponse ::= SEQUENCE { responseStatus ENUMERATED } without responseBytes.
        Assert.True(OcspErrorResponses.TryGet(outcome, out var bytes));
        Assert.Equal(new byte[] { 0x30, 0x03, 0x0A, 0x01, status }, bytes.ToArray());
        Assert.Equal(status, (byte)outcome);
    }

    [Fact]
    public void ErrorResponses_NotForSuccessOrLiveSigning()
    {
        Assert.False(OcspErrorResponses.TryGet(OcspAnswerOutcome.Successful, out _));
        Assert.False(OcspErrorResponses.TryGet(OcspAnswerOutcome.NeedsLiveSigning, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => OcspHttpAnswer.Error(OcspAnswerOutcome.Successful));
    }

    [Fact]
    public void Answer_Successful_IsCacheableOnlyWithAValidityPeriod()
    {
        Assert.True(OcspHttpAnswer.Successful(1, 2, 0, UInt128.One).IsCacheable);
        Assert.False(OcspHttpAnswer.Successful(1, 0, 0, UInt128.One).IsCacheable);
        Assert.False(OcspHttpAnswer.Error(OcspAnswerOutcome.TryLater).IsCacheable);
        Assert.Equal(OcspAnswerOutcome.NeedsLiveSigning, OcspHttpAnswer.NeedsLiveSigning.Outcome);
    }

    [Fact]
    public void FixedTable_Answer_ReturnsTheOpensslResponseWithItsTimes()
    {
        var table = FixedTableResponder.Load(Fixtures.Path("ocsp-set/table"));
        var body = new ArrayBufferWriter<byte>();

        var answer = table.Answer(Fixtures.Read("ocsp-set/table/s0002.req"), body);

        Assert.Equal(8, table.Count);
        Assert.Equal(OcspAnswerOutcome.Successful, answer.Outcome);
        Assert.Equal(Fixtures.Read("ocsp-set/table/s0002.resp"), body.WrittenSpan.ToArray());
        Assert.True(answer.NextUpdateTicks > answer.ThisUpdateTicks);
        Assert.NotEqual(UInt128.Zero, answer.EntityTag);
    }

    [Fact]
    public void FixedTable_UnknownRequest_Unauthorized()
    {
        var table = FixedTableResponder.Load(Fixtures.Path("ocsp-set/table"));
        var body = new ArrayBufferWriter<byte>();

        Assert.Equal(OcspAnswerOutcome.Unauthorized, table.Answer(Fixtures.Read("ocsp-set/unknown-issuer.req"), body).Outcome);
        Assert.Equal(0, body.WrittenCount);
    }

    [Fact]
    public void FixedTable_Answer_AllocatesNothing()
    {
        var table = FixedTableResponder.Load(Fixtures.Path("ocsp-set/table"));
        var request = Fixtures.Read("ocsp-set/table/s0003.req");
        var body = new ArrayBufferWriter<byte>(4096);

        var allocated = AllocationProbe.LeastPerRound(_ =>
        {
            body.ResetWrittenCount();
            table.Answer(request, body);
        });

        Assert.Equal(0, allocated);
    }
}
