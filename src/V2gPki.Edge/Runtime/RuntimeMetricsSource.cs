// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Metrics;
using V2gPki.Store;

namespace V2gPki.Edge.Runtime;

/// <summary>
/// The back end's figures for <c>/metrics</c>, read at scrape time: store size, readiness and pending reads,
/// WAL and checkpoints, HSM signatures and errors per token and lane, queue depths, then the issuing worker's, the
/// answering chain's and the CRL publisher's own metrics through their <see cref="IMetricsSource"/>. No EMAID or
/// PCID in any label (docs/architecture.md §9): labels are CA names, token roles and lane names.
/// </summary>
/// <param name="runtime">The runtime.</param>
internal sealed class RuntimeMetricsSource(PkiRuntime runtime) : IMetricsSource
{
    /// <inheritdoc/>
    public void Collect(IMetricsVisitor visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        CollectStore(visitor, runtime.Store);
        CollectHsm(visitor, runtime);
        CollectQueues(visitor, runtime);
        runtime.Worker.Collect(visitor);
        runtime.SourceMetrics.Collect(visitor);
        runtime.Crls.Collect(visitor);
    }

    private static void CollectStore(IMetricsVisitor visitor, FasterStore store)
    {
        var metrics = store.Metrics;
        visitor.Gauge("v2gpki_store_ready", "1 when the store has recovered and serves from memory", "", store.Readiness == StoreReadiness.Ready ? 1 : 0);
        visitor.Counter("v2gpki_store_pending_reads_total", "Serving-index reads that would have gone to disk (a sizing bug: docs/architecture.md §4 invariant 3; answered tryLater)", "", metrics.PendingReads);
        visitor.Counter("v2gpki_store_wal_entries_total", "WAL entries appended", "", metrics.WalEntries);
        visitor.Counter("v2gpki_store_wal_commits_total", "WAL group commits", "", metrics.WalCommits);
        visitor.Counter("v2gpki_store_wal_bytes_total", "WAL bytes appended", "", metrics.WalBytes);
        visitor.Counter("v2gpki_store_wal_commit_failures_total", "Failed WAL commits (each faults the store)", "", metrics.WalCommitFailures);
        visitor.Counter("v2gpki_store_wal_replayed_total", "WAL entries replayed by the last recovery", "", metrics.ReplayedWalEntries);
        visitor.Counter("v2gpki_store_checkpoints_total", "Checkpoints completed", "", metrics.Checkpoints);
        visitor.Counter("v2gpki_store_resigns_total", "Re-signed responses written", "", metrics.Resigns);
        visitor.Counter("v2gpki_store_compacted_bytes_total", "Log bytes reclaimed by compaction", "", metrics.CompactedBytes);

        var footprint = store.GetFootprint();
        const string Bytes = "v2gpki_store_bytes";
        const string BytesHelp = "Store memory and disk use by area (log spans, allocated pages, hash index, WAL, files)";
        visitor.Gauge(Bytes, BytesHelp, "area=\"serving_log\"", footprint.ServingLogBytes);
        visitor.Gauge(Bytes, BytesHelp, "area=\"serving_memory\"", footprint.ServingMemoryBytes);
        visitor.Gauge(Bytes, BytesHelp, "area=\"registry_log\"", footprint.RegistryLogBytes);
        visitor.Gauge(Bytes, BytesHelp, "area=\"registry_memory\"", footprint.RegistryMemoryBytes);
        visitor.Gauge(Bytes, BytesHelp, "area=\"certificate_log\"", footprint.CertificateLogBytes);
        visitor.Gauge(Bytes, BytesHelp, "area=\"certificate_memory\"", footprint.CertificateMemoryBytes);
        visitor.Gauge(Bytes, BytesHelp, "area=\"index\"", footprint.IndexBytes);
        visitor.Gauge(Bytes, BytesHelp, "area=\"wal\"", footprint.WalBytes);
        visitor.Gauge(Bytes, BytesHelp, "area=\"disk\"", footprint.DiskBytes);
    }

    private static void CollectHsm(IMetricsVisitor visitor, PkiRuntime runtime)
    {
        var tokens = runtime.Tokens.Tokens;
        const string Signatures = "v2gpki_hsm_signatures_total";
        const string SignaturesHelp = "HSM signatures by token role and signing lane";
        foreach (var token in tokens)
        {
            visitor.Counter(Signatures, SignaturesHelp, $"token=\"{token.Role}\",lane=\"priority\"", token.PriorityCounters.Signatures);
            visitor.Counter(Signatures, SignaturesHelp, $"token=\"{token.Role}\",lane=\"bulk\"", token.BulkCounters.Signatures);
        }

        const string Errors = "v2gpki_hsm_errors_total";
        const string ErrorsHelp = "HSM signatures that failed after every repair, by token role and signing lane";
        foreach (var token in tokens)
        {
            visitor.Counter(Errors, ErrorsHelp, $"token=\"{token.Role}\",lane=\"priority\"", token.PriorityCounters.Errors);
            visitor.Counter(Errors, ErrorsHelp, $"token=\"{token.Role}\",lane=\"bulk\"", token.BulkCounters.Errors);
        }

        var login = runtime.HsmLogin;
        for (var i = 0; i < login.Tokens.Count; i++)
        {
            visitor.Gauge("v2gpki_hsm_logged_in", "1 when the token passed its last login probe (the HSM half of /ready)", $"token=\"{login.Tokens[i].Role}\"", login.IsLoggedIn(i) ? 1 : 0);
        }

        foreach (var token in tokens)
        {
            visitor.Counter("v2gpki_hsm_session_recoveries_total", "Sessions reopened or logged in again, key handles looked up again", $"token=\"{token.Role}\"", token.SessionRecoveries);
        }

        foreach (var token in tokens)
        {
            visitor.Gauge("v2gpki_hsm_bulk_queued_chunks", "Bulk-lane chunks (up to 32 signatures) waiting for a session", $"token=\"{token.Role}\"", token.BulkLane.QueuedChunks);
        }
    }

    private static void CollectQueues(IMetricsVisitor visitor, PkiRuntime runtime)
    {
        const string Depth = "v2gpki_queue_depth";
        const string DepthHelp = "Items waiting, by queue (enrollment/registration, revocation/status, re-sign, live slow path)";
        visitor.Gauge(Depth, DepthHelp, "queue=\"registration\"", runtime.Worker.RegistrationQueueDepth);
        visitor.Gauge(Depth, DepthHelp, "queue=\"status\"", runtime.Worker.StatusQueueDepth);
        visitor.Gauge(Depth, DepthHelp, "queue=\"resign\"", runtime.Worker.PendingResigns);
        visitor.Gauge(Depth, DepthHelp, "queue=\"live\"", runtime.Live.Admitted);
        visitor.Gauge("v2gpki_store_certificates", "Certificates in the registry as of the last freshness scan", "", runtime.Worker.Metrics.LastScanCertificates);
    }
}
