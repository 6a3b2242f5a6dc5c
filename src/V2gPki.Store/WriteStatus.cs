// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Store;

/// <summary>Outcome of a store write. Numeric values are explicit and never reused (docs/style.md §15).</summary>
public enum WriteStatus : byte
{
    /// <summary>Written (for WAL writes: committed to the WAL, so it survives a crash).</summary>
    Applied = 1,

    /// <summary>The store already held this state (idempotent retry); it is durable.</summary>
    AlreadyApplied = 2,

    /// <summary>No certificate with this key.</summary>
    NotFound = 3,

    /// <summary>The status change is not allowed (e.g. revoked → good).</summary>
    InvalidTransition = 4,

    /// <summary>Issuance of a serial that is registered with a different certificate.</summary>
    SerialInUse = 5,

    /// <summary>A re-signed response was made for an older status version: the status changed meanwhile; not written.</summary>
    StatusChanged = 6,

    /// <summary>A re-signed response is older (thisUpdate) than the one stored; not written.</summary>
    StaleResponse = 7,

    /// <summary>The store is not ready (recovering or faulted).</summary>
    NotReady = 8,

    /// <summary>An argument is malformed or out of bounds (see <see cref="StoreLimits"/>).</summary>
    InvalidArgument = 9,
}
