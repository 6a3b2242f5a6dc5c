// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers;
using V2gPki.Hsm;
using V2gPki.Issuer.Signers;
using V2gPki.Ocsp;
using V2gPki.Store;

namespace V2gPki.Issuer.Answering;

/// <summary>
/// The live slow path (docs/architecture.md §3, §4 invariant 3; boulder <c>live.go</c>): signs what cannot be
/// pre-signed — RFC 6960 §2.2 extended-revoked answers for never-issued serials of a known CA (cached, LRU),
/// multi-CertID requests, and nonce requests of a CA with a nonce policy. A separate, bounded, asynchronous signer on
/// the HSM bulk lane (never the registration queue): a token bucket limits the rate, a semaphore the signings in
/// flight, and requests beyond <see cref="LiveSigningOptions.MaxWaiters"/> get <c>tryLater</c> at once.
/// </summary>
/// <remarks>
/// As an <see cref="IOcspResponseSource"/> (after <see cref="StoreSource"/> found nothing) it answers from the cache only,
/// or says <see cref="OcspOutcome.NeedsLiveSigning"/>; the host then awaits <see cref="SignAsync"/> with the raw
/// request bytes.
/// </remarks>
public sealed class LiveSigningSource : IOcspResponseSource, IDisposable
{
    private readonly IssuerDirectory _directory;
    private readonly ICertificateRegistry _registry;
    private readonly ResponseFactory _factory;
    private readonly LiveSigningOptions _options;
    private readonly TimeProvider _time;
    private readonly OcspSourceMetrics _metrics;
    private readonly TokenBucket _bucket;
    private readonly SemaphoreSlim _gate;
    private int _admitted;

    /// <summary>Creates the live signer.</summary>
    /// <param name="directory">The CAs and signers.</param>
    /// <param name="registry">The registry (status of each requested certificate).</param>
    /// <param name="factory">The response factory (validity, clock guard).</param>
    /// <param name="options">Bounds.</param>
    /// <param name="time">The clock.</param>
    /// <param name="metrics">Counters.</param>
    public LiveSigningSource(IssuerDirectory directory, ICertificateRegistry registry, ResponseFactory factory, LiveSigningOptions options, TimeProvider time, OcspSourceMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(metrics);
        _directory = directory;
        _registry = registry;
        _factory = factory;
        _options = options;
        _time = time;
        _metrics = metrics;
        _bucket = new TokenBucket(time, options.RatePerSecond, options.Burst);
        _gate = new SemaphoreSlim(Math.Max(1, options.MaxConcurrentSignings));
        Cache = new ExtendedRevokedCache(options.CacheSize);
    }

    /// <summary>Gets the live requests admitted and not finished: signing or waiting for a slot (a metrics gauge).</summary>
    public int Admitted => Math.Max(0, Volatile.Read(ref _admitted));

    /// <summary>Gets the extended-revoked cache.</summary>
    public ExtendedRevokedCache Cache { get; }

    /// <inheritdoc />
    public OcspOutcome TryGetResponse(scoped in OcspQuery query, Span<byte> destination, out OcspAnswer answer)
    {
        answer = default;
        var request = query.Request;
        if (request.Count == 1 && !(request.HasNonce && query.Issuer is { NoncePolicy: true }))
        {
            if (_options.NeverIssued == NeverIssuedAnswer.Unauthorized)
            {
                return OcspOutcome.Unauthorized;
            }

            if (query.Issuer is { } issuer && Cache.TryGet(issuer.Id, request.FirstCertId.SerialNumber, _time.GetUtcNow().UtcTicks, destination, out answer))
            {
                _metrics.CountLiveCacheHit();
                return OcspOutcome.Successful;
            }
        }

        return OcspOutcome.NeedsLiveSigning;
    }

    /// <summary>Signs a response to a request live, within the bounds.</summary>
    /// <param name="request">The DER OCSPRequest (parsed again here: the parsed form cannot cross an await).</param>
    /// <param name="cancellationToken">The client went away.</param>
    /// <returns>The outcome and, when found, the signed part (allocated: slow path).</returns>
    public async ValueTask<LiveResponse> SignAsync(ReadOnlyMemory<byte> request, CancellationToken cancellationToken = default)
    {
        if (!_bucket.TryTake())
        {
            _metrics.CountLiveRateLimited();
            return new LiveResponse(OcspOutcome.TryLater, default, default);
        }

        if (Interlocked.Increment(ref _admitted) > _options.MaxConcurrentSignings + _options.MaxWaiters)
        {
            Interlocked.Decrement(ref _admitted);
            _metrics.CountLiveOverBound();
            return new LiveResponse(OcspOutcome.TryLater, default, default);
        }

        try
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await SignAdmittedAsync(request, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _gate.Release();
            }
        }
        finally
        {
            Interlocked.Decrement(ref _admitted);
        }
    }

    private async ValueTask<LiveResponse> SignAdmittedAsync(ReadOnlyMemory<byte> request, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ResponseFactory.MaxTbsLength * 4);
        try
        {
            var prepared = Prepare(request.Span, buffer);
            if (prepared.Outcome != OcspOutcome.Successful)
            {
                return new LiveResponse(prepared.Outcome, default, default);
            }

            var signer = prepared.Signer!;
            var tbs = buffer.AsMemory(0, prepared.TbsLength);
            var batch = new SigningBatch(signer.Signer!, 1);
            batch.Add(tbs);
            try
            {
                await signer.Signer!.SignBatchAsync(batch, cancellationToken).ConfigureAwait(false);
            }
            catch (HsmException)
            {
                _metrics.CountLiveFailure();
                return new LiveResponse(OcspOutcome.TryLater, default, default);
            }

            var part = ResponseFactory.Assemble(tbs.Span, signer, batch.GetSignature(0));
            _metrics.CountLiveSigned();
            ulong etag;
            if (prepared.Cacheable && prepared.Issuer is not null)
            {
                etag = Cache.Add(prepared.Issuer.Id, prepared.Serial, part, signer.Id, prepared.ThisUpdate.UtcTicks, prepared.NextUpdate.UtcTicks);
            }
            else
            {
                etag = ExtendedRevokedCache.ComputeETag(part);
            }

            var answer = new OcspAnswer(part.Length, signer.Id, prepared.ThisUpdate.UtcTicks, prepared.NextUpdate.UtcTicks, etag, cacheable: !prepared.EchoesNonce);
            return new LiveResponse(OcspOutcome.Successful, part, answer);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Parses, resolves statuses and writes the tbsResponseData into <paramref name="buffer"/> (synchronous: spans).</summary>
    private Prepared Prepare(ReadOnlySpan<byte> der, byte[] buffer)
    {
        if (OcspRequestParser.TryParse(der, out var request) != OcspParseStatus.Ok)
        {
            return Prepared.Fail(OcspOutcome.MalformedRequest);
        }

        if (request.Count > _options.MaxCertIdsPerRequest)
        {
            return Prepared.Fail(OcspOutcome.Unauthorized);
        }

        if (!_directory.TryFindIssuer(request.FirstCertId, out var issuer))
        {
            _metrics.CountUnknownIssuer();
            return Prepared.Fail(OcspOutcome.Unauthorized);
        }

        if (request.HasNonce && issuer.NoncePolicy && (uint)(request.Nonce.Length - OcspRequestOptions.MinNonceLength) > OcspRequestOptions.MaxNonceLength - OcspRequestOptions.MinNonceLength)
        {
            return Prepared.Fail(OcspOutcome.MalformedRequest); // RFC 9654 §2.1: 1–128 octets when the nonce is honoured
        }

        var signer = issuer.CurrentSigner;
        if (signer?.Signer is null || !_factory.Clock.TryGetSigningTime(out var now) || now >= signer.NotAfter)
        {
            _metrics.CountLiveFailure();
            return Prepared.Fail(OcspOutcome.TryLater);
        }

        var normalNext = _factory.NextUpdate(signer, now);
        Span<CertStatusInfo> statuses = stackalloc CertStatusInfo[request.Count];
        var index = 0;
        var anyNotIssued = false;
        var allNotIssued = true;
        foreach (var certId in request)
        {
            if (!_directory.TryFindIssuer(certId, out var other) || !ReferenceEquals(other, issuer))
            {
                return Prepared.Fail(OcspOutcome.Unauthorized); // one response has one signer: every CertID must name the same CA
            }

            var lookup = _registry.TryGetCertificate(issuer.Id, certId.SerialNumber, out var record);
            if (lookup == LookupStatus.NotReady)
            {
                return Prepared.Fail(OcspOutcome.TryLater);
            }

            if (lookup == LookupStatus.Found)
            {
                statuses[index] = ResponseStatus.From(record!).ToCertStatusInfo(now, normalNext);
                allNotIssued = false;
            }
            else
            {
                if (_options.NeverIssued == NeverIssuedAnswer.Unauthorized)
                {
                    return Prepared.Fail(OcspOutcome.Unauthorized);
                }

                var next = Min(now + _options.ExtendedRevokedValidity, normalNext);
                statuses[index] = CertStatusInfo.NotIssued(now, next);
                anyNotIssued = true;
            }

            index++;
        }

        var echoNonce = request.HasNonce && issuer.NoncePolicy;
        var fields = new ResponseDataFields
        {
            ResponderId = ResponderId.ByKey(signer.KeyHash),
            ProducedAt = now,
            ExtendedRevokedDefinition = anyNotIssued,
            NonceExtensionValue = echoNonce ? request.NonceExtensionValue : default,
        };
        int length;
        bool written;
        var nextUpdate = statuses[0].NextUpdate ?? normalNext;
        if (request.Count == 1)
        {
            // One certificate: answer every configured hash algorithm, as pre-signed responses do, so the cached answer
            // serves SHA-1 and SHA-256 clients alike.
            written = OcspResponseWriter.TryWriteTbsResponseData(buffer, fields, new CertificateSingleResponses(issuer.Hashes, request.FirstCertId.SerialNumber, statuses[0]), out length);
        }
        else
        {
            for (var i = 1; i < statuses.Length; i++)
            {
                nextUpdate = Min(nextUpdate, statuses[i].NextUpdate ?? normalNext);
            }

            written = OcspResponseWriter.TryWriteTbsResponseData(buffer, fields, new RequestedResponses(request, statuses), out length);
        }

        if (!written)
        {
            return Prepared.Fail(OcspOutcome.InternalError);
        }

        var cacheable = request.Count == 1 && allNotIssued && !echoNonce;
        return new Prepared(OcspOutcome.Successful, issuer, signer, length, cacheable, echoNonce, request.FirstCertId.SerialNumber.ToArray(), now, nextUpdate);
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private readonly record struct Prepared(OcspOutcome Outcome, IssuerEntry? Issuer, DelegatedSigner? Signer, int TbsLength, bool Cacheable, bool EchoesNonce,
        byte[] Serial, DateTimeOffset ThisUpdate, DateTimeOffset NextUpdate)
    {
        public static Prepared Fail(OcspOutcome outcome) => new(outcome, null, null, 0, false, false, [], default, default);
    }

    /// <summary>One SingleResponse per requested CertID, echoing each CertID as the client sent it.</summary>
    private readonly ref struct RequestedResponses(OcspRequest request, ReadOnlySpan<CertStatusInfo> statuses) : ISingleResponseList
    {
        private readonly OcspRequest _request = request;
        private readonly ReadOnlySpan<CertStatusInfo> _statuses = statuses;

        public int Count => _statuses.Length;

        public SingleResponse GetResponse(int index)
        {
            var enumerator = _request.GetEnumerator();
            for (var i = 0; i <= index; i++)
            {
                enumerator.MoveNext();
            }

            return new SingleResponse(enumerator.Current, _statuses[index]);
        }
    }
}
