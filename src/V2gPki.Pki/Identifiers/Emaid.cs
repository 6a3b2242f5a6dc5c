// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Pki.Identifiers;

/// <summary>
/// An e-mobility account identifier (contract ID) in the ISO 15118 / eMI3 form <c>CC-PPP-IIIIIIIII[-D]</c>
/// (docs/iso15118.md §2, §2.4; docs/architecture.md §10): a two-letter country code, a three-character provider ID, a
/// nine-character instance and an optional check digit. <c>-</c> separators are optional but all-or-nothing (OPCP:
/// "used consistently"); matching is case-insensitive.
/// </summary>
/// <remarks>
/// The normalised form is the ID as requested, upper case, without separators: 14 characters, or 15 with the check digit.
/// A missing check digit is never appended (the contract certificate's CN is the normalised ID as requested). The check
/// digit is the eMI3 matrix digit (<see cref="EmaidCheckDigit"/>); a wrong one, and a country code outside ISO 3166-1,
/// are warnings in <see cref="IdStrictness.Lenient"/> mode and errors in <see cref="IdStrictness.Strict"/> mode.
/// DIN SPEC 91286 EVCO-IDs (<c>NL-TNM-012204-5</c>) are refused.
/// </remarks>
public readonly struct Emaid : IEquatable<Emaid>
{
    /// <summary>The ISO form, for messages.</summary>
    public const string ExpectedFormat =
        "an ISO 15118 EMAID CC-PPP-IIIIIIIII[-D]: 2-letter country code, 3-character provider ID, 9-character instance, optional check digit; 14 or 15 letters or digits, '-' separators optional but all or none (e.g. NL-TNM-000122045-U or NLTNM000122045U)";

    /// <summary>The length without check digit.</summary>
    public const int LengthWithoutCheckDigit = 14;

    /// <summary>The length with check digit.</summary>
    public const int LengthWithCheckDigit = 15;

    private readonly string? _normalized;

    private Emaid(string normalized, char computedCheckDigit, IdWarnings warnings)
    {
        _normalized = normalized;
        ComputedCheckDigit = computedCheckDigit;
        Warnings = warnings;
    }

    /// <summary>The normalised EMAID: upper case, no separators, 14 or 15 characters as requested.</summary>
    public string Normalized => _normalized ?? string.Empty;

    /// <summary>The country code (first two characters).</summary>
    public string CountryCode => Normalized[..2];

    /// <summary>The provider ID (characters 3–5).</summary>
    public string ProviderId => Normalized[2..5];

    /// <summary>The eMA instance (characters 6–14).</summary>
    public string Instance => Normalized[5..14];

    /// <summary>Whether the EMAID was given with a 15th (check) character.</summary>
    public bool HasCheckDigit => Normalized.Length == LengthWithCheckDigit;

    /// <summary>The 15th character as given; <see langword="null"/> for a 14-character EMAID.</summary>
    public char? CheckDigit => HasCheckDigit ? Normalized[14] : null;

    /// <summary>The eMI3 check digit computed over the first 14 characters.</summary>
    public char ComputedCheckDigit { get; }

    /// <summary>Whether the given check digit is correct; <see langword="false"/> when none was given.</summary>
    public bool IsCheckDigitValid => HasCheckDigit && Normalized[14] == ComputedCheckDigit;

    /// <summary>What lenient parsing accepted but reports.</summary>
    public IdWarnings Warnings { get; }

    /// <summary>The owner prefix used for authorization: country code + provider ID (5 characters).</summary>
    public string OwnerPrefix => Normalized[..5];

    /// <summary>Parses an EMAID leniently (<see cref="IdStrictness.Lenient"/>).</summary>
    /// <param name="value">The EMAID as received.</param>
    /// <param name="id">The parsed ID; <see langword="default"/> when the method returns <see langword="false"/>.</param>
    /// <param name="error">Why the value was refused; <see cref="IdErrorCode.None"/> on success.</param>
    /// <returns>Whether <paramref name="value"/> is an acceptable EMAID.</returns>
    public static bool TryParse(ReadOnlySpan<char> value, out Emaid id, out IdError error) =>
        TryParse(value, IdStrictness.Lenient, out id, out error);

    /// <summary>Parses an EMAID.</summary>
    /// <param name="value">The EMAID as received.</param>
    /// <param name="strictness">Whether a wrong check digit or an unknown country code is an error or a warning.</param>
    /// <param name="id">The parsed ID; <see langword="default"/> when the method returns <see langword="false"/>.</param>
    /// <param name="error">Why the value was refused; <see cref="IdErrorCode.None"/> on success.</param>
    /// <returns>Whether <paramref name="value"/> is an acceptable EMAID.</returns>
    public static bool TryParse(ReadOnlySpan<char> value, IdStrictness strictness, out Emaid id, out IdError error)
    {
        id = default;
        if (value.IsEmpty)
        {
            return Fail(IdErrorCode.Empty, "the value is empty", value, out error);
        }

        if (LooksLikeDinEvcoId(value))
        {
            return Fail(IdErrorCode.DinFormNotSupported, "DIN SPEC 91286 EVCO-IDs (6-character instance, DIN check digit) are not supported; use the ISO 15118 EMAID with a 9-character instance", value, out error);
        }

        var dashes = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '-')
            {
                dashes++;
            }
            else if (!IdText.IsAlnum(c))
            {
                var hint = c == '*' ? " ('*' separators belong to DIN SPEC 91286; an EMAID uses '-')" : string.Empty;
                return Fail(IdErrorCode.InvalidCharacter, $"character {IdText.Describe(c)} at position {i + 1} is not allowed{hint}", value, out error);
            }
        }

        var length = value.Length - dashes;
        if (length < LengthWithoutCheckDigit)
        {
            return Fail(IdErrorCode.TooShort, $"{length} letters or digits, expected 14 or 15", value, out error);
        }

        if (length > LengthWithCheckDigit)
        {
            return Fail(IdErrorCode.TooLong, $"{length} letters or digits, expected 14 or 15", value, out error);
        }

        // Separators are all or nothing: none, or exactly before the provider ID, the instance and the check digit.
        if (dashes != 0)
        {
            var expected = length == LengthWithCheckDigit ? 3 : 2;
            if (dashes != expected || value[2] != '-' || value[6] != '-' || (expected == 3 && value[16] != '-'))
            {
                return Fail(IdErrorCode.InvalidSeparators, "'-' separators must stand after the country code, the provider ID and the instance, all or none", value, out error);
            }
        }

        Span<char> buffer = stackalloc char[LengthWithCheckDigit];
        var n = 0;
        foreach (var c in value)
        {
            if (c != '-')
            {
                buffer[n++] = IdText.ToUpper(c);
            }
        }

        ReadOnlySpan<char> compact = buffer[..n];
        if (!IdText.IsLetter(compact[0]) || !IdText.IsLetter(compact[1]))
        {
            return Fail(IdErrorCode.InvalidCountryCode, "it does not start with a two-letter country code", value, out error);
        }

        var warnings = IdWarnings.None;
        if (!CountryCodes.IsAssigned(compact[..2]))
        {
            if (strictness == IdStrictness.Strict)
            {
                return Fail(IdErrorCode.UnknownCountryCode, $"'{compact[..2]}' is not an ISO 3166-1 alpha-2 country code (strict mode)", value, out error);
            }

            warnings |= IdWarnings.UnknownCountryCode;
        }

        var computed = EmaidCheckDigit.Compute(compact[..LengthWithoutCheckDigit]);
        if (n == LengthWithCheckDigit && compact[14] != computed)
        {
            if (strictness == IdStrictness.Strict)
            {
                return Fail(IdErrorCode.WrongCheckDigit, $"the check digit is '{compact[14]}' but the eMI3 check digit of {compact[..LengthWithoutCheckDigit]} is '{computed}' (strict mode)", value, out error);
            }

            warnings |= IdWarnings.WrongCheckDigit;
        }

        id = new Emaid(new string(compact), computed, warnings);
        error = default;
        return true;
    }

    /// <summary>Parses an EMAID leniently, throwing on invalid input (for tests and tools).</summary>
    /// <param name="value">The EMAID.</param>
    /// <returns>The parsed ID.</returns>
    /// <exception cref="FormatException">The value is not an acceptable EMAID.</exception>
    public static Emaid Parse(string value) =>
        TryParse(value, out var id, out var error) ? id : throw new FormatException(error.Message);

    /// <inheritdoc/>
    public bool Equals(Emaid other) => string.Equals(Normalized, other.Normalized, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Emaid other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Normalized);

    /// <summary>Returns the normalised form.</summary>
    /// <returns><see cref="Normalized"/>.</returns>
    public override string ToString() => Normalized;

    /// <summary>Compares two EMAIDs by their normalised form.</summary>
    /// <param name="left">The first ID.</param>
    /// <param name="right">The second ID.</param>
    /// <returns>Whether both are equal.</returns>
    public static bool operator ==(Emaid left, Emaid right) => left.Equals(right);

    /// <summary>Compares two EMAIDs by their normalised form.</summary>
    /// <param name="left">The first ID.</param>
    /// <param name="right">The second ID.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(Emaid left, Emaid right) => !left.Equals(right);

    // DIN SPEC 91286 EVCO-ID: ^[A-Za-z]{2}[*-]?[A-Za-z0-9]{3}[*-]?[A-Za-z0-9]{6}([*-]?[A-Za-z0-9])?$ (mobilityid).
    private static bool LooksLikeDinEvcoId(ReadOnlySpan<char> value)
    {
        var p = 0;
        if (!Take(value, ref p, 2, letters: true))
        {
            return false;
        }

        SkipSeparator(value, ref p);
        if (!Take(value, ref p, 3, letters: false))
        {
            return false;
        }

        SkipSeparator(value, ref p);
        if (!Take(value, ref p, 6, letters: false))
        {
            return false;
        }

        if (p == value.Length)
        {
            return true;
        }

        SkipSeparator(value, ref p);
        return Take(value, ref p, 1, letters: false) && p == value.Length;

        static bool Take(ReadOnlySpan<char> v, ref int p, int count, bool letters)
        {
            for (var i = 0; i < count; i++, p++)
            {
                if (p >= v.Length || !(letters ? IdText.IsLetter(v[p]) : IdText.IsAlnum(v[p])))
                {
                    return false;
                }
            }

            return true;
        }

        static void SkipSeparator(ReadOnlySpan<char> v, ref int p)
        {
            if (p < v.Length && v[p] is '-' or '*')
            {
                p++;
            }
        }
    }

    private static bool Fail(IdErrorCode code, string why, ReadOnlySpan<char> value, out IdError error)
    {
        error = new IdError(code, $"invalid EMAID {IdText.Quote(value)}: {why}; expected {ExpectedFormat}");
        return false;
    }
}
