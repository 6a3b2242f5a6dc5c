// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Issuer.Signers;
using V2gPki.Pki.Certificates;
using V2gPki.Store;

namespace V2gPki.Issuer.Worker;

/// <summary>Registration of issued certificates: first response signed on the priority lane, committed before the acknowledgement.</summary>
public sealed partial class IssuingWorker
{
    /// <summary>
    /// Registers a certificate already issued by one of the configured CAs: checks it was signed by that CA, signs its
    /// first response on the HSM priority lane and commits the registry record, DER and response in one WAL entry. When
    /// the returned task completes with <see cref="RegistrationStatus.Registered"/> the certificate is durably served as
    /// good (docs/architecture.md §3: a new certificate is immediately good). Sub-CA certificates register the same
    /// way, under their parent CA.
    /// </summary>
    /// <param name="registration">The certificate.</param>
    /// <param name="cancellationToken">Stops waiting (the registration may still complete).</param>
    /// <returns>The outcome; <see cref="RegistrationStatus.QueueFull"/> at once when the queue is full.</returns>
    public Task<RegistrationResult> RegisterAsync(CertificateRegistration registration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        if (_stop.IsCancellationRequested)
        {
            return Task.FromResult(new RegistrationResult(RegistrationStatus.ShuttingDown, default, default));
        }

        var job = new RegistrationJob(registration, _time.GetTimestamp());
        if (!_registrations.Writer.TryWrite(job))
        {
            Metrics.RegistrationRejected();
            return Task.FromResult(new RegistrationResult(_stop.IsCancellationRequested ? RegistrationStatus.ShuttingDown : RegistrationStatus.QueueFull, default, default));
        }

        return job.Completion.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Resolves the CA that issued a certificate and checks the signature.</summary>
    /// <param name="certificate">The certificate.</param>
    /// <param name="issuer">The CA, or null.</param>
    /// <returns>Registered (found and verified), UnknownIssuer or InvalidCertificate.</returns>
    public RegistrationStatus ResolveIssuer(CertificateInfo certificate, out IssuerEntry? issuer)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        issuer = null;
        foreach (var candidate in Directory.Issuers)
        {
            if (!candidate.Certificate.SubjectName.AsSpan().SequenceEqual(certificate.IssuerName))
            {
                continue;
            }

            using var verifier = new SignatureVerifier(candidate.Certificate.SubjectPublicKeyInfo);
            if (verifier.Verify(certificate.SignatureAlgorithm, certificate.TbsCertificate, certificate.Signature))
            {
                issuer = candidate;
                return RegistrationStatus.Registered;
            }
        }

        return issuer is null && FindByName(certificate) ? RegistrationStatus.InvalidCertificate : RegistrationStatus.UnknownIssuer;
    }

    /// <summary>Builds the store's issuance request for a certificate and its first response.</summary>
    /// <param name="issuer">The issuing CA.</param>
    /// <param name="certificate">The certificate.</param>
    /// <param name="registration">The registration.</param>
    /// <param name="response">The first response.</param>
    /// <param name="now">Issuance time to record.</param>
    /// <returns>The request.</returns>
    internal static IssuanceRequest BuildIssuance(IssuerEntry issuer, CertificateInfo certificate, CertificateRegistration registration, SignedResponse response, DateTimeOffset now)
    {
        var status = registration.InitialStatus ?? ResponseStatus.Good;
        var subjectId = registration.SubjectId ?? certificate.CommonName;
        if (subjectId.Length > StoreLimits.MaxSubjectIdLength)
        {
            subjectId = subjectId[..StoreLimits.MaxSubjectIdLength];
        }

        return new IssuanceRequest
        {
            Record = new CertificateRecord
            {
                Issuer = issuer.Id,
                Serial = certificate.Serial,
                Kind = registration.Kind,
                SubjectId = subjectId,
                NotBefore = certificate.NotBefore,
                NotAfter = certificate.NotAfter,
                Status = status.Status,
                RevocationTime = status.RevocationTime,
                Reason = status.Reason,
                IssuedAt = now,
                Requester = registration.Requester.Length > StoreLimits.MaxRequesterLength ? registration.Requester[..StoreLimits.MaxRequesterLength] : registration.Requester,
            },
            CertificateDer = certificate.Der,
            FirstResponse = response,
        };
    }

    internal static RegistrationStatus Map(WriteStatus status) => status switch
    {
        WriteStatus.Applied => RegistrationStatus.Registered,
        WriteStatus.AlreadyApplied => RegistrationStatus.AlreadyRegistered,
        WriteStatus.SerialInUse => RegistrationStatus.SerialInUse,
        WriteStatus.NotReady => RegistrationStatus.StoreNotReady,
        _ => RegistrationStatus.StoreRejected,
    };

    private bool FindByName(CertificateInfo certificate)
    {
        foreach (var candidate in Directory.Issuers)
        {
            if (candidate.Certificate.SubjectName.AsSpan().SequenceEqual(certificate.IssuerName))
            {
                return true;
            }
        }

        return false;
    }

    private async Task RunRegistrationsAsync(CancellationToken stop)
    {
        try
        {
            while (await _registrations.Reader.WaitToReadAsync(stop).ConfigureAwait(false))
            {
                while (_registrations.Reader.TryRead(out var job))
                {
                    RegistrationResult result;
                    try
                    {
                        result = await RegisterNowAsync(job.Registration, stop).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (stop.IsCancellationRequested)
                    {
                        result = new RegistrationResult(RegistrationStatus.ShuttingDown, default, default);
                    }

                    if (result.Status is RegistrationStatus.Registered or RegistrationStatus.AlreadyRegistered)
                    {
                        Metrics.Registered(_time.GetElapsedTime(job.Enqueued));
                    }
                    else
                    {
                        Metrics.RegistrationFailed();
                    }

                    job.Completion.TrySetResult(result);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private async Task<RegistrationResult> RegisterNowAsync(CertificateRegistration registration, CancellationToken stop)
    {
        if (!CertificateInfo.TryParse(registration.CertificateDer, out var certificate))
        {
            return new RegistrationResult(RegistrationStatus.InvalidCertificate, default, default);
        }

        var resolved = ResolveIssuer(certificate!, out var issuer);
        if (issuer is null)
        {
            return new RegistrationResult(resolved, default, certificate!.Serial);
        }

        if (!registration.ApplySubjectPolicy)
        {
            return await RegisterCheckedAsync(registration, certificate!, issuer, stop).ConfigureAwait(false);
        }

        var subjectId = registration.SubjectId ?? certificate!.CommonName;
        var stripe = _subjectStripes[SubjectStripeOf(subjectId)];
        RegistrationResult result;
        await stripe.WaitAsync(stop).ConfigureAwait(false);
        try
        {
            if (_options.MaxLiveCertificatesPerSubject > 0 && CountLiveForSubject(subjectId) >= _options.MaxLiveCertificatesPerSubject)
            {
                Metrics.SubjectLimitRefused();
                return new RegistrationResult(RegistrationStatus.SubjectLimitReached, issuer.Id, certificate!.Serial);
            }

            result = await RegisterCheckedAsync(registration, certificate!, issuer, stop).ConfigureAwait(false);
        }
        finally
        {
            stripe.Release();
        }

        if (result.Status == RegistrationStatus.Registered && _options.SupersedeAfter is not null)
        {
            // With SupersedeAfter = 0 the predecessors are revoked now; later ones are left to the sweep.
            await SupersedeSubjectAsync(subjectId, stop).ConfigureAwait(false);
        }

        return result;
    }

    private async Task<RegistrationResult> RegisterCheckedAsync(CertificateRegistration registration, CertificateInfo certificate, IssuerEntry issuer, CancellationToken stop)
    {
        var status = registration.InitialStatus ?? ResponseStatus.Good;
        var signed = Factory.TrySignPriority(issuer, certificate.Serial, status, out var response);
        if (signed != SignOutcome.Success)
        {
            if (signed == SignOutcome.ClockJumped)
            {
                Metrics.ClockRefused();
            }

            return new RegistrationResult(RegistrationStatus.SigningFailed, issuer.Id, certificate.Serial);
        }

        var write = await _writer.IssueAsync(BuildIssuance(issuer, certificate, registration, response, _time.GetUtcNow()), stop).ConfigureAwait(false);
        return new RegistrationResult(Map(write.Status), issuer.Id, certificate.Serial, response);
    }

    private sealed class RegistrationJob(CertificateRegistration registration, long enqueued)
    {
        public CertificateRegistration Registration { get; } = registration;

        public long Enqueued { get; } = enqueued;

        public TaskCompletionSource<RegistrationResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
