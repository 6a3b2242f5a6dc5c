// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Hsm;

/// <summary>
/// Makes bulk workers step aside while a priority signature runs. A reserved session alone keeps bulk work from
/// holding the priority lane's session, but not from holding the CPU cores and SoftHSM2's token-wide lock (taken in
/// every <c>C_SignInit</c>): with more busy bulk sessions than cores, a priority signature would wait behind them for
/// scheduler time slices. Bulk workers check the gate before each signature and wait (bounded) while it is closed.
/// </summary>
internal sealed class PriorityGate : IDisposable
{
    // Upper bound of one wait, so a flood of priority work slows bulk signing down but never stops it entirely.
    private static readonly TimeSpan MaxBulkWait = TimeSpan.FromMilliseconds(10);

    private readonly ManualResetEventSlim _open = new(initialState: true, spinCount: 64);
    private readonly Lock _transition = new();
    private int _active;

    /// <summary>Whether a priority signature is waiting or running.</summary>
    public bool IsClosed => Volatile.Read(ref _active) != 0;

    /// <summary>Closes the gate for the duration of one priority signature (calls nest across threads).</summary>
    public void Enter()
    {
        if (Interlocked.Increment(ref _active) == 1)
        {
            lock (_transition)
            {
                // Re-checked under the lock: only the last transition decides the event's state.
                if (Volatile.Read(ref _active) != 0)
                {
                    _open.Reset();
                }
            }
        }
    }

    /// <summary>Opens the gate again when the last priority signature ends.</summary>
    public void Exit()
    {
        if (Interlocked.Decrement(ref _active) == 0)
        {
            lock (_transition)
            {
                if (Volatile.Read(ref _active) == 0)
                {
                    _open.Set();
                }
            }
        }
    }

    /// <summary>Called by a bulk worker before each signature: returns at once when open, else waits (bounded).</summary>
    public void WaitWhileClosed()
    {
        if (Volatile.Read(ref _active) != 0)
        {
            _open.Wait(MaxBulkWait);
        }
    }

    /// <summary>Releases the event.</summary>
    public void Dispose() => _open.Dispose();
}
