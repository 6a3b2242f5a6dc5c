// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.TestSupport;

/// <summary>
/// Measures what a hot path allocates on the calling thread (linked into each test project that needs it).
/// </summary>
/// <remarks>
/// A single measured loop is flaky: the first thousand iterations of a loop in tier-0 code trigger an on-stack
/// replacement compile on this thread, and a type first touched inside the loop is loaded there, both of which may
/// allocate a few kilobytes once (CI saw 5,776 B that way). So the body runs in a warm-up round and then in several
/// measured rounds, and the least of them is returned: a one-time cost lands in at most one round, while an
/// allocation per call (or per few calls) shows in every round.
/// </remarks>
internal static class AllocationProbe
{
    /// <summary>The fewest bytes this thread allocated in one of <paramref name="rounds"/> rounds of <paramref name="iterations"/> calls.</summary>
    /// <param name="body">The call under test; the argument is the iteration number within the round.</param>
    /// <param name="iterations">Calls per round.</param>
    /// <param name="rounds">Measured rounds after the warm-up round.</param>
    /// <returns>Bytes allocated in the cheapest round (0 for an allocation-free path).</returns>
    public static long LeastPerRound(Action<int> body, int iterations = 2000, int rounds = 3)
    {
        ArgumentNullException.ThrowIfNull(body);
        RunRound(body, iterations);
        var least = long.MaxValue;
        for (var r = 0; r < rounds; r++)
        {
            least = Math.Min(least, RunRound(body, iterations));
        }

        return least;
    }

    private static long RunRound(Action<int> body, int iterations)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < iterations; i++)
        {
            body(i);
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
