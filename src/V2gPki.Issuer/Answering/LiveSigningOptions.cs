// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Issuer.Answering;

/// <summary>
/// Bounds of the live slow-path signer (docs/architecture.md §3, §4 invariant 3; boulder <c>live.go</c>): what cannot
/// be pre-signed is signed here, at most <see cref="MaxConcurrentSignings"/> at once, with <see cref="MaxWaiters"/>
/// queued, at <see cref="RatePerSecond"/>; beyond that the answer is <c>tryLater</c>.
/// </summary>
public sealed class LiveSigningOptions
{
    /// <summary>
    /// Gets or sets the live signings in flight (default 4). Size as the HSM's spare capacity for live answers divided by
    /// the number of responder replicas sharing the HSM; each uses the bulk lane and competes with pre-signing, never with
    /// revocations (priority lane).
    /// </summary>
    public int MaxConcurrentSignings { get; set; } = 4;

    /// <summary>
    /// Gets or sets the requests that may wait for a signing slot (default 64); the next one gets <c>tryLater</c> at once
    /// (load shedding). Keep it at about rate × the client timeout you are willing to hold connections for.
    /// </summary>
    public int MaxWaiters { get; set; } = 64;

    /// <summary>Gets or sets the sustained live signing rate, per second (default 200; 0 = unlimited).</summary>
    public double RatePerSecond { get; set; } = 200;

    /// <summary>Gets or sets the burst of the rate limit (default 400).</summary>
    public double Burst { get; set; } = 400;

    /// <summary>Gets or sets the number of extended-revoked answers cached (LRU, default 10,000; ~500 bytes each).</summary>
    public int CacheSize { get; set; } = 10_000;

    /// <summary>Gets or sets what a never-issued serial of a known CA gets (default extended revoked).</summary>
    public NeverIssuedAnswer NeverIssued { get; set; } = NeverIssuedAnswer.ExtendedRevoked;

    /// <summary>
    /// Gets or sets the validity of an extended-revoked answer (default 1 hour: short, because an imported serial may
    /// become known later; a cached answer is dropped at its nextUpdate).
    /// </summary>
    public TimeSpan ExtendedRevokedValidity { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Gets or sets the most CertIDs one live request may carry (default 8; more → <c>unauthorized</c>).</summary>
    public int MaxCertIdsPerRequest { get; set; } = 8;
}
