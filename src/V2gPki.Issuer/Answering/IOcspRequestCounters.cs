// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Ocsp;

namespace V2gPki.Issuer.Answering;

/// <summary>
/// Where <see cref="OcspResponder"/> counts what its parser saw (docs/architecture.md §3 Parsing: refused requests by
/// parser status, leniently skipped parts by kind). The host implements it with the counters of every request it
/// serves, so a request is counted in one place whichever listener it came through. Called on the hot path: an
/// implementation must not allocate or block.
/// </summary>
public interface IOcspRequestCounters
{
    /// <summary>Counts a request the parser refused (answered <c>malformedRequest</c>).</summary>
    /// <param name="status">The parser's status (never <see cref="OcspParseStatus.Ok"/>).</param>
    void CountParseError(OcspParseStatus status);

    /// <summary>Counts the lenient parts of one parsed request: one increment per flag set.</summary>
    /// <param name="quirks">What the parser skipped or tolerated; <see cref="OcspRequestQuirks.None"/> costs one comparison.</param>
    void CountTolerated(OcspRequestQuirks quirks);
}
