// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Store;

namespace V2gPki.Edge.Runtime;

/// <summary>
/// <c>/ready</c> of a composed back end (docs/architecture.md §7): the store has recovered (checkpoint + WAL replay) and serves from
/// memory, and every HSM token passed its last login probe (<see cref="HsmLoginMonitor"/>, a flag read here, so the
/// answer never waits for the HSM).
/// </summary>
/// <param name="index">The serving index.</param>
/// <param name="hsm">The login probe.</param>
internal sealed class StoreReadinessProvider(IServingIndex index, HsmLoginMonitor hsm) : IReadinessProvider
{
    /// <inheritdoc/>
    public Readiness GetReadiness() => new(index.Readiness == StoreReadiness.Ready, hsm.AllLoggedIn);
}
