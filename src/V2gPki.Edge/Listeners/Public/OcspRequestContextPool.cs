// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Listeners.Public;

/// <summary>
/// A small lock-free pool of <see cref="OcspRequestContext"/> for hosts without a per-connection context slot
/// (the minimal-API host): a fixed array of slots taken and returned with <see cref="Interlocked"/>.
/// </summary>
/// <param name="exchange">Creates contexts when the pool is empty.</param>
/// <param name="size">Slots kept; contexts returned to a full pool are dropped.</param>
internal sealed class OcspRequestContextPool(OcspExchange exchange, int size = 256)
{
    private readonly OcspRequestContext?[] _slots = new OcspRequestContext?[size];

    /// <summary>Takes a pooled context or creates one.</summary>
    /// <returns>A context for one request.</returns>
    public OcspRequestContext Rent()
    {
        var start = Environment.CurrentManagedThreadId % _slots.Length;
        for (var i = 0; i < _slots.Length; i++)
        {
            ref var slot = ref _slots[(start + i) % _slots.Length];
            if (slot is not null && Interlocked.Exchange(ref slot, null) is { } context)
            {
                return context;
            }
        }

        return exchange.CreateContext();
    }

    /// <summary>Returns a context after its request completed.</summary>
    /// <param name="context">The context.</param>
    public void Return(OcspRequestContext context)
    {
        context.End();
        var start = Environment.CurrentManagedThreadId % _slots.Length;
        for (var i = 0; i < _slots.Length; i++)
        {
            ref var slot = ref _slots[(start + i) % _slots.Length];
            if (slot is null && Interlocked.CompareExchange(ref slot, context, null) is null)
            {
                return;
            }
        }
    }
}
