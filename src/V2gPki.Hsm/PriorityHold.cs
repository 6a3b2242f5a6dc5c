// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Hsm;

/// <summary>
/// Keeps the bulk lane's workers aside, as during a priority signature, until disposed (see
/// <see cref="PrioritySigningLane.HoldBulk"/>). Dispose exactly once.
/// </summary>
public sealed class PriorityHold : IDisposable
{
    private PriorityGate? _gate;

    internal PriorityHold(PriorityGate gate)
    {
        _gate = gate;
        gate.Enter();
    }

    /// <summary>Opens the gate again (when no other priority work holds it).</summary>
    public void Dispose() => Interlocked.Exchange(ref _gate, null)?.Exit();
}
