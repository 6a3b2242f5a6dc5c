// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Hsm.Tests;

public class PriorityGateTests
{
    [Fact]
    public void EnterExit_Nested_ClosedUntilLastExit()
    {
        using var gate = new PriorityGate();

        gate.Enter();
        gate.Enter();
        gate.Exit();
        Assert.True(gate.IsClosed);
        gate.Exit();

        Assert.False(gate.IsClosed);
    }

    [Fact]
    public void EnterExit_ManyThreads_EndsOpenAndWaitReturnsAtOnce()
    {
        using var gate = new PriorityGate();

        Parallel.For(0, 8, _ =>
        {
            for (var i = 0; i < 20_000; i++)
            {
                gate.Enter();
                gate.Exit();
            }
        });

        Assert.False(gate.IsClosed);
        // Open: a bulk worker must not wait at all (a lost Set would make every signature wait the full bound).
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 1000; i++)
        {
            gate.WaitWhileClosed();
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void WaitWhileClosed_ReopenedByAnotherThread_Returns()
    {
        using var gate = new PriorityGate();
        gate.Enter();
        using var opened = new ManualResetEventSlim();
        var waiter = new Thread(() =>
        {
            while (gate.IsClosed)
            {
                gate.WaitWhileClosed();
            }

            opened.Set();
        });
        waiter.Start();

        gate.Exit();

        Assert.True(opened.Wait(TimeSpan.FromSeconds(10)));
        waiter.Join();
    }
}
