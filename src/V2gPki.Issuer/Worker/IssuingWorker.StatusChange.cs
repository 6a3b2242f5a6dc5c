// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Issuer.Signers;
using V2gPki.Store;

namespace V2gPki.Issuer.Worker;

/// <summary>Revocation, hold and un-hold on the HSM priority lane: status change, immediate re-sign, WAL commit, acknowledgement.</summary>
public sealed partial class IssuingWorker
{
    private const int Stripes = 64;
    private readonly SemaphoreSlim[] _stripes = CreateStripes();

    /// <summary>
    /// Revokes a certificate (RFC 5280 reason; <see cref="RevocationReason.CertificateHold"/> puts it on hold). The task
    /// completes after the response for the new status is signed on the priority lane, stored and its WAL entry committed:
    /// an acknowledged revocation survives kill -9 and is what the next OCSP lookup serves. Idempotent.
    /// </summary>
    /// <param name="issuer">The issuing CA's store id.</param>
    /// <param name="serial">The serial, INTEGER content octets.</param>
    /// <param name="reason">The reason: not <see cref="RevocationReason.None"/> or <see cref="RevocationReason.RemoveFromCrl"/>.</param>
    /// <param name="revocationTime">The revocation time (default now; whole seconds).</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The outcome.</returns>
    public Task<StatusChangeResult> RevokeAsync(IssuerId issuer, ReadOnlyMemory<byte> serial, RevocationReason reason, DateTimeOffset? revocationTime = null, CancellationToken cancellationToken = default)
    {
        if (reason is RevocationReason.None or RevocationReason.RemoveFromCrl || !Enum.IsDefined(reason))
        {
            return Task.FromResult(new StatusChangeResult(StatusChangeStatus.InvalidArgument, 0));
        }

        var status = reason == RevocationReason.CertificateHold ? CertificateStatus.Hold : CertificateStatus.Revoked;
        return Enqueue(new StatusJob(issuer, serial, status, reason, revocationTime, _time.GetTimestamp()), cancellationToken);
    }

    /// <summary>Releases a certificate from hold (removeFromCRL, RFC 5280 §5.3.1): only allowed from certificateHold.</summary>
    /// <param name="issuer">The issuing CA's store id.</param>
    /// <param name="serial">The serial.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The outcome; <see cref="StatusChangeStatus.InvalidTransition"/> unless the certificate is on hold.</returns>
    public Task<StatusChangeResult> ReleaseHoldAsync(IssuerId issuer, ReadOnlyMemory<byte> serial, CancellationToken cancellationToken = default) =>
        Enqueue(new StatusJob(issuer, serial, CertificateStatus.Good, RevocationReason.None, null, _time.GetTimestamp()), cancellationToken);

    private Task<StatusChangeResult> Enqueue(StatusJob job, CancellationToken cancellationToken)
    {
        if (_stop.IsCancellationRequested)
        {
            return Task.FromResult(new StatusChangeResult(StatusChangeStatus.ShuttingDown, 0));
        }

        if (!_statusChanges.TryEnqueue(job))
        {
            Metrics.StatusQueueWasFull();
            return Task.FromResult(new StatusChangeResult(_stop.IsCancellationRequested ? StatusChangeStatus.ShuttingDown : StatusChangeStatus.QueueFull, 0));
        }

        return job.Completion.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// A status-change consumer on its own thread: it blocks on the HSM priority lane and on the WAL commit instead of
    /// awaiting, so a re-sign wave that keeps the thread pool busy adds no scheduling hops to a revocation's latency.
    /// </summary>
    private void RunStatusChanges(CancellationToken stop)
    {
        while (_statusChanges.TryTake(out var job, stop))
        {
            StatusChangeResult result;
            try
            {
                result = ChangeNow(job, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                result = new StatusChangeResult(StatusChangeStatus.ShuttingDown, 0);
            }

            job.Completion.TrySetResult(result);
        }
    }

    private StatusChangeResult ChangeNow(StatusJob job, CancellationToken stop)
    {
        if (!Directory.TryGetIssuer(job.Issuer, out var issuer))
        {
            Metrics.StatusRefused();
            return new StatusChangeResult(StatusChangeStatus.UnknownIssuer, 0);
        }

        if ((uint)(job.Serial.Length - 1) >= StoreLimits.MaxSerialLength)
        {
            return new StatusChangeResult(StatusChangeStatus.InvalidArgument, 0);
        }

        // One change per serial at a time: a second request for the same certificate sees the first one's result and
        // answers AlreadyApplied without spending an HSM signature.
        var stripe = _stripes[StripeOf(job.Serial.Span)];
        stripe.Wait(stop);
        try
        {
            var lookup = _registry.TryGetCertificate(job.Issuer, job.Serial.Span, out var record);
            if (lookup == LookupStatus.NotReady)
            {
                return new StatusChangeResult(StatusChangeStatus.StoreNotReady, 0);
            }

            if (lookup != LookupStatus.Found)
            {
                Metrics.StatusRefused();
                return new StatusChangeResult(StatusChangeStatus.NotFound, 0);
            }

            if (record!.Status == job.NewStatus)
            {
                Metrics.StatusIdempotent();
                return new StatusChangeResult(StatusChangeStatus.AlreadyApplied, record.StatusVersion);
            }

            if (!CertificateStatusTransitions.IsAllowed(record.Status, job.NewStatus))
            {
                Metrics.StatusRefused();
                return new StatusChangeResult(StatusChangeStatus.InvalidTransition, record.StatusVersion);
            }

            DateTimeOffset? revocationTime = null;
            if (job.NewStatus != CertificateStatus.Good)
            {
                var at = job.RevocationTime ?? _time.GetUtcNow();
                revocationTime = new DateTimeOffset(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
            }

            var status = new ResponseStatus(job.NewStatus, revocationTime, job.NewStatus == CertificateStatus.Good ? RevocationReason.None : job.Reason);

            // Bulk re-signing steps aside from the signature to the WAL commit, not only for the signature (docs/architecture.md §3 priority).
            using var hold = issuer.CurrentSigner?.Signer?.Key.Token.PriorityLane.HoldBulk();
            var signed = Factory.TrySignPriority(issuer, job.Serial.Span, status, out var response);
            if (signed != SignOutcome.Success)
            {
                if (signed == SignOutcome.ClockJumped)
                {
                    Metrics.ClockRefused();
                }

                if (signed == SignOutcome.HsmError)
                {
                    Metrics.HsmError();
                }

                return new StatusChangeResult(StatusChangeStatus.SigningFailed, record.StatusVersion);
            }

            var write = _writer.ChangeStatusAsync(new StatusChangeRequest
            {
                Issuer = job.Issuer,
                Serial = job.Serial,
                NewStatus = job.NewStatus,
                RevocationTime = revocationTime,
                Reason = status.Reason == RevocationReason.None ? RevocationReason.Unspecified : status.Reason,
                Response = response,
            }, stop).AsTask().GetAwaiter().GetResult();
            var result = write.Status switch
            {
                WriteStatus.Applied => new StatusChangeResult(StatusChangeStatus.Applied, write.StatusVersion, response),
                WriteStatus.AlreadyApplied => new StatusChangeResult(StatusChangeStatus.AlreadyApplied, write.StatusVersion),
                WriteStatus.NotFound => new StatusChangeResult(StatusChangeStatus.NotFound, 0),
                WriteStatus.InvalidTransition => new StatusChangeResult(StatusChangeStatus.InvalidTransition, write.StatusVersion),
                WriteStatus.NotReady => new StatusChangeResult(StatusChangeStatus.StoreNotReady, 0),
                _ => new StatusChangeResult(StatusChangeStatus.InvalidArgument, 0),
            };
            if (result.Status == StatusChangeStatus.Applied)
            {
                Metrics.StatusChanged(_time.GetElapsedTime(job.Enqueued));
                StatusChanged?.Invoke(new StatusChangeNotice(issuer, job.Serial, job.NewStatus, revocationTime, status.Reason));
            }

            return result;
        }
        finally
        {
            stripe.Release();
        }
    }

    private static int StripeOf(ReadOnlySpan<byte> serial)
    {
        var hash = 2166136261;
        foreach (var b in serial)
        {
            hash = (hash ^ b) * 16777619;
        }

        return (int)(hash % Stripes);
    }

    private static SemaphoreSlim[] CreateStripes()
    {
        var stripes = new SemaphoreSlim[Stripes];
        for (var i = 0; i < stripes.Length; i++)
        {
            stripes[i] = new SemaphoreSlim(1, 1);
        }

        return stripes;
    }

    private sealed class StatusJob(IssuerId issuer, ReadOnlyMemory<byte> serial, CertificateStatus newStatus, RevocationReason reason, DateTimeOffset? revocationTime, long enqueued)
    {
        public IssuerId Issuer { get; } = issuer;

        public ReadOnlyMemory<byte> Serial { get; } = serial;

        public CertificateStatus NewStatus { get; } = newStatus;

        public RevocationReason Reason { get; } = reason;

        public DateTimeOffset? RevocationTime { get; } = revocationTime;

        public long Enqueued { get; } = enqueued;

        public TaskCompletionSource<StatusChangeResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
