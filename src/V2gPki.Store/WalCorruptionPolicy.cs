// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Store;

/// <summary>What recovery does with a WAL entry whose checksum or framing is wrong.</summary>
public enum WalCorruptionPolicy : byte
{
    /// <summary>
    /// Stop: the entry is not applied, the store stays <see cref="StoreReadiness.Faulted"/> (the host answers tryLater and
    /// is not ready) and the report names the address. Default: a skipped revocation would be served as 'good'.
    /// </summary>
    FailRecovery = 1,

    /// <summary>Skip the entry (never applied), report and count it, and go on with the next one.</summary>
    SkipAndReport = 2,
}
