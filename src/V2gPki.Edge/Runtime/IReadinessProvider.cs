// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Runtime;

/// <summary>What <c>/ready</c> reports (docs/architecture.md §7: store recovered, HSM logged in). Called per probe, not per OCSP request.</summary>
internal interface IReadinessProvider
{
    /// <summary>The current readiness.</summary>
    /// <returns>The state of each dependency.</returns>
    Readiness GetReadiness();
}
