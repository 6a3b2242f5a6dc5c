// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Pki.Profiles;

/// <summary>
/// A certificate lifetime in calendar years plus days (Hubject's CAs run from 2019-04-26 to 2039-04-26: calendar
/// years, not multiples of 365 days).
/// </summary>
/// <param name="Years">Whole calendar years.</param>
/// <param name="Days">Additional days.</param>
public readonly record struct CertificateLifetime(int Years, int Days)
{
    /// <summary>A lifetime of whole years.</summary>
    /// <param name="years">The number of years.</param>
    /// <returns>The lifetime.</returns>
    public static CertificateLifetime FromYears(int years) => new(years, 0);

    /// <summary>A lifetime of days.</summary>
    /// <param name="days">The number of days.</param>
    /// <returns>The lifetime.</returns>
    public static CertificateLifetime FromDays(int days) => new(0, days);

    /// <summary>Adds the lifetime to a start time.</summary>
    /// <param name="start">The start (notBefore).</param>
    /// <returns>The end (notAfter).</returns>
    public DateTimeOffset AddTo(DateTimeOffset start) => start.AddYears(Years).AddDays(Days);

    /// <summary>Whether the lifetime is positive.</summary>
    public bool IsPositive => Years > 0 || (Years == 0 && Days > 0);

    /// <inheritdoc/>
    public override string ToString() => Years == 0 ? $"{Days} d" : Days == 0 ? $"{Years} y" : $"{Years} y {Days} d";
}
