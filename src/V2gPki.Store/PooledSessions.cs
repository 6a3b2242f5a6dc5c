// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using FASTER.core;

namespace V2gPki.Store;

/// <summary>
/// A bounded lock-free pool of serving sessions: a fixed array of slots, taken with <see cref="Interlocked.Exchange{T}(ref T, T)"/>
/// and given back with <see cref="Interlocked.CompareExchange{T}(ref T, T, T)"/>, starting at a slot picked from the thread id
/// so two threads rarely touch the same slot. When every slot is taken a new session is made (counted) and disposed on
/// return if the pool is full.
/// </summary>
internal sealed class PooledSessions : IDisposable
{
    private readonly FasterKV<SpanByte, SpanByte> _kv;
    private readonly StoreMetrics _metrics;
    private readonly ServingSession?[] _slots;

    /// <summary>Creates the pool and fills it.</summary>
    /// <param name="kv">Serving table.</param>
    /// <param name="size">Number of slots.</param>
    /// <param name="metrics">Counters.</param>
    public PooledSessions(FasterKV<SpanByte, SpanByte> kv, int size, StoreMetrics metrics)
    {
        _kv = kv;
        _metrics = metrics;
        _slots = new ServingSession?[size];
        for (var i = 0; i < size; i++)
        {
            _slots[i] = new ServingSession(kv);
        }
    }

    /// <summary>Takes a session.</summary>
    /// <returns>A session owned by the caller until <see cref="Return"/>.</returns>
    public ServingSession Rent()
    {
        var slots = _slots;
        var start = (uint)Environment.CurrentManagedThreadId % (uint)slots.Length;
        for (var i = 0u; i < (uint)slots.Length; i++)
        {
            var index = start + i;
            if (index >= (uint)slots.Length)
            {
                index -= (uint)slots.Length;
            }

            if (Volatile.Read(ref slots[index]) is not null)
            {
                var session = Interlocked.Exchange(ref slots[index], null);
                if (session is not null)
                {
                    return session;
                }
            }
        }

        return CreateOverflow();
    }

    /// <summary>Gives a session back.</summary>
    /// <param name="session">A session from <see cref="Rent"/>.</param>
    public void Return(ServingSession session)
    {
        var slots = _slots;
        var start = (uint)Environment.CurrentManagedThreadId % (uint)slots.Length;
        for (var i = 0u; i < (uint)slots.Length; i++)
        {
            var index = start + i;
            if (index >= (uint)slots.Length)
            {
                index -= (uint)slots.Length;
            }

            if (Interlocked.CompareExchange(ref slots[index], session, null) is null)
            {
                return;
            }
        }

        session.Dispose();
    }

    private ServingSession CreateOverflow()
    {
        _metrics.ReadSessionCreated();
        return new ServingSession(_kv);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        for (var i = 0; i < _slots.Length; i++)
        {
            Interlocked.Exchange(ref _slots[i], null)?.Dispose();
        }
    }
}
