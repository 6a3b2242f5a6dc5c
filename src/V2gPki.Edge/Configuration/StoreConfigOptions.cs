// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Configuration;

/// <summary>The certificate store under <c>&lt;DataDir&gt;/store</c> (docs/architecture.md §5).</summary>
internal sealed class StoreConfigOptions
{
    /// <summary>
    /// Certificates the store is sized for: the serving index must stay in memory (a disk read on the OCSP path is a
    /// bug), about 480 B per certificate in the serving index and 180 B in the registry, plus 60 % head-room for a
    /// re-sign wave. 1 M ≈ 1.3 GB of log memory ceilings (allocated as used); 10 M fits in 24 GiB.
    /// </summary>
    public long Capacity { get; set; } = 1_000_000;

    /// <summary>Seconds between checkpoints (each records the WAL address it covers; recovery replays the WAL from there).</summary>
    public double CheckpointIntervalSeconds { get; set; } = 60;
}
