// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Issuer.Answering;

/// <summary>
/// One step of OCSP answering (docs/style.md §3, after boulder's <c>ocsp/responder</c> sources): <see cref="FilteringSource"/> →
/// <see cref="StoreSource"/> → <see cref="LiveSigningSource"/>. Implementations on the hot path never allocate, never
/// throw on peer input and never block on the HSM, the disk or a queue.
/// </summary>
public interface IOcspResponseSource
{
    /// <summary>Answers a request from memory if it can.</summary>
    /// <param name="query">The parsed request (and its CA when resolved).</param>
    /// <param name="destination">Receives the signed part; <c>StoreLimits.MaxSignedResponseLength</c> bytes always suffice.</param>
    /// <param name="answer">On <see cref="OcspOutcome.Successful"/>: length, signer id, times, ETag; otherwise default.</param>
    /// <returns>The outcome for the host to map.</returns>
    OcspOutcome TryGetResponse(scoped in OcspQuery query, Span<byte> destination, out OcspAnswer answer);
}
