// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Runtime;

/// <summary>The readiness of the server's dependencies.</summary>
/// <param name="StoreReady">The store has recovered (checkpoint + WAL replay) and serves from memory.</param>
/// <param name="HsmLoggedIn">Every configured HSM token is logged in.</param>
internal readonly record struct Readiness(bool StoreReady, bool HsmLoggedIn)
{
    /// <summary>True when every dependency is ready.</summary>
    public bool IsReady => StoreReady && HsmLoggedIn;
}
