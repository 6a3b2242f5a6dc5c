// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using FASTER.core;

namespace V2gPki.Store;

/// <summary>
/// One serving session per thread. The fast path is a [ThreadStatic] owner check (no atomic operation, no shared write);
/// a thread that reads from several stores falls back to a <see cref="ThreadLocal{T}"/> per store.
/// </summary>
internal sealed class ThreadAffineSessions : IDisposable
{
    [ThreadStatic]
    private static ThreadAffineSessions? t_owner;

    [ThreadStatic]
    private static ServingSession? t_session;

    private readonly FasterKV<SpanByte, SpanByte> _kv;
    private readonly StoreMetrics _metrics;
    private readonly ThreadLocal<ServingSession?> _perThread = new(trackAllValues: true);

    /// <summary>Creates the provider.</summary>
    /// <param name="kv">Serving table.</param>
    /// <param name="metrics">Counters (sessions created).</param>
    public ThreadAffineSessions(FasterKV<SpanByte, SpanByte> kv, StoreMetrics metrics)
    {
        _kv = kv;
        _metrics = metrics;
    }

    /// <summary>Gets the calling thread's session.</summary>
    /// <returns>The session; use it on this thread only.</returns>
    public ServingSession Get()
    {
        if (ReferenceEquals(t_owner, this))
        {
            return t_session!;
        }

        return GetSlow();
    }

    private ServingSession GetSlow()
    {
        var session = _perThread.Value;
        if (session is null)
        {
            session = new ServingSession(_kv);
            _perThread.Value = session;
            _metrics.ReadSessionCreated();
        }

        t_owner = this;
        t_session = session;
        return session;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var session in _perThread.Values)
        {
            session?.Dispose();
        }

        _perThread.Dispose();
    }
}
