// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Edge.Runtime;

namespace V2gPki.Edge.Commands.PerfServe;

/// <summary>A readiness provider with a settable state: for tests, benchmarks and the time before the real modules are wired.</summary>
/// <param name="initial">The initial state.</param>
internal sealed class FixedReadinessProvider(Readiness initial) : IReadinessProvider
{
    private volatile StrongBox _state = new(initial);

    /// <summary>The reported state.</summary>
    public Readiness State
    {
        get => _state.Value;
        set => _state = new StrongBox(value);
    }

    /// <inheritdoc/>
    public Readiness GetReadiness() => _state.Value;

    private sealed class StrongBox(Readiness value)
    {
        public Readiness Value { get; } = value;
    }
}
