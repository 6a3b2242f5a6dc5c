// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Issuer.Crl;

/// <summary>Knobs of the CRL publisher (docs/architecture.md §3, §10).</summary>
public sealed class CrlPublisherOptions
{
    /// <summary>Gets or sets how long after a status change an online CA's CRL is regenerated (debounce, default 500 ms, ≤ 1 s).</summary>
    public TimeSpan Debounce { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Gets or sets nextUpdate − thisUpdate of a generated CRL (default 7 days).</summary>
    public TimeSpan Validity { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Gets or sets the remaining validity below which a CRL is regenerated without a change (default 3.5 days).</summary>
    public TimeSpan RegenerateBelowRemaining { get; set; } = TimeSpan.FromDays(3.5);

    /// <summary>Gets or sets how long before an imported (offline CA) CRL runs out an alert is raised (default 30 days: a ceremony needs planning).</summary>
    public TimeSpan ImportedAlertLead { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Gets or sets the directory where CRLs are kept across restarts (<c>&lt;ca&gt;.crl</c>), or null for memory only.</summary>
    public string? Directory { get; set; }
}
