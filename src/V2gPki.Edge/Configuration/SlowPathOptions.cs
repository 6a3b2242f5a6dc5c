// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Configuration;

/// <summary>
/// Bounds of the live (slow-path) OCSP signer (docs/architecture.md §3, §4 invariant 3): over any bound the answer is
/// <c>tryLater</c>, never a queue without limit.
/// </summary>
internal sealed class SlowPathOptions
{
    /// <summary>Live signatures per second (token bucket refill). Size it as HSM capacity left after re-signing / replicas.</summary>
    public double RatePerSecond { get; set; } = 200;

    /// <summary>Token bucket size: live signatures allowed in a burst.</summary>
    public int Burst { get; set; } = 400;

    /// <summary>Live signings in flight at once (HSM sessions given to the slow path).</summary>
    public int MaxInFlight { get; set; } = 4;

    /// <summary>Requests allowed to wait for a signing slot; beyond that, <c>tryLater</c>.</summary>
    public int MaxWaiting { get; set; } = 256;

    /// <summary>Entries of the LRU cache of live-signed never-issued answers.</summary>
    public int CacheSize { get; set; } = 100_000;
}
