// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Configuration;

/// <summary>One party account (V2gPki.Parties): who it is, what it may do, which identifiers it owns, how it proves it.</summary>
internal sealed class PartyAccountOptions
{
    /// <summary>The account id: the HTTP Basic user name and what the audit log records (1–64 visible ASCII characters, no ':').</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The roles: <c>CPO</c>, <c>MO</c>, <c>OEM</c>, <c>CPS</c> (case-insensitive).</summary>
    public List<string> Roles { get; set; } = [];

    /// <summary>EVSE operator IDs the account owns (<c>DE*ABC</c>): its SECC certificates' EVSE IDs start with one.</summary>
    public List<string> EvseOperators { get; set; } = [];

    /// <summary>e-mobility provider IDs the account owns (<c>DE-ABC</c>): its contract certificates' EMAIDs start with one.</summary>
    public List<string> EmaidProviders { get; set; } = [];

    /// <summary>World manufacturer identifiers the account owns (<c>WAB</c>): its cars' PCIDs start with one.</summary>
    public List<string> PcidWmis { get; set; } = [];

    /// <summary>CPS name prefixes: a CPS signing certificate's CN starts with one.</summary>
    public List<string> CpsNames { get; set; } = [];

    /// <summary>
    /// The HTTP Basic password as a PBKDF2 hash (<c>pbkdf2-sha256$&lt;iterations&gt;$&lt;salt&gt;$&lt;hash&gt;</c>, base64), never the
    /// password itself; empty: the account has no Basic credential.
    /// </summary>
    public string? PasswordHash { get; set; }
}
