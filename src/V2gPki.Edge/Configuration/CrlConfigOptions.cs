// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Configuration;

/// <summary>
/// CRL publishing of the online CAs (docs/architecture.md §10); served at <c>/crl/&lt;ca-name&gt;.crl</c>.
/// </summary>
internal sealed class CrlConfigOptions
{
    /// <summary>nextUpdate − thisUpdate of a generated CRL, in days.</summary>
    public double ValidityDays { get; set; } = 7;

    /// <summary>Milliseconds after a revocation before the CA's CRL is regenerated (changes in between share one CRL; ≤ 1000).</summary>
    public double DebounceMilliseconds { get; set; } = 500;
}
