// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Store;

/// <summary>Outcome of a store lookup. Numeric values are explicit and never reused (docs/style.md §15).</summary>
public enum LookupStatus : byte
{
    /// <summary>The record was found and copied into the destination.</summary>
    Found = 1,

    /// <summary>No record for this key.</summary>
    NotFound = 2,

    /// <summary>The store has not finished recovery (or is faulted): the OCSP host answers <c>tryLater</c>.</summary>
    NotReady = 3,

    /// <summary>
    /// The record is not in memory and the read would have to wait for the disk. On the serving index this is a sizing bug
    /// (docs/architecture.md §4 invariant 3): it is counted in <see cref="StoreMetrics.PendingReads"/>, the read is abandoned rather than
    /// waited for, and the OCSP host answers <c>tryLater</c>.
    /// </summary>
    Pending = 4,

    /// <summary>The record exists but the destination is too small; the metadata carries the length needed.</summary>
    DestinationTooSmall = 5,

    /// <summary>The key is malformed (issuer 0, or a serial that is empty or longer than <see cref="StoreLimits.MaxSerialLength"/>).</summary>
    InvalidKey = 6,
}
