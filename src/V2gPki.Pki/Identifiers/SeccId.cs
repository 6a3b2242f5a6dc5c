// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Pki.Identifiers;

/// <summary>
/// An ISO 15118-20 SECC ID <c>CC-OOO-S-&lt;controller&gt;-&lt;check&gt;</c> (docs/iso15118.md §1.2,
/// docs/architecture.md §10): a two-letter ISO 3166-1 country code, a three-character operator ID, the ID type
/// <c>S</c>, a controller ID of at least 32 letters or digits and an optional check digit. Each <c>-</c> separator is
/// optional; matching is case-insensitive.
/// </summary>
/// <remarks>
/// The normalised form (upper case, no separators) has 38–64 characters. The check digit algorithm is not public, so it
/// is not verified; without separators a check digit cannot be told apart from the controller ID's last character and
/// is simply part of <see cref="ControllerId"/>.
/// </remarks>
public readonly struct SeccId : IEquatable<SeccId>
{
    /// <summary>The ISO 15118-20 form, for messages.</summary>
    public const string ExpectedFormat =
        "an ISO 15118-20 SECC ID CC-OOO-S-<controller>[-<check digit>]: ISO 3166-1 country code, 3-character operator ID, 'S', a controller ID of at least 32 letters or digits, 38-64 characters without the optional '-' separators (e.g. DE-ICE-S-00003C4D557878675645330967543476-2)";

    /// <summary>The shortest normalised form: 2 + 3 + 1 + 32.</summary>
    public const int MinNormalizedLength = 38;

    /// <summary>The longest normalised form.</summary>
    public const int MaxNormalizedLength = 64;

    /// <summary>The shortest controller ID.</summary>
    public const int MinControllerIdLength = 32;

    private readonly string? _normalized;
    private readonly bool _separateCheckDigit;

    private SeccId(string normalized, bool separateCheckDigit)
    {
        _normalized = normalized;
        _separateCheckDigit = separateCheckDigit;
    }

    /// <summary>The normalised SECC ID: upper case, no separators.</summary>
    public string Normalized => _normalized ?? string.Empty;

    /// <summary>The ISO 3166-1 alpha-2 country code.</summary>
    public string CountryCode => Normalized[..2];

    /// <summary>The operator ID.</summary>
    public string OperatorId => Normalized[2..5];

    /// <summary>The controller ID (including an unseparated check digit, which cannot be told apart).</summary>
    public string ControllerId => _separateCheckDigit ? Normalized[6..^1] : Normalized[6..];

    /// <summary>The check digit when it was written after its own <c>-</c> separator; <see langword="null"/> otherwise.</summary>
    public char? CheckDigit => _separateCheckDigit ? Normalized[^1] : null;

    /// <summary>The owner prefix used for authorization: country code + operator ID (5 characters).</summary>
    public string OwnerPrefix => Normalized[..5];

    /// <summary>Parses a SECC ID.</summary>
    /// <param name="value">The SECC ID as received, with or without <c>-</c> separators, any case.</param>
    /// <param name="id">The parsed ID; <see langword="default"/> when the method returns <see langword="false"/>.</param>
    /// <param name="error">Why the value was refused; <see cref="IdErrorCode.None"/> on success.</param>
    /// <returns>Whether <paramref name="value"/> is a valid ISO 15118-20 SECC ID.</returns>
    public static bool TryParse(ReadOnlySpan<char> value, out SeccId id, out IdError error)
    {
        id = default;
        if (value.IsEmpty)
        {
            return Fail(IdErrorCode.Empty, "the value is empty", value, out error);
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (!IdText.IsAlnum(c) && c != '-')
            {
                var hint = c == '*' ? " (a SECC ID uses '-' separators; '*' belongs to the ISO 15118-2 EVSE ID)" : string.Empty;
                return Fail(IdErrorCode.InvalidCharacter, $"character {IdText.Describe(c)} at position {i + 1} is not allowed{hint}", value, out error);
            }
        }

        // Longest input: 64 characters plus the four separators.
        if (value.Length > MaxNormalizedLength + 4)
        {
            return Fail(IdErrorCode.TooLong, $"{value.Length} characters, at most {MaxNormalizedLength} without separators", value, out error);
        }

        Span<char> buffer = stackalloc char[MaxNormalizedLength];
        if (!OperatorIdHead.TryRead(value, '-', 'S', buffer, out var p, out var code, out var why))
        {
            return Fail(code, why, value, out error);
        }

        p = OperatorIdHead.SkipSeparator(value, p, '-');
        var rest = value[p..];
        var dash = rest.IndexOf('-');
        var separateCheckDigit = false;
        if (dash >= 0)
        {
            // Only one more separator may follow: the one before a single check digit, which is no separator itself.
            if (dash != rest.Length - 2 || dash == 0 || rest[^1] == '-')
            {
                return Fail(IdErrorCode.InvalidSeparators, "a '-' stands inside the controller ID or is doubled; only the check digit may follow the last '-'", value, out error);
            }

            separateCheckDigit = true;
            if (dash < MinControllerIdLength)
            {
                return Fail(IdErrorCode.TooShort, $"the controller ID has {dash} characters, at least {MinControllerIdLength}", value, out error);
            }
        }

        var normalizedLength = OperatorIdHead.Length + rest.Length - (separateCheckDigit ? 1 : 0);
        if (normalizedLength < MinNormalizedLength)
        {
            return Fail(IdErrorCode.TooShort, $"{normalizedLength} characters without separators, at least {MinNormalizedLength}", value, out error);
        }

        if (normalizedLength > MaxNormalizedLength)
        {
            return Fail(IdErrorCode.TooLong, $"{normalizedLength} characters without separators, at most {MaxNormalizedLength}", value, out error);
        }

        var n = OperatorIdHead.Length;
        foreach (var c in rest)
        {
            if (c != '-')
            {
                buffer[n++] = IdText.ToUpper(c);
            }
        }

        id = new SeccId(new string(buffer[..n]), separateCheckDigit);
        error = default;
        return true;
    }

    /// <summary>Parses a SECC ID, throwing on invalid input (for tests and tools).</summary>
    /// <param name="value">The SECC ID.</param>
    /// <returns>The parsed ID.</returns>
    /// <exception cref="FormatException">The value is not a valid SECC ID.</exception>
    public static SeccId Parse(string value) =>
        TryParse(value, out var id, out var error) ? id : throw new FormatException(error.Message);

    /// <inheritdoc/>
    public bool Equals(SeccId other) => string.Equals(Normalized, other.Normalized, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SeccId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Normalized);

    /// <summary>Returns the normalised form.</summary>
    /// <returns><see cref="Normalized"/>.</returns>
    public override string ToString() => Normalized;

    /// <summary>Compares two SECC IDs by their normalised form.</summary>
    /// <param name="left">The first ID.</param>
    /// <param name="right">The second ID.</param>
    /// <returns>Whether both are equal.</returns>
    public static bool operator ==(SeccId left, SeccId right) => left.Equals(right);

    /// <summary>Compares two SECC IDs by their normalised form.</summary>
    /// <param name="left">The first ID.</param>
    /// <param name="right">The second ID.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(SeccId left, SeccId right) => !left.Equals(right);

    private static bool Fail(IdErrorCode code, string why, ReadOnlySpan<char> value, out IdError error)
    {
        error = new IdError(code, $"invalid SECC ID {IdText.Quote(value)}: {why}; expected {ExpectedFormat}");
        return false;
    }
}
