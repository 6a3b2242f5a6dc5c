// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Bench;

/// <summary>Order statistics the harnesses print (rates over rounds, latencies).</summary>
internal static class BenchStats
{
    /// <summary>The median (the mean of the middle two for an even count).</summary>
    /// <param name="values">At least one value, in any order.</param>
    /// <returns>The median.</returns>
    public static double Median(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>The nearest-rank percentile.</summary>
    /// <param name="sorted">At least one value, sorted ascending.</param>
    /// <param name="p">The fraction, e.g. 0.99.</param>
    /// <returns>The smallest value with at least <paramref name="p"/> of the values at or below it.</returns>
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
