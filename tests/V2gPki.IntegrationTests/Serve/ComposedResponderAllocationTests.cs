// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.


using V2gPki.Edge.Listeners.Public;
using V2gPki.Issuer.Answering;

namespace V2gPki.IntegrationTests.Serve;

/// <summary>
/// docs/architecture.md §4 invariant 6 / docs/style.md §27 for the composed responder: parse, filter, store lookup,
/// splice of the signer certificate into the pooled body buffer — a pre-signed hit allocates nothing, for POST-sized
/// requests of both CertID hash algorithms, through the slot the listener calls.
/// </summary>
[Collection(PkiServerCollection.Name)]
public class ComposedResponderAllocationTests(PkiServerFixture server)
{
    [Theory]
    [InlineData("evse-good.sha1")]
    [InlineData("evse-revoked.sha256")]
    [InlineData("cpo-sub2.sha256")]
    public void Answer_PreSignedHit_AllocatesNothing(string request)
    {
        var der = File.ReadAllBytes(server.Request(request));
        var body = new ResponseBodyBuffer();
        IOcspResponder responder = server.Server.Slot;
        var answered = 0;

        var allocated = AllocationProbe.LeastPerRound(_ => answered += Run(responder, der, body, 1), iterations: 5000);

        Assert.Equal(4 * 5000, answered); // the warm-up round and three measured rounds all answered
        Assert.Equal(0, allocated);
        body.Release();
    }

    [Fact]
    public void Answer_PreSignedHit_WritesTheSplicedResponse()
    {
        var der = File.ReadAllBytes(server.Request("evse-good.sha1"));
        var body = new ResponseBodyBuffer();

        var answer = server.Server.Slot.Answer(der, body);

        Assert.Equal(OcspOutcome.Successful, answer.Outcome);
        Assert.True(answer.IsCacheable);
        Assert.NotEqual(UInt128.Zero, answer.EntityTag);
        Assert.True(answer.NextResignTicks > answer.ThisUpdateTicks && answer.NextResignTicks < answer.NextUpdateTicks);
        var signer = File.ReadAllText(server.Ca("cpo-sub2-ocsp"));
        var signerDer = Convert.FromBase64String(string.Concat(signer.Split('\n').Where(l => !l.StartsWith("-----", StringComparison.Ordinal))));
        Assert.True(body.WrittenSpan.IndexOf(signerDer) > 0, "the delegated signer certificate is spliced into certs");
        body.Release();
    }

    private static int Run(IOcspResponder responder, byte[] der, ResponseBodyBuffer body, int count)
    {
        var answered = 0;
        for (var i = 0; i < count; i++)
        {
            body.Reset();
            if (responder.Answer(der, body).Outcome == OcspOutcome.Successful)
            {
                answered++;
            }
        }

        return answered;
    }
}
