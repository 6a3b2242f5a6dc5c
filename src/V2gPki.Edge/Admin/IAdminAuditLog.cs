// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Admin;

/// <summary>Where admin actions are recorded (append only).</summary>
public interface IAdminAuditLog
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
    ValueTask AppendAsync(AdminAuditRecord record, bool durable, CancellationToken cancellationToken);
}
