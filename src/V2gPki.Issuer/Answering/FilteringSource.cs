// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Issuer.Answering;

/// <summary>
/// First source of the chain (boulder <c>filter_source.go</c>): maps the CertID to a configured CA under a configured
/// hash algorithm (else <c>unauthorized</c>, docs/architecture.md §3), refuses serials that cannot be ours, routes
/// multi-CertID requests and nonce requests of a CA with a nonce policy to the live signer, and passes the rest on with
/// the CA resolved.
/// </summary>
public sealed class FilteringSource : IOcspResponseSource
{
    private readonly IssuerDirectory _directory;
    private readonly IOcspResponseSource _inner;
    private readonly OcspSourceMetrics _metrics;

    /// <summary>Creates the filter.</summary>
    /// <param name="directory">The CAs.</param>
    /// <param name="inner">The next source (a <see cref="StoreSource"/>).</param>
    /// <param name="metrics">Counters.</param>
    public FilteringSource(IssuerDirectory directory, IOcspResponseSource inner, OcspSourceMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(metrics);
        _directory = directory;
        _inner = inner;
        _metrics = metrics;
    }

    /// <inheritdoc />
    public OcspOutcome TryGetResponse(scoped in OcspQuery query, Span<byte> destination, out OcspAnswer answer)
    {
        answer = default;
        var request = query.Request;
        if (!_directory.TryFindIssuer(request.FirstCertId, out var issuer))
        {
            _metrics.CountUnknownIssuer();
            return OcspOutcome.Unauthorized;
        }

        // RFC 5280 §4.1.2.2: a serial is a positive INTEGER of at most 20 octets; anything else was never issued by us.
        var serial = request.FirstCertId.SerialNumber;
        if ((uint)(serial.Length - 1) >= 20 || (serial[0] & 0x80) != 0 || (serial.Length == 1 && serial[0] == 0))
        {
            _metrics.CountBadSerial();
            return OcspOutcome.Unauthorized;
        }

        if (request.Count > 1)
        {
            _metrics.CountMultiCertId();
            return OcspOutcome.NeedsLiveSigning;
        }

        if (request.HasNonce && issuer.NoncePolicy)
        {
            _metrics.CountNonce();
            return OcspOutcome.NeedsLiveSigning;
        }

        return _inner.TryGetResponse(new OcspQuery(request, issuer), destination, out answer);
    }
}
