// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Ocsp;

namespace V2gPki.Issuer;

/// <summary>
/// Knobs of the issuing worker (docs/architecture.md §3 pre-signing, revocation, freshness). Each option says how to
/// size it.
/// </summary>
public sealed class IssuerOptions
{
    /// <summary>
    /// Gets the CertID hash algorithms every pre-signed response answers, one SingleResponse each under one signature
    /// (default SHA-1 then SHA-256; add SHA-384/512 only if clients ask with them: each adds ~70–100 bytes per response).
    /// </summary>
    public IList<OcspHashAlgorithm> HashAlgorithms { get; } = new List<OcspHashAlgorithm> { OcspHashAlgorithm.Sha1, OcspHashAlgorithm.Sha256 };

    /// <summary>Gets or sets nextUpdate − thisUpdate of a pre-signed response (default 10 days), always capped at the signer's notAfter.</summary>
    public TimeSpan ResponseValidity { get; set; } = TimeSpan.FromDays(10);

    /// <summary>
    /// Gets or sets the remaining validity below which a response is re-signed (default 8 days). Stations refresh stapled
    /// responses every 167 hours, so whatever they fetch must stay valid 167 h plus margin: keep this ≥ 8 days.
    /// </summary>
    public TimeSpan ResignBelowRemaining { get; set; } = TimeSpan.FromDays(8);

    /// <summary>
    /// Gets or sets how much later a re-signed response's nextUpdate must be than the stored one for the re-sign to be
    /// worth an HSM signature (default 1 hour). Stops a re-sign loop when nextUpdate is capped by a signer about to expire.
    /// </summary>
    public TimeSpan MinimumExtension { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Gets or sets how long after a certificate's notAfter its response is still kept fresh (default 0: the last response
    /// signed before expiry stays served until its own nextUpdate).
    /// </summary>
    public TimeSpan ExpiredRetention { get; set; } = TimeSpan.Zero;

    /// <summary>Gets or sets the interval between freshness scans of the registry (default 5 minutes; a 10 M scan takes seconds).</summary>
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Gets or sets the number of responses signed per HSM bulk-lane batch (default 256). Larger batches amortise hand-off;
    /// keep batch size × <see cref="MaxInFlightBatches"/> ≤ the token's BulkMaxInFlight so revocations never queue behind more.
    /// </summary>
    public int BatchSize { get; set; } = 256;

    /// <summary>
    /// Gets or sets the number of batches signing at once (default 4): in-flight signings = batch size × this. Size to the
    /// HSM's bulk sessions × 2 so every session has the next chunk ready; more only adds queueing.
    /// </summary>
    public int MaxInFlightBatches { get; set; } = 4;

    /// <summary>Gets or sets the first back-off after an HSM error on the bulk lane (default 100 ms, doubling).</summary>
    public TimeSpan HsmErrorBackoff { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Gets or sets the longest back-off after repeated HSM errors (default 30 s).</summary>
    public TimeSpan HsmErrorBackoffMax { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how far the clock may step back before signing refuses to run (default 2 s).</summary>
    public TimeSpan ClockJumpTolerance { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Gets or sets the most live (good, unexpired) certificates one subject ID may have when a new one is issued through
    /// <see cref="Worker.IssuingWorker.IssueAndRegisterAsync"/> (EST enrollment; default 4: the current certificate, a
    /// renewal overlapping it, and room for a retry; 0 = no limit). Counted with the store's subject-ID index
    /// (docs/architecture.md §5). Imports and the hierarchy's own certificates are not limited.
    /// </summary>
    public int MaxLiveCertificatesPerSubject { get; set; } = 4;

    /// <summary>
    /// Gets or sets how long after a newer certificate of the same subject ID and kind was issued an older live leaf is
    /// revoked with reason superseded (RFC 5280 §5.3.1), through the normal revocation path; zero revokes it at once,
    /// null (the default) never. docs/architecture.md §3 Supersede.
    /// </summary>
    public TimeSpan? SupersedeAfter { get; set; }

    /// <summary>
    /// Gets or sets the interval of the supersede sweep, which finds superseded certificates whose time has come (default 1
    /// hour: a superseded certificate is revoked at most this late; the sweep walks the registry like a freshness scan).
    /// </summary>
    public TimeSpan SupersedeScanInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Gets or sets the capacity of the registration (enrollment) queue (default 1024; full → the caller answers 503).</summary>
    public int RegistrationQueueCapacity { get; set; } = 1024;

    /// <summary>Gets or sets the registrations processed at once (default 4; each holds one priority-lane signature and one WAL commit).</summary>
    public int RegistrationConcurrency { get; set; } = 4;

    /// <summary>Gets or sets the capacity of the status-change (revocation) queue (default 1024).</summary>
    public int StatusQueueCapacity { get; set; } = 1024;

    /// <summary>
    /// Gets or sets the status changes processed at once (default 4). The WAL's group commit makes concurrent changes
    /// share commits; more than the token's priority sessions × 4 only queues on the HSM.
    /// </summary>
    public int StatusConcurrency { get; set; } = 4;

    /// <summary>Gets or sets the re-sign rate after a signer rollover, responses per second (default 500; a 10 M CA takes ~6 hours).</summary>
    public double RolloverResignRate { get; set; } = 500;

    /// <summary>
    /// Gets or sets how long before the current signer's notAfter a new signer takes over (default 30 days of a 90-day
    /// signer). Must exceed <see cref="ResponseValidity"/> plus the time the rollover re-sign needs at its rate.
    /// </summary>
    public TimeSpan SignerRolloverLead { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// Gets or sets how long before a signer certificate expires an alert is raised when no successor exists (default 60
    /// days: signers of offline CAs are issued in a ceremony, which needs planning).
    /// </summary>
    public TimeSpan SignerExpiryAlertLead { get; set; } = TimeSpan.FromDays(60);

    /// <summary>Gets or sets the validity of a new delegated signer certificate issued at rollover (default 90 days, docs/architecture.md §10).</summary>
    public TimeSpan SignerValidity { get; set; } = TimeSpan.FromDays(90);
}
