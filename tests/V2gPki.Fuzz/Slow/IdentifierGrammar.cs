// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Text.RegularExpressions;
using V2gPki.Pki;
using V2gPki.Pki.Identifiers;

namespace V2gPki.Fuzz.Slow;

/// <summary>
/// The slow path of the identifier parsers: the regular expressions of docs/iso15118.md §1–§3 with the decisions of
/// docs/architecture.md §10 (ASCII classes only, anchored with <c>\A</c>/<c>\z</c>), the normalised form assembled from
/// the captures. The country-code table (<see cref="CountryCodes"/>) and the eMI3 check digit
/// (<see cref="EmaidCheckDigit"/>) are data and an algorithm with tests of their own, so they are used, not redone.
/// </summary>
public static partial class IdentifierGrammar
{
    /// <summary>Parses an identifier by its grammar.</summary>
    /// <param name="type">The type.</param>
    /// <param name="value">The value as received.</param>
    /// <param name="options">Strictness (EMAID) and ISO 15118 part (PCID).</param>
    /// <returns>The normalised form, owner prefix and warnings, or null when the grammar refuses the value.</returns>
    public static Parsed? Parse(IdType type, string value, IdParseOptions options) => type switch
    {
        IdType.Evse => Evse(value),
        IdType.Secc => Secc(value),
        IdType.Emaid => Emaid(value, options.Strictness),
        IdType.Pcid => Pcid(value, options.Version),
        _ => null,
    };

    // ISO 15118-2 Annex H: CC*?OOO*?E<outlet>, the outlet 1-31 of [A-Z0-9*]; normalised without '*', 7-37 characters
    // (so the outlet holds at least one letter or digit); an assigned ISO 3166-1 country code. DIN SPEC 91286 forms
    // start with a digit or '+' and never match.
    private static Parsed? Evse(string value)
    {
        var m = EvseForm().Match(value);
        if (!m.Success || !CountryCodes.IsAssigned(m.Groups["cc"].Value))
        {
            return null;
        }

        var outlet = m.Groups["outlet"].Value.Replace("*", string.Empty, StringComparison.Ordinal);
        if (outlet.Length == 0)
        {
            return null;
        }

        var normalized = Upper(m.Groups["cc"].Value + m.Groups["op"].Value) + "E" + Upper(outlet);
        return new Parsed(normalized, normalized[..5], IdWarnings.None);
    }

    // ISO 15118-20: CC-?OOO-?S-?<controller ≥ 32>[-<check digit>], '-' optional; normalised 38-64 characters.
    private static Parsed? Secc(string value)
    {
        var m = SeccForm().Match(value);
        if (!m.Success || !CountryCodes.IsAssigned(m.Groups["cc"].Value))
        {
            return null;
        }

        var normalized = Upper(m.Groups["cc"].Value + m.Groups["op"].Value) + "S" + Upper(m.Groups["controller"].Value + m.Groups["check"].Value);
        return normalized.Length is >= 38 and <= 64 ? new Parsed(normalized, normalized[..5], IdWarnings.None) : null;
    }

    // ISO 15118 / eMI3: CC PPP IIIIIIIII [D], '-' separators all or none; an unassigned country and a wrong check digit
    // are warnings (lenient) or refusals (strict). DIN EVCO-IDs have a 6-character instance and never match.
    private static Parsed? Emaid(string value, IdStrictness strictness)
    {
        var m = EmaidForm().Match(value);
        if (!m.Success)
        {
            return null;
        }

        var normalized = Upper(m.Groups["cc"].Value + m.Groups["provider"].Value + m.Groups["instance"].Value + m.Groups["check"].Value);
        var warnings = IdWarnings.None;
        if (!CountryCodes.IsAssigned(normalized.AsSpan(0, 2)))
        {
            warnings |= IdWarnings.UnknownCountryCode;
        }

        if (normalized.Length == 15 && EmaidCheckDigit.TryCompute(normalized.AsSpan(0, 14), out var check) && normalized[14] != check)
        {
            warnings |= IdWarnings.WrongCheckDigit;
        }

        return strictness == IdStrictness.Strict && warnings != IdWarnings.None ? null : new Parsed(normalized, normalized[..5], warnings);
    }

    // OPCP: ^[a-zA-Z0-9]{17,18}$ for ISO 15118-2; up to 64 for ISO 15118-20; the owner is the WMI.
    private static Parsed? Pcid(string value, Iso15118Version version)
    {
        var form = version == Iso15118Version.Part20 ? PcidForm20() : PcidForm2();
        return form.IsMatch(value) ? new Parsed(Upper(value), Upper(value[..3]), IdWarnings.None) : null;
    }

    private static string Upper(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            span[i] = char.IsAsciiLetterLower(c) ? (char)(c & ~0x20) : c;
        }
    });

    [GeneratedRegex(@"\A(?<cc>[A-Za-z]{2})\*?(?<op>[A-Za-z0-9]{3})\*?[Ee](?<outlet>[A-Za-z0-9*]{1,31})\z", RegexOptions.CultureInvariant)]
    private static partial Regex EvseForm();

    [GeneratedRegex(@"\A(?<cc>[A-Za-z]{2})-?(?<op>[A-Za-z0-9]{3})-?[Ss]-?(?<controller>[A-Za-z0-9]{32,})(?:-(?<check>[A-Za-z0-9]))?\z", RegexOptions.CultureInvariant)]
    private static partial Regex SeccForm();

    [GeneratedRegex(
        @"\A(?:(?<cc>[A-Za-z]{2})(?<provider>[A-Za-z0-9]{3})(?<instance>[A-Za-z0-9]{9})(?<check>[A-Za-z0-9])?" +
        @"|(?<cc>[A-Za-z]{2})-(?<provider>[A-Za-z0-9]{3})-(?<instance>[A-Za-z0-9]{9})(?:-(?<check>[A-Za-z0-9]))?)\z",
        RegexOptions.CultureInvariant)]
    private static partial Regex EmaidForm();

    [GeneratedRegex(@"\A[A-Za-z0-9]{17,18}\z", RegexOptions.CultureInvariant)]
    private static partial Regex PcidForm2();

    [GeneratedRegex(@"\A[A-Za-z0-9]{17,64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex PcidForm20();

    /// <summary>What the grammar accepted.</summary>
    /// <param name="Normalized">Upper case, no separators.</param>
    /// <param name="OwnerPrefix">Country and operator/provider, or the WMI.</param>
    /// <param name="Warnings">What lenient parsing reports.</param>
    public sealed record Parsed(string Normalized, string OwnerPrefix, IdWarnings Warnings);
}
