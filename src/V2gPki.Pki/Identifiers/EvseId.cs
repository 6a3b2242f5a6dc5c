// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Pki.Identifiers;

/// <summary>
/// An EVSE ID in the ISO 15118-2 Annex H form <c>CC*OOO*E&lt;outlet&gt;</c> (docs/iso15118.md §1.1,
/// docs/architecture.md §10): a two-letter ISO 3166-1 country code, a three-character operator ID, the ID type <c>E</c>
/// and a power outlet ID of 1–31 characters of <c>[A-Z0-9*]</c>. Separators are optional, matching is case-insensitive.
/// </summary>
/// <remarks>
/// The normalised form is the compact form: upper case with every <c>*</c> removed, including those inside the outlet
/// ID (<c>DE*AB7*E840*6487</c> ≡ <c>DEAB7E8406487</c>, as mobilityid's <c>toCompactString</c>; docs/iso15118.md §1.1).
/// A <c>*</c> in the outlet ID is therefore not significant: two IDs that differ only in where their <c>*</c> stand are
/// the same EVSE. The normalised form is 7–37 characters. No check digit exists for EVSE IDs. DIN SPEC 91286 forms
/// (<c>+49*810*000*438</c>) are refused.
/// </remarks>
public readonly struct EvseId : IEquatable<EvseId>
{
    /// <summary>The ISO form, for messages.</summary>
    public const string ExpectedFormat =
        "an ISO 15118-2 EVSE ID CC*OOO*E<outlet>: ISO 3166-1 country code, 3-character operator ID, 'E', 1-31 characters of [A-Z0-9*], '*' separators optional (e.g. DE*AB7*E840*6487)";

    /// <summary>The longest accepted input: <c>CC*OOO*E</c> and a 31-character outlet ID.</summary>
    public const int MaxInputLength = 39;

    /// <summary>The longest normalised form (2 + 3 + 1 + 31).</summary>
    public const int MaxNormalizedLength = 37;

    /// <summary>The shortest normalised form (<c>DEAB7E1</c>).</summary>
    public const int MinNormalizedLength = 7;

    private const int MaxOutletLength = 31;

    private readonly string? _normalized;

    private EvseId(string normalized) => _normalized = normalized;

    /// <summary>The normalised EVSE ID: upper case, no separators, e.g. <c>DEAB7E8406487</c>.</summary>
    public string Normalized => _normalized ?? string.Empty;

    /// <summary>The ISO 3166-1 alpha-2 country code, e.g. <c>DE</c>.</summary>
    public string CountryCode => Normalized[..2];

    /// <summary>The operator ID, e.g. <c>AB7</c>.</summary>
    public string OperatorId => Normalized[2..5];

    /// <summary>The power outlet ID without <c>*</c> separators, e.g. <c>8406487</c>.</summary>
    public string OutletId => Normalized[6..];

    /// <summary>The owner prefix used for authorization: country code + operator ID (5 characters, e.g. <c>DEAB7</c>).</summary>
    public string OwnerPrefix => Normalized[..5];

    /// <summary>The display form <c>CC*OOO*E&lt;outlet&gt;</c>, e.g. <c>DE*AB7*E8406487</c>.</summary>
    public string DisplayForm => $"{CountryCode}*{OperatorId}*E{OutletId}";

    /// <summary>Parses an EVSE ID.</summary>
    /// <param name="value">The EVSE ID as received, with or without <c>*</c> separators, any case.</param>
    /// <param name="id">The parsed ID; <see langword="default"/> when the method returns <see langword="false"/>.</param>
    /// <param name="error">Why the value was refused; <see cref="IdErrorCode.None"/> on success.</param>
    /// <returns>Whether <paramref name="value"/> is a valid ISO 15118-2 EVSE ID.</returns>
    public static bool TryParse(ReadOnlySpan<char> value, out EvseId id, out IdError error)
    {
        id = default;
        if (value.IsEmpty)
        {
            return Fail(IdErrorCode.Empty, "the value is empty", value, out error);
        }

        if (LooksLikeDin(value))
        {
            return Fail(IdErrorCode.DinFormNotSupported, "DIN SPEC 91286 EVSE IDs are not supported; use the ISO 15118-2 form", value, out error);
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (!IdText.IsAlnum(c) && c != '*')
            {
                return Fail(IdErrorCode.InvalidCharacter, $"character {IdText.Describe(c)} at position {i + 1} is not allowed", value, out error);
            }
        }

        if (value.Length > MaxInputLength)
        {
            return Fail(IdErrorCode.TooLong, $"{value.Length} characters, at most {MaxInputLength} with separators", value, out error);
        }

        Span<char> buffer = stackalloc char[MaxNormalizedLength];
        if (!OperatorIdHead.TryRead(value, '*', 'E', buffer, out var p, out var code, out var why))
        {
            return Fail(code, why, value, out error);
        }

        var outlet = value[p..];
        if (outlet.Length > MaxOutletLength)
        {
            return Fail(IdErrorCode.TooLong, $"the power outlet ID has {outlet.Length} characters, at most {MaxOutletLength}", value, out error);
        }

        var n = OperatorIdHead.Length;
        foreach (var c in outlet)
        {
            if (c != '*')
            {
                buffer[n++] = IdText.ToUpper(c);
            }
        }

        if (n == OperatorIdHead.Length)
        {
            return Fail(IdErrorCode.TooShort, "the power outlet ID after 'E' is empty", value, out error);
        }

        id = new EvseId(new string(buffer[..n]));
        error = default;
        return true;
    }

    /// <summary>Parses an EVSE ID, throwing on invalid input (for tests and tools).</summary>
    /// <param name="value">The EVSE ID.</param>
    /// <returns>The parsed ID.</returns>
    /// <exception cref="FormatException">The value is not a valid EVSE ID.</exception>
    public static EvseId Parse(string value) =>
        TryParse(value, out var id, out var error) ? id : throw new FormatException(error.Message);

    /// <inheritdoc/>
    public bool Equals(EvseId other) => string.Equals(Normalized, other.Normalized, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is EvseId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Normalized);

    /// <summary>Returns the normalised form.</summary>
    /// <returns><see cref="Normalized"/>.</returns>
    public override string ToString() => Normalized;

    /// <summary>Compares two EVSE IDs by their normalised form.</summary>
    /// <param name="left">The first ID.</param>
    /// <param name="right">The second ID.</param>
    /// <returns>Whether both are the same EVSE.</returns>
    public static bool operator ==(EvseId left, EvseId right) => left.Equals(right);

    /// <summary>Compares two EVSE IDs by their normalised form.</summary>
    /// <param name="left">The first ID.</param>
    /// <param name="right">The second ID.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(EvseId left, EvseId right) => !left.Equals(right);

    // DIN SPEC 91286: ^\+?[0-9]{1,3}\*[0-9]{3,6}\*[0-9*]{1,32}$ (mobilityid EvseIdDin); a leading '+' alone also says DIN.
    private static bool LooksLikeDin(ReadOnlySpan<char> value)
    {
        if (value[0] == '+')
        {
            return true;
        }

        int p = 0, digits = 0;
        while (p < value.Length && IdText.IsDigit(value[p]))
        {
            p++;
            digits++;
        }

        if (digits is < 1 or > 3 || p >= value.Length || value[p] != '*')
        {
            return false;
        }

        p++;
        digits = 0;
        while (p < value.Length && IdText.IsDigit(value[p]))
        {
            p++;
            digits++;
        }

        if (digits is < 3 or > 6 || p >= value.Length || value[p] != '*')
        {
            return false;
        }

        var rest = value[(p + 1)..];
        if (rest.Length is < 1 or > 32)
        {
            return false;
        }

        foreach (var c in rest)
        {
            if (!IdText.IsDigit(c) && c != '*')
            {
                return false;
            }
        }

        return true;
    }

    private static bool Fail(IdErrorCode code, string why, ReadOnlySpan<char> value, out IdError error)
    {
        error = new IdError(code, $"invalid EVSE ID {IdText.Quote(value)}: {why}; expected {ExpectedFormat}");
        return false;
    }
}
