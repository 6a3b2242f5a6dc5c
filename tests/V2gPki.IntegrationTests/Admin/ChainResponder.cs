// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers;
using V2gPki.Issuer;
using V2gPki.Issuer.Answering;
using V2gPki.Ocsp;

namespace V2gPki.IntegrationTests.Admin;

/// <summary>
/// An <see cref="IOcspResponder"/> over the issuer's answering chain (FilteringSource → StoreSource → LiveSigningSource)
/// with the signer-certificate splice, as the README of V2gPki.Issuer describes the host's calls: what the OCSP listener
/// and the OCPP adapter answer from.
/// </summary>
public sealed class ChainResponder(IOcspResponseSource chain, LiveSigningSource live, IssuerDirectory directory) : IOcspResponder
{
    public OcspReply Answer(ReadOnlySpan<byte> derRequest, IBufferWriter<byte> body)
    {
        if (OcspRequestParser.TryParse(derRequest, out var request) != OcspParseStatus.Ok)
        {
            return OcspReply.Error(OcspOutcome.MalformedRequest);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(V2gPki.Store.StoreLimits.MaxSignedResponseLength);
        try
        {
            var outcome = chain.TryGetResponse(new OcspQuery(request), buffer, out var answer);
            return outcome == OcspOutcome.NeedsLiveSigning
                ? OcspReply.NeedsLiveSigning
                : Finish(outcome, buffer.AsSpan(0, outcome == OcspOutcome.Successful ? answer.Length : 0), answer, body);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public async ValueTask<OcspReply> AnswerSlowAsync(ReadOnlyMemory<byte> derRequest, IBufferWriter<byte> body, CancellationToken cancellationToken)
    {
        var signed = await live.SignAsync(derRequest, cancellationToken);
        return Finish(signed.Outcome, signed.SignedPart.Span, signed.Answer, body);
    }

    private OcspReply Finish(OcspOutcome outcome, ReadOnlySpan<byte> signedPart, OcspAnswer answer, IBufferWriter<byte> body)
    {
        switch (outcome)
        {
            case OcspOutcome.Successful:
                if (!directory.TryGetSignerCertificate(answer.SignerId, out var certificate))
                {
                    return OcspReply.Error(OcspOutcome.InternalError);
                }

                OcspResponseAssembler.Assemble(signedPart, certificate.Span, body);
                return OcspReply.Successful(answer.ThisUpdateTicks, answer.NextUpdateTicks, 0, answer.ETag);
            case OcspOutcome.Unauthorized:
                return OcspReply.Error(OcspOutcome.Unauthorized);
            case OcspOutcome.TryLater:
                return OcspReply.Error(OcspOutcome.TryLater);
            case OcspOutcome.MalformedRequest:
                return OcspReply.Error(OcspOutcome.MalformedRequest);
            default:
                return OcspReply.Error(OcspOutcome.InternalError);
        }
    }
}
