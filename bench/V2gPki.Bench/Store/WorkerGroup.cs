// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Bench.Store;

/// <summary>Long-lived worker threads (so thread-affine sessions are made once) started together for each invocation.</summary>
public sealed class WorkerGroup : IDisposable
{
    private readonly Barrier _start;
    private readonly Barrier _done;
    private readonly Thread[] _threads;
    private readonly Action<int> _work;
    private volatile bool _stop;

    public WorkerGroup(int threads, Action<int> work)
    {
        _work = work;
        _start = new Barrier(threads + 1);
        _done = new Barrier(threads + 1);
        _threads = new Thread[threads];
        for (var i = 0; i < threads; i++)
        {
            var index = i;
            _threads[i] = new Thread(() => Loop(index)) { IsBackground = true, Name = "bench-" + index };
            _threads[i].Start();
        }
    }

    /// <summary>Runs the work once on every thread and waits for all.</summary>
    public void Run()
    {
        _start.SignalAndWait();
        _done.SignalAndWait();
    }

    private void Loop(int index)
    {
        while (true)
        {
            _start.SignalAndWait();
            if (_stop)
            {
                return;
            }

            _work(index);
            _done.SignalAndWait();
        }
    }

    public void Dispose()
    {
        _stop = true;
        _start.SignalAndWait();
        foreach (var thread in _threads)
        {
            thread.Join();
        }

        _start.Dispose();
        _done.Dispose();
    }
}
