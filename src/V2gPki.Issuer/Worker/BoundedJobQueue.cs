// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace V2gPki.Issuer.Worker;

/// <summary>
/// A bounded queue for consumers on dedicated threads: a producer's <see cref="TryEnqueue"/> wakes a blocked consumer
/// directly (SemaphoreSlim), with no thread-pool hop in between, which a channel's asynchronous continuation would need.
/// </summary>
/// <typeparam name="T">The job type.</typeparam>
internal sealed class BoundedJobQueue<T> : IDisposable
    where T : class
{
    private readonly ConcurrentQueue<T> _items = new();
    private readonly SemaphoreSlim _available = new(0);
    private readonly int _capacity;
    private int _count;
    private volatile bool _completed;

    public BoundedJobQueue(int capacity) => _capacity = Math.Max(1, capacity);

    /// <summary>Jobs queued and not yet taken (a metrics gauge).</summary>
    public int Count => Math.Max(0, Volatile.Read(ref _count));

    /// <summary>Adds a job unless the queue is full or completed.</summary>
    public bool TryEnqueue(T item)
    {
        if (_completed)
        {
            return false;
        }

        if (Interlocked.Increment(ref _count) > _capacity)
        {
            Interlocked.Decrement(ref _count);
            return false;
        }

        _items.Enqueue(item);
        _available.Release();
        return true;
    }

    /// <summary>Blocks until a job is available; false once cancelled.</summary>
    public bool TryTake([NotNullWhen(true)] out T? item, CancellationToken cancellationToken)
    {
        item = null;
        try
        {
            _available.Wait(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        _items.TryDequeue(out item);
        Interlocked.Decrement(ref _count);
        return item is not null;
    }

    /// <summary>Takes a job without waiting (draining at shutdown).</summary>
    public bool TryTakeNow([NotNullWhen(true)] out T? item)
    {
        if (!_available.Wait(0))
        {
            item = null;
            return false;
        }

        _items.TryDequeue(out item);
        Interlocked.Decrement(ref _count);
        return item is not null;
    }

    /// <summary>Refuses further jobs.</summary>
    public void Complete() => _completed = true;

    public void Dispose() => _available.Dispose();
}
