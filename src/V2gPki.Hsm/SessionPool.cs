// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Hsm;

/// <summary>
/// A fixed set of sessions handed out one at a time. Renting and returning are lock-free when a session is free (an
/// interlocked counter and a slot exchange); a caller finding none free blocks until one is returned. Sessions are held
/// for one signature only, so the wait is bounded by a few signing operations and takes no cancellation token.
/// </summary>
internal sealed class SessionPool : IDisposable
{
    private readonly PooledSession?[] _slots;
    private readonly PooledSession[] _all;
    private readonly SemaphoreSlim _waiters = new(0);

    // Free sessions minus blocked renters: below zero, that many renters wait on _waiters.
    private int _available;

    /// <summary>Creates a pool that owns <paramref name="sessions"/>.</summary>
    /// <param name="sessions">The sessions, at least one.</param>
    public SessionPool(PooledSession[] sessions)
    {
        _all = sessions;
        _slots = (PooledSession?[])sessions.Clone();
        _available = sessions.Length;
    }

    /// <summary>The number of sessions.</summary>
    public int Count => _all.Length;

    /// <summary>Every session of the pool, rented or not (tests).</summary>
    internal IReadOnlyList<PooledSession> Sessions => _all;

    /// <summary>Takes a free session, waiting for one when all are in use.</summary>
    /// <returns>The session; give it back with <see cref="Return"/>.</returns>
    public PooledSession Rent()
    {
        if (Interlocked.Decrement(ref _available) < 0)
        {
            _waiters.Wait();
        }

        // A permit guarantees a session sits in some slot or is about to be put there by its returner.
        var spinner = default(SpinWait);
        while (true)
        {
            for (var i = 0; i < _slots.Length; i++)
            {
                var session = Interlocked.Exchange(ref _slots[i], null);
                if (session is not null)
                {
                    return session;
                }
            }

            spinner.SpinOnce();
        }
    }

    /// <summary>Gives a rented session back.</summary>
    /// <param name="session">The session from <see cref="Rent"/>.</param>
    public void Return(PooledSession session)
    {
        for (var i = 0; i < _slots.Length; i++)
        {
            if (Interlocked.CompareExchange(ref _slots[i], session, null) is null)
            {
                break;
            }
        }

        if (Interlocked.Increment(ref _available) <= 0)
        {
            _waiters.Release();
        }
    }

    /// <summary>Closes every session.</summary>
    public void Dispose()
    {
        foreach (var session in _all)
        {
            session.Dispose();
        }

        _waiters.Dispose();
    }
}
