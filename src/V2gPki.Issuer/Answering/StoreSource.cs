// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Store;

namespace V2gPki.Issuer.Answering;

/// <summary>
/// Answers from the pre-signed serving index (docs/architecture.md §3 hot path): issuer + serial → signed part copied
/// into the caller's buffer, with the signer id to splice. Not ready, a disk read (Pending, counted) or a response past
/// its nextUpdate answer <c>tryLater</c>, never a stale response. A serial the store does not know goes to the fallback
/// (the live signer's extended-revoked path), or is <c>unauthorized</c> without one.
/// </summary>
public sealed class StoreSource : IOcspResponseSource
{
    private readonly IServingIndex _index;
    private readonly IssuerDirectory _directory;
    private readonly TimeProvider _time;
    private readonly IOcspResponseSource? _notFound;
    private readonly OcspSourceMetrics _metrics;

    /// <summary>Creates the source.</summary>
    /// <param name="index">The serving index.</param>
    /// <param name="directory">The CAs (used when the query's CA is not resolved yet).</param>
    /// <param name="time">The clock (nextUpdate check).</param>
    /// <param name="notFound">Where never-issued serials go (a <see cref="LiveSigningSource"/>), or null for <c>unauthorized</c>.</param>
    /// <param name="metrics">Counters.</param>
    public StoreSource(IServingIndex index, IssuerDirectory directory, TimeProvider time, IOcspResponseSource? notFound, OcspSourceMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(metrics);
        _index = index;
        _directory = directory;
        _time = time;
        _notFound = notFound;
        _metrics = metrics;
    }

    /// <inheritdoc />
    public OcspOutcome TryGetResponse(scoped in OcspQuery query, Span<byte> destination, out OcspAnswer answer)
    {
        answer = default;
        var issuer = query.Issuer;
        if (issuer is null && !_directory.TryFindIssuer(query.Request.FirstCertId, out issuer))
        {
            _metrics.CountUnknownIssuer();
            return OcspOutcome.Unauthorized;
        }

        var status = _index.TryGetResponse(issuer.Id, query.Request.FirstCertId.SerialNumber, destination, out var metadata);
        switch (status)
        {
            case LookupStatus.Found:
                if (metadata.NextUpdateTicks <= _time.GetUtcNow().UtcTicks)
                {
                    _metrics.CountExpired();
                    return OcspOutcome.TryLater;
                }

                answer = new OcspAnswer(metadata.Length, metadata.SignerId, metadata.ThisUpdateTicks, metadata.NextUpdateTicks, metadata.ETag, cacheable: true);
                return OcspOutcome.Successful;
            case LookupStatus.NotFound:
                _metrics.CountNeverIssued();
                return _notFound is null ? OcspOutcome.Unauthorized : _notFound.TryGetResponse(new OcspQuery(query.Request, issuer), destination, out answer);
            case LookupStatus.NotReady:
                _metrics.CountNotReady();
                return OcspOutcome.TryLater;
            case LookupStatus.Pending:
                _metrics.CountPending();
                return OcspOutcome.TryLater;
            case LookupStatus.InvalidKey:
                _metrics.CountBadSerial();
                return OcspOutcome.Unauthorized;
            default:
                return OcspOutcome.InternalError;
        }
    }
}
