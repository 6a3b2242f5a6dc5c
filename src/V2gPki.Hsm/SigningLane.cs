// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Hsm;

/// <summary>Which signing lane of a token a signer uses (docs/architecture.md §3 "Priority").</summary>
public enum SigningLane
{
    /// <summary>
    /// Revocation, issuance and other latency-sensitive work: signs on the caller's thread with a session reserved for
    /// this lane, so bulk work can never starve it.
    /// </summary>
    Priority = 1,

    /// <summary>Batch pre-signing: queued, spread over the bulk sessions, bounded in-flight work.</summary>
    Bulk = 2,
}
