// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Metrics;

namespace V2gPki.Issuer.Answering;

/// <summary>
/// Counters of the answering sources. Only unusual outcomes are counted (the host counts requests), so the common
/// path touches no shared cache line.
/// </summary>
public sealed class OcspSourceMetrics : IMetricsSource
{
    private long _unknownIssuer;
    private long _badSerial;
    private long _notReady;
    private long _pending;
    private long _expired;
    private long _neverIssued;
    private long _multiCertId;
    private long _nonce;
    private long _liveSigned;
    private long _liveCacheHits;
    private long _liveOverBound;
    private long _liveRateLimited;
    private long _liveFailures;

    /// <summary>Gets requests for a CA we do not serve.</summary>
    public long UnknownIssuer => Volatile.Read(ref _unknownIssuer);

    /// <summary>Gets requests with a serial that cannot be ours.</summary>
    public long BadSerial => Volatile.Read(ref _badSerial);

    /// <summary>Gets requests answered tryLater because the store was not ready.</summary>
    public long NotReady => Volatile.Read(ref _notReady);

    /// <summary>Gets lookups that would have read the disk (a sizing bug; answered tryLater).</summary>
    public long Pending => Volatile.Read(ref _pending);

    /// <summary>Gets responses found past their nextUpdate (answered tryLater, never stale).</summary>
    public long Expired => Volatile.Read(ref _expired);

    /// <summary>Gets requests for never-issued serials of a known CA.</summary>
    public long NeverIssued => Volatile.Read(ref _neverIssued);

    /// <summary>Gets multi-CertID requests.</summary>
    public long MultiCertId => Volatile.Read(ref _multiCertId);

    /// <summary>Gets nonce requests signed live under a nonce policy.</summary>
    public long Nonce => Volatile.Read(ref _nonce);

    /// <summary>Gets responses signed live.</summary>
    public long LiveSigned => Volatile.Read(ref _liveSigned);

    /// <summary>Gets extended-revoked answers served from the live cache.</summary>
    public long LiveCacheHits => Volatile.Read(ref _liveCacheHits);

    /// <summary>Gets live requests answered tryLater because the signer was at its bound (max waiters).</summary>
    public long LiveOverBound => Volatile.Read(ref _liveOverBound);

    /// <summary>Gets live requests answered tryLater by the rate limit.</summary>
    public long LiveRateLimited => Volatile.Read(ref _liveRateLimited);

    /// <summary>Gets live signings that failed (HSM, no signer, clock).</summary>
    public long LiveFailures => Volatile.Read(ref _liveFailures);

    internal void CountUnknownIssuer() => Interlocked.Increment(ref _unknownIssuer);

    internal void CountBadSerial() => Interlocked.Increment(ref _badSerial);

    internal void CountNotReady() => Interlocked.Increment(ref _notReady);

    internal void CountPending() => Interlocked.Increment(ref _pending);

    internal void CountExpired() => Interlocked.Increment(ref _expired);

    internal void CountNeverIssued() => Interlocked.Increment(ref _neverIssued);

    internal void CountMultiCertId() => Interlocked.Increment(ref _multiCertId);

    internal void CountNonce() => Interlocked.Increment(ref _nonce);

    internal void CountLiveSigned() => Interlocked.Increment(ref _liveSigned);

    internal void CountLiveCacheHit() => Interlocked.Increment(ref _liveCacheHits);

    internal void CountLiveOverBound() => Interlocked.Increment(ref _liveOverBound);

    internal void CountLiveRateLimited() => Interlocked.Increment(ref _liveRateLimited);

    internal void CountLiveFailure() => Interlocked.Increment(ref _liveFailures);

    /// <inheritdoc />
    public void Collect(IMetricsVisitor visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        visitor.Counter("v2gpki_ocsp_unknown_issuer_total", "Requests for a CA not served here (unauthorized)", "", UnknownIssuer);
        visitor.Counter("v2gpki_ocsp_bad_serial_total", "Requests with a serial that cannot be ours (unauthorized)", "", BadSerial);
        visitor.Counter("v2gpki_ocsp_not_ready_total", "Requests answered tryLater: store not ready", "", NotReady);
        visitor.Counter("v2gpki_ocsp_pending_reads_total", "Lookups that would have read the disk (tryLater; must stay 0)", "", Pending);
        visitor.Counter("v2gpki_ocsp_expired_total", "Responses past nextUpdate (tryLater, never stale)", "", Expired);
        visitor.Counter("v2gpki_ocsp_never_issued_total", "Requests for never-issued serials of a known CA", "", NeverIssued);
        visitor.Counter("v2gpki_ocsp_multi_certid_total", "Multi-CertID requests", "", MultiCertId);
        visitor.Counter("v2gpki_ocsp_nonce_total", "Nonce requests signed live under a nonce policy", "", Nonce);
        visitor.Counter("v2gpki_ocsp_live_signed_total", "Responses signed live", "", LiveSigned);
        visitor.Counter("v2gpki_ocsp_live_cache_hits_total", "Extended-revoked answers served from the live cache", "", LiveCacheHits);
        visitor.Counter("v2gpki_ocsp_live_over_bound_total", "Live requests answered tryLater at the waiter bound", "", LiveOverBound);
        visitor.Counter("v2gpki_ocsp_live_rate_limited_total", "Live requests answered tryLater by the rate limit", "", LiveRateLimited);
        visitor.Counter("v2gpki_ocsp_live_failures_total", "Live signings that failed", "", LiveFailures);
    }
}
