// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.


namespace V2gPki.Store;

/// <summary>What <see cref="FasterStore.RecoverAsync"/> did.</summary>
public sealed class RecoveryReport
{
    /// <summary>Gets a value indicating whether a checkpoint was loaded (false: fresh store, or no checkpoint yet).</summary>
    public bool CheckpointLoaded { get; init; }

    /// <summary>Gets the WAL address the loaded checkpoint covers (replay started here).</summary>
    public long WalCoveredAddress { get; init; }

    /// <summary>Gets the WAL's committed end at recovery (replay stopped here).</summary>
    public long WalCommittedUntil { get; init; }

    /// <summary>Gets the number of WAL entries replayed.</summary>
    public long EntriesReplayed { get; init; }

    /// <summary>Gets the WAL addresses of corrupt entries (checksum or framing), none of which was applied.</summary>
    public IReadOnlyList<long> CorruptEntries { get; init; } = [];

    /// <summary>
    /// Gets the number of certificates a rebuild of the subject-ID index added (its checkpoint predated the index, so it
    /// was rebuilt from the registry), or -1 when no rebuild was needed.
    /// </summary>
    public long SubjectIndexRebuilt { get; init; } = -1;

    /// <summary>Gets the readiness after recovery (Ready, or Faulted).</summary>
    public StoreReadiness Readiness { get; init; }

    /// <summary>Gets why recovery faulted, if it did.</summary>
    public string? Error { get; init; }

    /// <summary>Gets how long recovery took.</summary>
    public TimeSpan Duration { get; init; }
}
