// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Ocsp;

/// <summary>
/// The SingleResponses for one certificate, one per configured CertID hash algorithm, all with the same status
/// (docs/architecture.md §3 "one signature answers every hash algorithm"; RFC 6960 §4.2.2.3 allows the extra
/// SingleResponses).
/// </summary>
public readonly ref struct CertificateSingleResponses : ISingleResponseList
{
    private readonly ReadOnlySpan<IssuerHashes> _issuer;
    private readonly ReadOnlySpan<byte> _serialNumber;
    private readonly CertStatusInfo _status;
    private readonly ReadOnlySpan<byte> _extensions;

    /// <summary>Describes the SingleResponses.</summary>
    /// <param name="issuer">The issuer's hashes, one entry per hash algorithm, in the order to write (e.g. SHA-1 then SHA-256).</param>
    /// <param name="serialNumber">INTEGER content octets of the certificate's serial number.</param>
    /// <param name="status">The status answered under every algorithm.</param>
    /// <param name="extensions">singleExtensions for each SingleResponse (concatenated Extension elements); empty to omit.</param>
    public CertificateSingleResponses(ReadOnlySpan<IssuerHashes> issuer, ReadOnlySpan<byte> serialNumber, CertStatusInfo status, ReadOnlySpan<byte> extensions = default)
    {
        if (issuer.IsEmpty)
        {
            ThrowHelper.ThrowArgument("At least one hash algorithm is needed.", nameof(issuer));
        }

        _issuer = issuer;
        _serialNumber = serialNumber;
        _status = status;
        _extensions = extensions;
    }

    /// <inheritdoc/>
    public int Count => _issuer.Length;

    /// <inheritdoc/>
    public SingleResponse GetResponse(int index) => new(_issuer[index].ToCertId(_serialNumber), _status, _extensions);
}
