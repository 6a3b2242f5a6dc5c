// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers;
using System.Runtime.CompilerServices;
using V2gPki.Ocsp;
using V2gPki.Store;

namespace V2gPki.Issuer.Answering;

/// <summary>
/// The real <see cref="IOcspResponder"/>, thin by design (docs/style.md §3): parse (<see cref="OcspRequestParser"/>), run the
/// Issuer's answering chain (<see cref="FilteringSource"/> → <see cref="StoreSource"/> → <see cref="LiveSigningSource"/>),
/// and on <see cref="OcspOutcome.Successful"/> splice the certificate of the signer recorded with the response
/// (<see cref="IssuerDirectory.TryGetSignerCertificate"/>) with <see cref="OcspResponseAssembler"/> straight into the
/// body writer. Every <see cref="OcspOutcome"/> becomes an <see cref="OcspReply"/> in one switch
/// (<see cref="Map"/>, docs/style.md §15).
/// </summary>
/// <remarks>
/// The pre-signed hit allocates nothing: the request is parsed into stack views, the store copies the signed part
/// into a 4 KiB stack buffer (<see cref="StoreLimits.MaxSignedResponseLength"/>, never zero-initialised) and the
/// assembler writes into the caller's pooled buffer. Only the live slow path allocates (it signs).
/// </remarks>
public sealed class OcspResponder : IOcspResponder
{
    private readonly IOcspResponseSource _source;
    private readonly LiveSigningSource _live;
    private readonly IssuerDirectory _directory;
    private readonly IOcspRequestCounters _metrics;
    private readonly OcspRequestOptions _parse;
    private readonly long _resignLeadTicks;

    /// <summary>Creates the responder.</summary>
    /// <param name="source">The answering chain (a <see cref="FilteringSource"/>).</param>
    /// <param name="live">The live slow-path signer behind the chain.</param>
    /// <param name="directory">The CAs and their signer certificates.</param>
    /// <param name="metrics">Counts parser refusals and tolerated request parts .</param>
    /// <param name="resignBelowRemaining">
    /// The pre-signer re-signs a response when its remaining validity drops below this, so a pre-signed response is
    /// replaced at nextUpdate − this; HTTP caches keep it until then (<c>max-age</c>).
    /// </param>
    /// <param name="enforceNonceLength">Refuse nonces outside 1–128 octets (only when nonces are signed live, RFC 9654 §2.1).</param>
    public OcspResponder(IOcspResponseSource source, LiveSigningSource live, IssuerDirectory directory, IOcspRequestCounters metrics, TimeSpan resignBelowRemaining, bool enforceNonceLength)
    {
        _source = source ?? throw new ArgumentNullException(nameof(source));
        _live = live ?? throw new ArgumentNullException(nameof(live));
        _directory = directory ?? throw new ArgumentNullException(nameof(directory));
        _metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));
        _resignLeadTicks = resignBelowRemaining.Ticks;
        _parse = new OcspRequestOptions { EnforceNonceLength = enforceNonceLength };
    }

    /// <inheritdoc/>
    [SkipLocalsInit]
    public OcspReply Answer(ReadOnlySpan<byte> derRequest, IBufferWriter<byte> body)
    {
        var status = OcspRequestParser.TryParse(derRequest, _parse, out var request);
        if (status != OcspParseStatus.Ok)
        {
            _metrics.CountParseError(status);
            return OcspReply.Error(OcspOutcome.MalformedRequest);
        }

        _metrics.CountTolerated(request.Quirks);
        Span<byte> part = stackalloc byte[StoreLimits.MaxSignedResponseLength];
        var outcome = _source.TryGetResponse(new OcspQuery(request), part, out var answer);
        return Map(outcome, part, answer, body, pre: true);
    }

    /// <inheritdoc/>
    public async ValueTask<OcspReply> AnswerSlowAsync(ReadOnlyMemory<byte> derRequest, IBufferWriter<byte> body, CancellationToken cancellationToken)
    {
        var signed = await _live.SignAsync(derRequest, cancellationToken).ConfigureAwait(false);
        return Map(signed.Outcome == OcspOutcome.NeedsLiveSigning ? OcspOutcome.InternalError : signed.Outcome, signed.SignedPart.Span, signed.Answer, body, pre: false);
    }

    /// <summary>
    /// The one place where an answering outcome becomes an OCSP answer: Found → the signed part spliced with its
    /// signer's certificate into <paramref name="body"/>; the unsigned RFC 6960 §2.3 errors otherwise.
    /// </summary>
    /// <param name="outcome">What the chain (or the live signer) answered.</param>
    /// <param name="buffer">Holds the signed part at its start when found.</param>
    /// <param name="answer">Length, signer, times and ETag of the signed part.</param>
    /// <param name="body">Receives the response.</param>
    /// <param name="pre">Whether the response was pre-signed (then it is replaced at its re-sign time, which bounds max-age).</param>
    /// <returns>The answer for the HTTP layer.</returns>
    private OcspReply Map(OcspOutcome outcome, ReadOnlySpan<byte> buffer, in OcspAnswer answer, IBufferWriter<byte> body, bool pre)
    {
        switch (outcome)
        {
            case OcspOutcome.Successful:
                if (!_directory.TryGetSignerCertificate(answer.SignerId, out var signerCertificate) || (uint)answer.Length > (uint)buffer.Length || answer.Length == 0)
                {
                    // A response whose signer the directory does not know cannot be verified by any client.
                    return OcspReply.Error(OcspOutcome.InternalError);
                }

                OcspResponseAssembler.Assemble(buffer[..answer.Length], signerCertificate.Span, body);
                if (!answer.Cacheable)
                {
                    return OcspReply.Successful(answer.ThisUpdateTicks, 0, 0, UInt128.Zero);
                }

                var resign = pre ? answer.NextUpdateTicks - _resignLeadTicks : 0;
                return OcspReply.Successful(
                    answer.ThisUpdateTicks, answer.NextUpdateTicks, resign > answer.ThisUpdateTicks ? resign : 0, EntityTag(answer));
            case OcspOutcome.NeedsLiveSigning:
                return OcspReply.NeedsLiveSigning;
            case OcspOutcome.Unauthorized or OcspOutcome.TryLater or OcspOutcome.MalformedRequest or OcspOutcome.SigRequired:
                return OcspReply.Error(outcome);
            default:
                return OcspReply.Error(OcspOutcome.InternalError);
        }
    }

    /// <summary>
    /// A strong entity tag of the exact response: the signed part's 64-bit hash (unique per signature) with the signer
    /// id above it, because the spliced certificate is part of the bytes; never zero (zero means "no ETag").
    /// </summary>
    private static UInt128 EntityTag(in OcspAnswer answer) => new((ulong)answer.SignerId + 1, answer.ETag);
}
