// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;

namespace V2gPki.Pki.Profiles;

/// <summary>
/// Builds a subject DN from a profile: C, O, CN, DC in that order (Hubject's Sub-CA 2 and CPS leaf order). C is a
/// PrintableString, DC an IA5String (RFC 4519), CN and O UTF8Strings (RFC 5280 §4.1.2.6). The DC value always comes from
/// the profile.
/// </summary>
public static class SubjectNameBuilder
{
    /// <summary>Builds the subject.</summary>
    /// <param name="profile">The profile (decides DC and which attributes are required).</param>
    /// <param name="commonName">The CN: the normalised ID for leaves with an ID type, a configured name otherwise.</param>
    /// <param name="organization">The O.</param>
    /// <param name="country">The C (two upper-case letters), or <see langword="null"/> where the profile allows it.</param>
    /// <returns>The DN.</returns>
    /// <exception cref="ArgumentException">A required attribute is missing or C is not two letters: the caller must validate first.</exception>
    public static X509Name Build(CertificateProfile profile, string commonName, string? organization, string? country)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (string.IsNullOrWhiteSpace(commonName))
        {
            throw new ArgumentException("the CN is empty", nameof(commonName));
        }

        if (profile.RequiresOrganization && string.IsNullOrWhiteSpace(organization))
        {
            throw new ArgumentException($"profile {profile.Name} requires O", nameof(organization));
        }

        if (profile.RequiresCountry && string.IsNullOrEmpty(country))
        {
            throw new ArgumentException($"profile {profile.Name} requires C", nameof(country));
        }

        if (country is not null && (country.Length != 2 || !char.IsAsciiLetterUpper(country[0]) || !char.IsAsciiLetterUpper(country[1])))
        {
            throw new ArgumentException("C must be two upper-case letters", nameof(country));
        }

        var oids = new List<DerObjectIdentifier>(4);
        var values = new List<string>(4);
        if (country is not null)
        {
            oids.Add(X509Name.C);
            values.Add(country);
        }

        if (!string.IsNullOrEmpty(organization))
        {
            oids.Add(X509Name.O);
            values.Add(organization);
        }

        oids.Add(X509Name.CN);
        values.Add(commonName);
        oids.Add(X509Name.DC);
        values.Add(profile.DomainComponent);

        // X509DefaultEntryConverter: C → PrintableString, DC → IA5String, everything else → UTF8String.
        return new X509Name(oids, values);
    }
}
