// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.


namespace V2gPki.Store;

/// <summary>
/// The read-only serving index the OCSP hot path uses: issuer + serial → pre-signed response part. Implementations never
/// block on disk, never take locks and never allocate per lookup; a second implementation (a Redis-protocol cluster for
/// scale-out) satisfies the same contract.
/// </summary>
public interface IServingIndex
{
    /// <summary>Gets whether the index answers lookups.</summary>
    StoreReadiness Readiness { get; }

    /// <summary>Looks up the pre-signed response part of a certificate and copies it into <paramref name="destination"/>.</summary>
    /// <param name="issuer">The issuing CA.</param>
    /// <param name="serial">The serial number, DER INTEGER content octets (1 to 20 bytes).</param>
    /// <param name="destination">Receives the signed part; <see cref="StoreLimits.MaxSignedResponseLength"/> bytes always suffice.</param>
    /// <param name="metadata">
    /// On <see cref="LookupStatus.Found"/>: signer id, thisUpdate/nextUpdate, ETag and <see cref="ResponseMetadata.Length"/> (bytes
    /// written). On <see cref="LookupStatus.DestinationTooSmall"/>: the length needed. Otherwise default.
    /// </param>
    /// <returns>Found, NotFound, NotReady, Pending (a sizing bug, counted), DestinationTooSmall or InvalidKey.</returns>
    LookupStatus TryGetResponse(IssuerId issuer, ReadOnlySpan<byte> serial, Span<byte> destination, out ResponseMetadata metadata);
}
