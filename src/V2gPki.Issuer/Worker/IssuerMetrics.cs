// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Metrics;

namespace V2gPki.Issuer.Worker;

/// <summary>Counters and histograms of the issuing worker; read as properties or through <see cref="Collect"/>.</summary>
public sealed class IssuerMetrics : IMetricsSource
{
    private static readonly double[] AgeBoundsHours = [1, 6, 12, 24, 48, 72, 96, 120, 144, 168, 192, 216, 240];
    private static readonly double[] LatencyBoundsSeconds = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5];
    private const double MicroUnits = 1e-6;
    private readonly Histogram _responseAgeBuilding = new(AgeBoundsHours, MicroUnits);
    private long _registrations;
    private long _registrationsRejected;
    private long _registrationFailures;
    private long _statusChanges;
    private long _statusChangesIdempotent;
    private long _statusChangesRefused;
    private long _subjectLimitRefusals;
    private long _superseded;
    private long _statusQueueFull;
    private long _resigned;
    private long _resignsRefused;
    private long _hsmErrors;
    private long _scans;
    private long _due;
    private long _rolloverResigns;
    private long _rollovers;
    private long _signerExpiryAlerts;
    private long _signingRefusedClock;
    private long _scanMilliseconds;
    private long _lastScanCertificates;

    /// <summary>Gets the age of served responses (now − thisUpdate) at the last scan, hours.</summary>
    public Histogram ResponseAgeHours { get; } = new(AgeBoundsHours, MicroUnits);

    /// <summary>Gets the time from a status-change request to its acknowledgement (WAL committed), seconds.</summary>
    public Histogram StatusChangeLatencySeconds { get; } = new(LatencyBoundsSeconds, MicroUnits);

    /// <summary>Gets the time from a registration request to its acknowledgement, seconds.</summary>
    public Histogram RegistrationLatencySeconds { get; } = new(LatencyBoundsSeconds, MicroUnits);

    /// <summary>Gets certificates registered (first response signed and committed).</summary>
    public long Registrations => Volatile.Read(ref _registrations);

    /// <summary>Gets registrations refused because the queue was full.</summary>
    public long RegistrationsRejected => Volatile.Read(ref _registrationsRejected);

    /// <summary>Gets registrations that failed (invalid certificate, HSM or store error).</summary>
    public long RegistrationFailures => Volatile.Read(ref _registrationFailures);

    /// <summary>Gets status changes applied and acknowledged.</summary>
    public long StatusChanges => Volatile.Read(ref _statusChanges);

    /// <summary>Gets status changes that found the certificate already in the requested state.</summary>
    public long StatusChangesIdempotent => Volatile.Read(ref _statusChangesIdempotent);

    /// <summary>Gets registrations refused because their subject ID had the most live certificates allowed.</summary>
    public long SubjectLimitRefusals => Volatile.Read(ref _subjectLimitRefusals);

    /// <summary>Gets certificates revoked as superseded by the supersede policy.</summary>
    public long Superseded => Volatile.Read(ref _superseded);

    /// <summary>Gets status changes refused (not allowed, unknown certificate).</summary>
    public long StatusChangesRefused => Volatile.Read(ref _statusChangesRefused);

    /// <summary>Gets status changes refused because the queue was full.</summary>
    public long StatusQueueFull => Volatile.Read(ref _statusQueueFull);

    /// <summary>Gets responses re-signed (freshness and rollover).</summary>
    public long Resigned => Volatile.Read(ref _resigned);

    /// <summary>Gets re-signed responses the store refused (a status change raced the re-sign).</summary>
    public long ResignsRefused => Volatile.Read(ref _resignsRefused);

    /// <summary>Gets HSM errors seen by the worker (each backs the bulk lane off).</summary>
    public long HsmErrors => Volatile.Read(ref _hsmErrors);

    /// <summary>Gets freshness scans completed.</summary>
    public long Scans => Volatile.Read(ref _scans);

    /// <summary>Gets responses found due for re-signing by scans.</summary>
    public long Due => Volatile.Read(ref _due);

    /// <summary>Gets responses re-signed because their signer was superseded.</summary>
    public long RolloverResigns => Volatile.Read(ref _rolloverResigns);

    /// <summary>Gets signer rollovers done.</summary>
    public long Rollovers => Volatile.Read(ref _rollovers);

    /// <summary>Gets alerts raised for signer certificates close to expiry without a successor.</summary>
    public long SignerExpiryAlerts => Volatile.Read(ref _signerExpiryAlerts);

    /// <summary>Gets signings refused because the clock had jumped back.</summary>
    public long SigningRefusedClock => Volatile.Read(ref _signingRefusedClock);

    /// <summary>Gets the duration of the last scan, milliseconds.</summary>
    public long LastScanMilliseconds => Volatile.Read(ref _scanMilliseconds);

    /// <summary>Gets the number of certificates the last scan visited.</summary>
    public long LastScanCertificates => Volatile.Read(ref _lastScanCertificates);

    internal void Registered(TimeSpan latency)
    {
        Interlocked.Increment(ref _registrations);
        RegistrationLatencySeconds.ObserveBaseUnits(latency.TotalSeconds);
    }

    internal void RegistrationRejected() => Interlocked.Increment(ref _registrationsRejected);

    internal void RegistrationFailed() => Interlocked.Increment(ref _registrationFailures);

    internal void StatusChanged(TimeSpan latency)
    {
        Interlocked.Increment(ref _statusChanges);
        StatusChangeLatencySeconds.ObserveBaseUnits(latency.TotalSeconds);
    }

    internal void StatusIdempotent() => Interlocked.Increment(ref _statusChangesIdempotent);

    internal void StatusRefused() => Interlocked.Increment(ref _statusChangesRefused);

    internal void SubjectLimitRefused() => Interlocked.Increment(ref _subjectLimitRefusals);

    internal void SupersededRevoked() => Interlocked.Increment(ref _superseded);

    internal void StatusQueueWasFull() => Interlocked.Increment(ref _statusQueueFull);

    internal void ResignedOne(bool rollover)
    {
        Interlocked.Increment(ref _resigned);
        if (rollover)
        {
            Interlocked.Increment(ref _rolloverResigns);
        }
    }

    internal void ResignRefused() => Interlocked.Increment(ref _resignsRefused);

    internal void HsmError() => Interlocked.Increment(ref _hsmErrors);

    internal void FoundDue() => Interlocked.Increment(ref _due);

    internal void RolledOver() => Interlocked.Increment(ref _rollovers);

    internal void SignerExpiryAlert() => Interlocked.Increment(ref _signerExpiryAlerts);

    internal void ClockRefused() => Interlocked.Increment(ref _signingRefusedClock);

    internal void ObserveAgeDuringScan(TimeSpan age) => _responseAgeBuilding.ObserveBaseUnits(age.TotalHours);

    internal void ScanStarted() => _responseAgeBuilding.Reset();

    internal void ScanFinished(TimeSpan duration, long certificates)
    {
        ResponseAgeHours.CopyFrom(_responseAgeBuilding);
        Interlocked.Exchange(ref _scanMilliseconds, (long)duration.TotalMilliseconds);
        Interlocked.Exchange(ref _lastScanCertificates, certificates);
        Interlocked.Increment(ref _scans);
    }

    /// <inheritdoc />
    public void Collect(IMetricsVisitor visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        visitor.Counter("v2gpki_issuer_registrations_total", "Certificates registered with their first signed response", "", Registrations);
        visitor.Counter("v2gpki_issuer_registrations_rejected_total", "Registrations refused: queue full", "", RegistrationsRejected);
        visitor.Counter("v2gpki_issuer_registration_failures_total", "Registrations that failed", "", RegistrationFailures);
        visitor.Counter("v2gpki_issuer_status_changes_total", "Revocations, holds and un-holds acknowledged", "", StatusChanges);
        visitor.Counter("v2gpki_issuer_status_changes_idempotent_total", "Status changes that found the requested state", "", StatusChangesIdempotent);
        visitor.Counter("v2gpki_issuer_status_changes_refused_total", "Status changes refused (transition not allowed, unknown certificate)", "", StatusChangesRefused);
        visitor.Counter("v2gpki_issuer_subject_limit_refused_total", "Registrations refused: the subject ID had the most live certificates allowed", "", SubjectLimitRefusals);
        visitor.Counter("v2gpki_issuer_superseded_total", "Certificates revoked as superseded by a newer one of the same subject ID", "", Superseded);
        visitor.Counter("v2gpki_issuer_status_queue_full_total", "Status changes refused: queue full", "", StatusQueueFull);
        visitor.Counter("v2gpki_issuer_resigned_total", "Responses re-signed", "", Resigned);
        visitor.Counter("v2gpki_issuer_rollover_resigned_total", "Responses re-signed after a signer rollover", "", RolloverResigns);
        visitor.Counter("v2gpki_issuer_resigns_refused_total", "Re-signs refused by the store (status changed meanwhile)", "", ResignsRefused);
        visitor.Counter("v2gpki_issuer_hsm_errors_total", "HSM errors on the bulk lane (back-off)", "", HsmErrors);
        visitor.Counter("v2gpki_issuer_scans_total", "Freshness scans", "", Scans);
        visitor.Counter("v2gpki_issuer_due_total", "Responses found due for re-signing", "", Due);
        visitor.Counter("v2gpki_issuer_signer_rollovers_total", "Delegated signer rollovers", "", Rollovers);
        visitor.Counter("v2gpki_issuer_signer_expiry_alerts_total", "Alerts: a signer certificate expires soon without a successor", "", SignerExpiryAlerts);
        visitor.Counter("v2gpki_issuer_clock_refusals_total", "Signings refused because the clock stepped back", "", SigningRefusedClock);
        visitor.Gauge("v2gpki_issuer_last_scan_seconds", "Duration of the last freshness scan", "", LastScanMilliseconds / 1000.0);
        visitor.Gauge("v2gpki_issuer_last_scan_certificates", "Certificates visited by the last scan", "", LastScanCertificates);
        ResponseAgeHours.Report(visitor, "v2gpki_issuer_response_age_hours", "Age of served responses at the last scan (now - thisUpdate)");
        StatusChangeLatencySeconds.Report(visitor, "v2gpki_issuer_status_change_seconds", "Status change request to acknowledgement");
        RegistrationLatencySeconds.Report(visitor, "v2gpki_issuer_registration_seconds", "Registration request to acknowledgement");
    }
}
