// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Commands.Demo;

/// <summary>How <c>v2gpki demo</c> lays out its data directory.</summary>
internal sealed class DemoSettings
{
    /// <summary>Gets or sets the data directory (wiped and re-created by the command; <c>var/demo</c> by default).</summary>
    public string DataDirectory { get; set; } = "var/demo";

    /// <summary>Gets or sets the public listener's address (also the host of every AIA URL).</summary>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>Gets or sets the public listener's port (0 picks a free one; the bound port goes into AIA URLs and the config).</summary>
    public int Port { get; set; } = 8080;

    /// <summary>Gets or sets the admin listener's port.</summary>
    public int AdminPort { get; set; } = 8081;

    /// <summary>Gets or sets the EST listener's port (0 picks a free one before the config is written: the demo tokens' audience names it).</summary>
    public int EstPort { get; set; } = 8443;

    /// <summary>Gets or sets whether certificates carry CRL distribution points (<c>&lt;listener&gt;/crl/&lt;issuer&gt;.crl</c>; off by default, docs/architecture.md §10).</summary>
    public bool CrlDistributionPoints { get; set; }

    /// <summary>Gets or sets the certificates the demo store is sized for (small: the demo holds a few dozen).</summary>
    public long StoreCapacity { get; set; } = 100_000;
}
