// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Store;

/// <summary>What a checkpoint did.</summary>
/// <param name="WalCoveredAddress">WAL address the checkpoint covers; the WAL was truncated up to it.</param>
/// <param name="Duration">How long it took.</param>
/// <param name="CompactedBytes">Log bytes reclaimed by the compaction run before it (0 when none).</param>
public readonly record struct CheckpointResult(long WalCoveredAddress, TimeSpan Duration, long CompactedBytes);
