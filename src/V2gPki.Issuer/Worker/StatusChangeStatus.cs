// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Issuer.Worker;

/// <summary>Outcome of a revocation, hold or un-hold. Values are never reused (docs/style.md §15).</summary>
public enum StatusChangeStatus : byte
{
    /// <summary>Applied: the new response is signed and served, the WAL entry committed.</summary>
    Applied = 1,

    /// <summary>The certificate already had that status (idempotent; a revoked certificate keeps its first reason and time).</summary>
    AlreadyApplied = 2,

    /// <summary>No such certificate.</summary>
    NotFound = 3,

    /// <summary>The change is not allowed (revoked is final; un-hold only from certificateHold).</summary>
    InvalidTransition = 4,

    /// <summary>The status queue is full: retry.</summary>
    QueueFull = 5,

    /// <summary>The new response could not be signed (no signer, clock jumped back, HSM error); nothing changed.</summary>
    SigningFailed = 6,

    /// <summary>The store is not ready.</summary>
    StoreNotReady = 7,

    /// <summary>A malformed request (reason not allowed, bad serial).</summary>
    InvalidArgument = 8,

    /// <summary>The worker is stopping.</summary>
    ShuttingDown = 9,

    /// <summary>The issuer is not a configured CA.</summary>
    UnknownIssuer = 10,
}
