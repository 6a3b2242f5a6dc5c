// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers;

namespace V2gPki.Edge.Listeners.Public;

/// <summary>
/// The one seam between the HTTP front end and OCSP answering (docs/style.md §3): the HTTP layer hands over the DER
/// <c>OCSPRequest</c> it decoded from a POST body or a GET path and maps the <see cref="OcspHttpAnswer"/> to HTTP.
/// The real implementation (request parser → issuer table → store lookup → splice of the signer certificate, with
/// the live signer behind it) is <see cref="PkiOcspResponder"/>, composed by <see cref="Runtime.PkiRuntime"/>.
/// </summary>
/// <remarks>
/// Contract for both methods:
/// <list type="bullet">
/// <item>On <see cref="OcspAnswerOutcome.Successful"/> the complete DER <c>OCSPResponse</c> has been written to
/// <c>body</c>. On any other outcome nothing has been written: the HTTP layer writes the RFC 6960 §2.3 unsigned
/// error response for the outcome itself (HTTP 200).</item>
/// <item>Never throws on peer input (bad DER is <see cref="OcspAnswerOutcome.MalformedRequest"/>); an exception
/// is a bug and is answered <see cref="OcspAnswerOutcome.InternalError"/> and counted.</item>
/// <item>Thread-safe: called concurrently from every connection; <c>body</c> belongs to the caller's request.</item>
/// </list>
/// </remarks>
public interface IOcspResponder
{
    /// <summary>
    /// The cached fast path: answers from memory without blocking (docs/architecture.md §4 invariant 3), with no
    /// allocation. Returns <see cref="OcspAnswerOutcome.NeedsLiveSigning"/> when the request must be signed live.
    /// </summary>
    /// <param name="derRequest">The DER <c>OCSPRequest</c>, valid only during the call.</param>
    /// <param name="body">Where the signed <c>OCSPResponse</c> is written on success.</param>
    /// <returns>The outcome and the caching data of the written response.</returns>
    OcspHttpAnswer Answer(ReadOnlySpan<byte> derRequest, IBufferWriter<byte> body);

    /// <summary>
    /// The live slow path for what <see cref="Answer"/> declined (never-issued serials, nonces under a sign-live
    /// policy, several CertIDs): bounded and rate-limited by the implementation, which answers
    /// <see cref="OcspAnswerOutcome.TryLater"/> over its bound rather than queueing without limit. Never the
    /// enrollment queue (docs/architecture.md §3).
    /// </summary>
    /// <param name="derRequest">The DER <c>OCSPRequest</c>; stays valid until the returned task completes.</param>
    /// <param name="body">Where the signed <c>OCSPResponse</c> is written on success.</param>
    /// <param name="cancellationToken">Signalled when the client goes away or the server stops.</param>
    /// <returns>The outcome; never <see cref="OcspAnswerOutcome.NeedsLiveSigning"/>.</returns>
    ValueTask<OcspHttpAnswer> AnswerSlowAsync(ReadOnlyMemory<byte> derRequest, IBufferWriter<byte> body, CancellationToken cancellationToken);
}
