// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Store;

/// <summary>
/// The write side used by the issuing worker. Issuance and status changes go through the WAL: the returned task completes
/// only after the WAL entry is committed (group commit), so an acknowledged write survives kill -9 (docs/architecture.md §4 invariant 2).
/// Re-signs are not logged (see <see cref="ReplaceResponse"/>).
/// </summary>
public interface IStoreWriter
{
    /// <summary>
    /// Registers a new certificate with its DER and first signed response. Idempotent: repeating the same issuance
    /// (same serial, same DER) returns <see cref="WriteStatus.AlreadyApplied"/> once it is durable.
    /// </summary>
    /// <param name="request">The issuance.</param>
    /// <param name="cancellationToken">Cancels the wait for the commit (not the write itself).</param>
    /// <returns>Applied (committed), AlreadyApplied, SerialInUse, InvalidArgument or NotReady.</returns>
    ValueTask<WriteResult> IssueAsync(IssuanceRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Revokes, holds or un-holds a certificate and stores the response signed for the new status; completes after the WAL
    /// commit. The new response is visible to lookups as soon as it is applied (just before the commit completes).
    /// </summary>
    /// <param name="request">The status change.</param>
    /// <param name="cancellationToken">Cancels the wait for the commit (not the write itself).</param>
    /// <returns>Applied, AlreadyApplied (idempotent), NotFound, InvalidTransition, InvalidArgument or NotReady.</returns>
    ValueTask<WriteResult> ChangeStatusAsync(StatusChangeRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces a certificate's response with a fresh re-signed one (freshness waves, signer rollover). Not written to the
    /// WAL: a re-sign lost in a crash is covered by the last checkpoint's older, still valid response and is simply
    /// re-signed again, so logging 10 M re-signs per wave would only double disk writes and slow revocation commits.
    /// </summary>
    /// <param name="issuer">The issuing CA.</param>
    /// <param name="serial">The serial number, DER INTEGER content octets.</param>
    /// <param name="statusVersion">The registry status version the response was signed for.</param>
    /// <param name="response">The re-signed response.</param>
    /// <returns>Applied, NotFound, StatusChanged (status changed since: signing raced a revocation), StaleResponse, InvalidArgument or NotReady.</returns>
    WriteResult ReplaceResponse(IssuerId issuer, ReadOnlySpan<byte> serial, uint statusVersion, in SignedResponse response);
}
