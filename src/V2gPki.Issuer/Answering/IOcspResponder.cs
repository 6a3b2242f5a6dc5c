// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers;

namespace V2gPki.Issuer.Answering;

/// <summary>
/// The one seam between a front end and OCSP answering (docs/style.md §3): a listener hands over the DER
/// <c>OCSPRequest</c> it decoded from a POST body, a GET path or an OCPP request, and maps the <see cref="OcspReply"/>
/// to its protocol in one switch. The real implementation (request parser → issuer table → store lookup → splice of the
/// signer certificate, with the live signer behind it) is <see cref="OcspResponder"/>.
/// </summary>
/// <remarks>
/// Contract for both methods:
/// <list type="bullet">
/// <item>On <see cref="OcspOutcome.Successful"/> the complete DER <c>OCSPResponse</c> has been written to
/// <c>body</c>. On any other outcome nothing has been written: the caller writes the RFC 6960 §2.3 unsigned error
/// response of the outcome itself (over HTTP with status 200).</item>
/// <item>Never throws on peer input (bad DER is <see cref="OcspOutcome.MalformedRequest"/>); an exception
/// is a bug and is answered <see cref="OcspOutcome.InternalError"/> and counted.</item>
/// <item>Thread-safe: called concurrently from every connection; <c>body</c> belongs to the caller's request.</item>
/// </list>
/// </remarks>
public interface IOcspResponder
{
    /// <summary>
    /// The cached fast path: answers from memory without blocking (docs/architecture.md §4 invariant 3), with no
    /// allocation. Returns <see cref="OcspOutcome.NeedsLiveSigning"/> when the request must be signed live.
    /// </summary>
    /// <param name="derRequest">The DER <c>OCSPRequest</c>, valid only during the call.</param>
    /// <param name="body">Where the signed <c>OCSPResponse</c> is written on success.</param>
    /// <returns>The outcome and the caching data of the written response.</returns>
    OcspReply Answer(ReadOnlySpan<byte> derRequest, IBufferWriter<byte> body);

    /// <summary>
    /// The live slow path for what <see cref="Answer"/> declined (never-issued serials, nonces under a sign-live
    /// policy, several CertIDs): bounded and rate-limited by the implementation, which answers
    /// <see cref="OcspOutcome.TryLater"/> over its bound rather than queueing without limit. Never the
    /// enrollment queue (docs/architecture.md §3).
    /// </summary>
    /// <param name="derRequest">The DER <c>OCSPRequest</c>; stays valid until the returned task completes.</param>
    /// <param name="body">Where the signed <c>OCSPResponse</c> is written on success.</param>
    /// <param name="cancellationToken">Signalled when the client goes away or the server stops.</param>
    /// <returns>The outcome; never <see cref="OcspOutcome.NeedsLiveSigning"/>.</returns>
    ValueTask<OcspReply> AnswerSlowAsync(ReadOnlyMemory<byte> derRequest, IBufferWriter<byte> body, CancellationToken cancellationToken);
}
