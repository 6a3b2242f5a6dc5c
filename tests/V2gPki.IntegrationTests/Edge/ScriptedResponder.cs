// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers;
using V2gPki.Edge.Commands.PerfServe;
using V2gPki.Issuer.Answering;

namespace V2gPki.IntegrationTests.Edge;

/// <summary>
/// The test responder: the fixture table (request → openssl response) plus scripted behaviours for the outcomes
/// the HTTP layer must map: the nonce request needs live signing (answered from the slow path), the multi-CertID
/// request needs live signing and the slow path says tryLater, <see cref="ThrowingRequest"/> makes it throw,
/// <see cref="TimedRequest"/> gives fixed caching times, the GET fixtures with '+', '/' and '//' get response 1.
/// </summary>
internal sealed class ScriptedResponder : IOcspResponder
{
    public static readonly byte[] ThrowingRequest = [0x30, 0x03, 0x02, 0x01, 0x66];
    public static readonly byte[] TimedRequest = [0x30, 0x03, 0x02, 0x01, 0x77];
    public static readonly byte[] TryLaterRequest = [0x30, 0x03, 0x02, 0x01, 0x33];
    public static readonly DateTimeOffset TimedThisUpdate = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
    public static readonly UInt128 TimedTag = new(0x0011223344556677, 0x8899aabbccddeeff);

    private readonly FixedTableResponder _table = FixedTableResponder.Load(Fixtures.TableDirectory);
    private readonly byte[] _nonce = Fixtures.Read("nonce.req");
    private readonly byte[] _multi = Fixtures.Read("multi.req");
    private readonly byte[] _slowResponse = Fixtures.Response(1);
    private readonly byte[] _plusSlash = Fixtures.Read("get-plus-slash.req");
    private readonly byte[] _doubleSlash = Fixtures.Read("get-double-slash.req");

    public int SlowCalls;

    public OcspReply Answer(ReadOnlySpan<byte> derRequest, IBufferWriter<byte> body)
    {
        if (derRequest.SequenceEqual(ThrowingRequest))
        {
            throw new InvalidOperationException("scripted responder bug");
        }

        if (derRequest.SequenceEqual(TryLaterRequest))
        {
            return OcspReply.Error(OcspOutcome.TryLater);
        }

        if (derRequest.SequenceEqual(TimedRequest))
        {
            body.Write(_slowResponse);
            return OcspReply.Successful(
                TimedThisUpdate.UtcTicks, TimedThisUpdate.AddDays(10).UtcTicks, TimedThisUpdate.AddDays(2).UtcTicks, TimedTag);
        }

        if (derRequest.SequenceEqual(_plusSlash) || derRequest.SequenceEqual(_doubleSlash))
        {
            // The GET tolerance fixtures: answered with response 1 so a test sees the DER arrived intact.
            body.Write(_slowResponse);
            return FixedTableResponder.ReadAnswer(_slowResponse);
        }

        if (derRequest.SequenceEqual(_nonce) || derRequest.SequenceEqual(_multi))
        {
            return OcspReply.NeedsLiveSigning;
        }

        return _table.Answer(derRequest, body);
    }

    public async ValueTask<OcspReply> AnswerSlowAsync(ReadOnlyMemory<byte> derRequest, IBufferWriter<byte> body, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref SlowCalls);
        await Task.Yield();
        if (derRequest.Span.SequenceEqual(_multi))
        {
            return OcspReply.Error(OcspOutcome.TryLater);
        }

        body.Write(_slowResponse);
        return FixedTableResponder.ReadAnswer(_slowResponse);
    }
}
