// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Pki.Crl;

/// <summary>How long CRLs are valid (nextUpdate − thisUpdate). Plain settable properties for the configuration binder.</summary>
public sealed class CrlOptions
{
    /// <summary>Gets or sets the validity of an online CA's CRL (regenerated within about a second of a change, docs/architecture.md §10): 7 days by default.</summary>
    public TimeSpan OnlineCaValidity { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Gets or sets the validity of an offline CA's CRL (root, Sub-CA 1 in production: signed in a ceremony): 365 days by default.</summary>
    public TimeSpan OfflineCaValidity { get; set; } = TimeSpan.FromDays(365);

    /// <summary>The nextUpdate of a CRL.</summary>
    /// <param name="thisUpdate">thisUpdate.</param>
    /// <param name="offlineCa">Whether the CA is offline.</param>
    /// <returns>nextUpdate.</returns>
    public DateTimeOffset NextUpdate(DateTimeOffset thisUpdate, bool offlineCa) => thisUpdate + (offlineCa ? OfflineCaValidity : OnlineCaValidity);
}
