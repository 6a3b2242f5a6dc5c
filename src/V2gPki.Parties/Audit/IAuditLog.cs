// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Parties.Audit;

/// <summary>Where admin actions (and, with enrollment, issuance requests) are recorded, append only.</summary>
public interface IAuditLog
{
    /// <summary>Appends one record.</summary>
    /// <param name="record">The record.</param>
    /// <param name="durable">
    /// True for state-changing actions: the call returns only after the record is on stable storage (fsync), so the
    /// response is never sent before its audit line survives a crash.
    /// </param>
    /// <param name="cancellationToken">Stops waiting for the log (the record may still be written).</param>
    /// <returns>A task that completes when the record is written (and synced when <paramref name="durable"/>).</returns>
    /// <exception cref="IOException">The log cannot be written.</exception>
    ValueTask AppendAsync(AuditRecord record, bool durable, CancellationToken cancellationToken);
}
