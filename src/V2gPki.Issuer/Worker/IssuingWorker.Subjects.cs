// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Store;

namespace V2gPki.Issuer.Worker;

/// <summary>
/// The subject policy (docs/architecture.md §3 Supersede): at most <see cref="IssuerOptions.MaxLiveCertificatesPerSubject"/>
/// live certificates per subject ID for certificates issued on request, and the revocation of a leaf superseded by a
/// newer one of the same subject ID and kind <see cref="IssuerOptions.SupersedeAfter"/> after that one was issued. Both
/// read the store's subject-ID index (docs/architecture.md §5); revocations take the normal path (<see cref="RevokeAsync"/>).
/// </summary>
public sealed partial class IssuingWorker
{
    private readonly SemaphoreSlim[] _subjectStripes = CreateStripes();
    private readonly SemaphoreSlim _supersedeWake = new(0, 1);

    /// <summary>Gets the most live certificates one subject ID may have (<see cref="IssuerOptions.MaxLiveCertificatesPerSubject"/>; 0 = no limit).</summary>
    public int MaxLiveCertificatesPerSubject => _options.MaxLiveCertificatesPerSubject;

    /// <summary>Counts the live (good, not expired) certificates of a subject ID.</summary>
    /// <param name="subjectId">The subject ID, any spelling (the index folds it).</param>
    /// <returns>The count.</returns>
    public int CountLiveForSubject(string subjectId)
    {
        ArgumentNullException.ThrowIfNull(subjectId);
        var records = new List<CertificateRecord>();
        _registry.TryGetCertificatesBySubject(subjectId, records);
        var now = _time.GetUtcNow();
        var live = 0;
        foreach (var record in records)
        {
            if (IsLive(record, now))
            {
                live++;
            }
        }

        return live;
    }

    /// <summary>
    /// Revokes (reason superseded) every live leaf of a subject ID that has a live successor of the same kind issued at
    /// least <see cref="IssuerOptions.SupersedeAfter"/> ago. Does nothing while the policy is off.
    /// </summary>
    /// <param name="subjectId">The subject ID.</param>
    /// <param name="cancellationToken">Stops waiting for the revocations.</param>
    /// <returns>The number of certificates revoked.</returns>
    public async Task<int> SupersedeSubjectAsync(string subjectId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subjectId);
        if (_options.SupersedeAfter is null)
        {
            return 0;
        }

        var records = new List<CertificateRecord>();
        _registry.TryGetCertificatesBySubject(subjectId, records);
        var now = _time.GetUtcNow();
        var revoked = 0;
        foreach (var record in records)
        {
            if (IsSupersededDue(record, records, now) && await RevokeSupersededAsync(record, cancellationToken).ConfigureAwait(false))
            {
                revoked++;
            }
        }

        return revoked;
    }

    /// <summary>
    /// One supersede sweep: walks the registry for live leaves and revokes those whose successor's grace has passed
    /// (what makes the policy survive restarts: it is derived from the registry, not from a schedule in memory).
    /// </summary>
    /// <param name="cancellationToken">Stops the sweep.</param>
    /// <returns>The number of certificates revoked.</returns>
    public async Task<int> SweepSupersededAsync(CancellationToken cancellationToken = default)
    {
        if (_options.SupersedeAfter is null)
        {
            return 0;
        }

        var now = _time.GetUtcNow();
        var due = new List<CertificateRecord>();
        await Task.Factory.StartNew(
            () => _registry.ForEachCertificate(record =>
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    return false;
                }

                if (IsLive(record, now) && IsLeaf(record.Kind))
                {
                    var subject = new List<CertificateRecord>();
                    _registry.TryGetCertificatesBySubject(record.SubjectId, subject);
                    if (IsSupersededDue(record, subject, now))
                    {
                        due.Add(record);
                    }
                }

                return true;
            }),
            cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);

        var revoked = 0;
        foreach (var record in due)
        {
            if (await RevokeSupersededAsync(record, cancellationToken).ConfigureAwait(false))
            {
                revoked++;
            }
        }

        return revoked;
    }

    private async Task RunSupersedeSweepsAsync(CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                // SemaphoreSlim waits at most ~24 days; a longer interval only means 'rarely'.
                var interval = TimeSpan.FromTicks(Math.Clamp(_options.SupersedeScanInterval.Ticks, TimeSpan.TicksPerMillisecond, TimeSpan.TicksPerDay));
                await _supersedeWake.WaitAsync(interval, stop).ConfigureAwait(false);
                if (stop.IsCancellationRequested)
                {
                    break;
                }

                try
                {
                    await SweepSupersededAsync(stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    break;
                }
#pragma warning disable CA1031 // A failed sweep is retried at the next interval; nothing was half done (each revocation is atomic).
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    IssuerLog.SupersedeSweepFailed(_logger, interval.TotalSeconds, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private async Task<bool> RevokeSupersededAsync(CertificateRecord record, CancellationToken cancellationToken)
    {
        var result = await RevokeAsync(record.Issuer, record.Serial, RevocationReason.Superseded, null, cancellationToken).ConfigureAwait(false);
        if (result.Status != StatusChangeStatus.Applied)
        {
            return false;
        }

        Metrics.SupersededRevoked();
        return true;
    }

    /// <summary>
    /// Whether <paramref name="record"/> is a live leaf with a live successor of the same kind (a later notBefore, or the
    /// same notBefore and a later registration) registered at least <see cref="IssuerOptions.SupersedeAfter"/> ago.
    /// Ordering by notBefore keeps imported older certificates from superseding newer ones; the grace counts from
    /// registration, when this node learned of the successor.
    /// </summary>
    private bool IsSupersededDue(CertificateRecord record, List<CertificateRecord> subject, DateTimeOffset now)
    {
        if (!IsLive(record, now) || !IsLeaf(record.Kind))
        {
            return false;
        }

        var grace = _options.SupersedeAfter!.Value;
        foreach (var successor in subject)
        {
            if (successor.Kind == record.Kind && IsLive(successor, now)
                && (successor.NotBefore > record.NotBefore || (successor.NotBefore == record.NotBefore && successor.IssuedAt > record.IssuedAt))
                && successor.IssuedAt + grace <= now)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLive(CertificateRecord record, DateTimeOffset now) => record.Status == CertificateStatus.Good && record.NotAfter > now;

    private static bool IsLeaf(CertificateKind kind) =>
        kind is CertificateKind.Evse or CertificateKind.Contract or CertificateKind.OemProvisioning or CertificateKind.Vehicle or CertificateKind.Cps;

    private static int SubjectStripeOf(string subjectId) => StripeOf(System.Text.Encoding.UTF8.GetBytes(SubjectKey.Normalize(subjectId)));
}
