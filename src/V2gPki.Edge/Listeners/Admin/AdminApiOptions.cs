// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Listeners.Admin;

/// <summary>Knobs of the admin API itself (the listener's limits live in <see cref="AdminListenerSettings"/>).</summary>
internal sealed class AdminApiOptions
{
    /// <summary>Largest JSON body read (413 above); keep it at or below the listener's body limit.</summary>
    public int MaxRequestBodyBytes { get; set; } = 8 * 1024;

    /// <summary>Certificates listed by a subject search when the caller gives no <c>limit</c>.</summary>
    public int DefaultListLimit { get; set; } = 100;

    /// <summary>
    /// The most certificates one subject search lists. A search scans the whole registry (cold path; about a second per
    /// few million records), one search at a time.
    /// </summary>
    public int MaxListLimit { get; set; } = 1000;

    /// <summary>How far in the future a given revocation time may lie (clock skew of the caller); later is refused.</summary>
    public TimeSpan RevocationTimeSkew { get; set; } = TimeSpan.FromSeconds(5);
}
