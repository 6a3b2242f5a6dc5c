// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Tests;

/// <summary>The probe every "allocates nothing" test relies on must see an allocation per call.</summary>
public class AllocationProbeTests
{
    private static object? sink;

    [Fact]
    public void LeastPerRound_AnAllocationPerCall_ShowsInEveryRound()
    {
        var allocated = AllocationProbe.LeastPerRound(i => sink = new byte[i % 3], iterations: 1000);

        Assert.True(allocated >= 1000 * 24, $"{allocated} B for 1000 arrays");
        Assert.NotNull(sink);
    }

    [Fact]
    public void LeastPerRound_AnAllocationEveryHundredCalls_ShowsInEveryRound()
    {
        var allocated = AllocationProbe.LeastPerRound(i => sink = i % 100 == 0 ? new object() : sink, iterations: 1000);

        Assert.True(allocated >= 10 * 24, $"{allocated} B for 10 objects");
    }

    [Fact]
    public void LeastPerRound_ArithmeticOnly_IsZero()
    {
        long total = 0;

        var allocated = AllocationProbe.LeastPerRound(i => total += i);

        Assert.Equal(0, allocated);
        Assert.Equal(4 * (2000L * 1999 / 2), total);
    }
}
