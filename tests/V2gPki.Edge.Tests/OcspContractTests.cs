// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers;
using V2gPki.Edge.Commands.PerfServe;
using V2gPki.Issuer.Answering;
using V2gPki.Ocsp;

namespace V2gPki.Edge.Tests;

/// <summary>The IOcspResponder contract types, the RFC 6960 §2.3 constants and the benchmark table responder.</summary>
public class OcspContractTests
{
    [Theory]
    [InlineData(OcspOutcome.MalformedRequest, 1)]
    [InlineData(OcspOutcome.InternalError, 2)]
    [InlineData(OcspOutcome.TryLater, 3)]
    [InlineData(OcspOutcome.SigRequired, 5)]
    [InlineData(OcspOutcome.Unauthorized, 6)]
    public void ErrorOutcomes_AreTheirRfc6960StatusAndItsUnsignedEncoding(OcspOutcome outcome, byte status)
    {
        // RFC 6960 §4.2.1: OCSPResponse ::= SEQUENCE { responseStatus ENUMERATED } without responseBytes; an error
        // outcome is its own status, so its body is the one in V2gPki.Ocsp.
        Assert.Equal(status, (byte)outcome);
        var bytes = OcspErrorResponses.Get((OcspResponseStatus)outcome).ToArray();
        Assert.Equal(new byte[] { 0x30, 0x03, 0x0A, 0x01, status }, bytes);
    }

    [Fact]
    public void ErrorResponses_NotForSuccessOrLiveSigning()
    {
        Assert.Equal(0, (int)OcspOutcome.Successful);
        Assert.False(Enum.IsDefined((OcspResponseStatus)OcspOutcome.NeedsLiveSigning));
        Assert.Throws<ArgumentOutOfRangeException>(() => OcspErrorResponses.Get((OcspResponseStatus)OcspOutcome.NeedsLiveSigning).ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => OcspReply.Error(OcspOutcome.Successful));
        Assert.Throws<ArgumentOutOfRangeException>(() => OcspReply.Error(OcspOutcome.NeedsLiveSigning));
    }

    [Fact]
    public void Answer_Successful_IsCacheableOnlyWithAValidityPeriod()
    {
        Assert.True(OcspReply.Successful(1, 2, 0, UInt128.One).IsCacheable);
        Assert.False(OcspReply.Successful(1, 0, 0, UInt128.One).IsCacheable);
        Assert.False(OcspReply.Error(OcspOutcome.TryLater).IsCacheable);
        Assert.Equal(OcspOutcome.NeedsLiveSigning, OcspReply.NeedsLiveSigning.Outcome);
    }

    [Fact]
    public void FixedTable_Answer_ReturnsTheOpensslResponseWithItsTimes()
    {
        var table = FixedTableResponder.Load(Fixtures.Path("ocsp-set/table"));
        var body = new ArrayBufferWriter<byte>();

        var answer = table.Answer(Fixtures.Read("ocsp-set/table/s0002.req"), body);

        Assert.Equal(8, table.Count);
        Assert.Equal(OcspOutcome.Successful, answer.Outcome);
        Assert.Equal(Fixtures.Read("ocsp-set/table/s0002.resp"), body.WrittenSpan.ToArray());
        Assert.True(answer.NextUpdateTicks > answer.ThisUpdateTicks);
        Assert.NotEqual(UInt128.Zero, answer.EntityTag);
    }

    [Fact]
    public void FixedTable_UnknownRequest_Unauthorized()
    {
        var table = FixedTableResponder.Load(Fixtures.Path("ocsp-set/table"));
        var body = new ArrayBufferWriter<byte>();

        Assert.Equal(OcspOutcome.Unauthorized, table.Answer(Fixtures.Read("ocsp-set/unknown-issuer.req"), body).Outcome);
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
