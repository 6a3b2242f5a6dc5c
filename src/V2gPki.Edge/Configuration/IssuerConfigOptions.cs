// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Configuration;

/// <summary>The issuing worker's pre-signing knobs (docs/architecture.md §3 Pre-signing); validity and re-sign floor are under <c>Ocsp</c>.</summary>
internal sealed class IssuerConfigOptions
{
    /// <summary>Responses per HSM bulk batch; keep BatchSize × MaxInFlightBatches ≤ the online token's BulkMaxInFlight.</summary>
    public int BatchSize { get; set; } = 256;

    /// <summary>Batches signing at once: the online token's bulk sessions × 2 keeps every session busy.</summary>
    public int MaxInFlightBatches { get; set; } = 4;

    /// <summary>Seconds between freshness scans of the registry (a 10 M scan takes seconds); one also runs at start.</summary>
    public double ScanIntervalSeconds { get; set; } = 300;

    /// <summary>Days a new delegated OCSP signer certificate is valid when an online CA rolls its signer over (docs/architecture.md §10: 90).</summary>
    public double SignerValidityDays { get; set; } = 90;

    /// <summary>Days before the current signer's notAfter a new one takes over (more than the response validity plus the re-sign time).</summary>
    public double SignerRolloverLeadDays { get; set; } = 30;

    /// <summary>
    /// Most live (good, unexpired) certificates one subject ID may hold when EST issues another (0 = no limit, at most
    /// 512, the subject-ID index's bound; docs/architecture.md §3 Supersede). Over it EST answers 409.
    /// </summary>
    public int MaxLiveCertificatesPerSubject { get; set; } = 4;

    /// <summary>
    /// Days after a newer certificate of the same subject ID and kind was issued that an older live leaf is revoked as
    /// superseded (0 = at once; absent = never, the default). Leave stations time to install the new certificate.
    /// </summary>
    public double? SupersedeAfterDays { get; set; }

    /// <summary>Seconds between supersede sweeps (a superseded certificate is revoked at most this late; the sweep walks the registry).</summary>
    public double SupersedeScanIntervalSeconds { get; set; } = 3600;
}
