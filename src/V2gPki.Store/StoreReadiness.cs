// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Store;

/// <summary>Whether a store answers lookups.</summary>
public enum StoreReadiness : byte
{
    /// <summary>Recovery has not finished: lookups return <see cref="LookupStatus.NotReady"/>.</summary>
    Recovering = 1,

    /// <summary>Recovered and serving.</summary>
    Ready = 2,

    /// <summary>
    /// Recovery found a corrupt WAL entry (under <see cref="WalCorruptionPolicy.FailRecovery"/>) or a WAL commit failed:
    /// lookups return <see cref="LookupStatus.NotReady"/> until an operator intervenes.
    /// </summary>
    Faulted = 3,

    /// <summary>Disposed.</summary>
    Disposed = 4,
}
