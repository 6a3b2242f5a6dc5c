// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Metrics;

/// <summary>Something whose metrics the host reads.</summary>
public interface IMetricsSource
{
    /// <summary>Reports every metric to <paramref name="visitor"/> (called by the host per scrape; cold path).</summary>
    /// <param name="visitor">The receiver.</param>
    void Collect(IMetricsVisitor visitor);
}
