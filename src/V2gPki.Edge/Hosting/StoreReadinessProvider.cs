// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Store;

namespace V2gPki.Edge.Hosting;

/// <summary>
/// <c>/ready</c> of a composed back end: the store has recovered (checkpoint + WAL replay) and serves from memory. The
/// HSM tokens are logged in before a runtime exists (<see cref="PkiRuntime.Open"/> fails otherwise); a session broken
/// later is repaired per signature by the Hsm module.
/// </summary>
/// <param name="index">The serving index.</param>
internal sealed class StoreReadinessProvider(IServingIndex index) : IReadinessProvider
{
    /// <inheritdoc/>
    public Readiness GetReadiness() => new(index.Readiness == StoreReadiness.Ready, HsmLoggedIn: true);
}
