// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Pki.Identifiers;

/// <summary>
/// A provisioning certificate identifier (docs/iso15118.md §3, docs/architecture.md §10): the vehicle maker's WMI (3
/// characters), the OEM's own unique ID and an optional check character, letters and digits only, no separators. ISO
/// 15118-2 profiles take 17 or 18 characters (OPCP <c>^[a-zA-Z0-9]{17,18}$</c>); ISO 15118-20 profiles take 17 to 64
/// (Hubject PCP's "new limit up to 64 characters"). Compared case-insensitively, written upper case. The check
/// character's algorithm (VDE-AR-E 2802-100-1) is not public and is not verified.
/// </summary>
public readonly struct Pcid : IEquatable<Pcid>
{
    /// <summary>The shortest PCID (WMI + 14 characters).</summary>
    public const int MinLength = 17;

    /// <summary>The longest PCID for ISO 15118-2 profiles (with the check character).</summary>
    public const int MaxLengthPart2 = 18;

    /// <summary>The longest PCID for ISO 15118-20 profiles.</summary>
    public const int MaxLengthPart20 = 64;

    private readonly string? _normalized;

    private Pcid(string normalized) => _normalized = normalized;

    /// <summary>The normalised PCID: upper case.</summary>
    public string Normalized => _normalized ?? string.Empty;

    /// <summary>The World Manufacturer Identifier (ISO 3780), the first three characters.</summary>
    public string Wmi => Normalized[..3];

    /// <summary>The owner prefix used for authorization: the WMI.</summary>
    public string OwnerPrefix => Wmi;

    /// <summary>The expected format for a version, for messages.</summary>
    /// <param name="version">The ISO 15118 part whose limit applies.</param>
    /// <returns>A description of the grammar.</returns>
    public static string ExpectedFormat(Iso15118Version version) =>
        $"a PCID: {MinLength}-{MaxLength(version)} letters or digits, no separators, starting with the 3-character WMI (e.g. WP012345678901234)";

    /// <summary>The longest PCID for a version.</summary>
    /// <param name="version">The ISO 15118 part.</param>
    /// <returns>18 for ISO 15118-2, 64 for ISO 15118-20.</returns>
    public static int MaxLength(Iso15118Version version) => version == Iso15118Version.Part20 ? MaxLengthPart20 : MaxLengthPart2;

    /// <summary>Parses a PCID with the ISO 15118-2 limits (17 or 18 characters).</summary>
    /// <param name="value">The PCID as received.</param>
    /// <param name="id">The parsed ID; <see langword="default"/> when the method returns <see langword="false"/>.</param>
    /// <param name="error">Why the value was refused; <see cref="IdErrorCode.None"/> on success.</param>
    /// <returns>Whether <paramref name="value"/> is a valid PCID.</returns>
    public static bool TryParse(ReadOnlySpan<char> value, out Pcid id, out IdError error) =>
        TryParse(value, Iso15118Version.Part2, out id, out error);

    /// <summary>Parses a PCID with the limits of an ISO 15118 part.</summary>
    /// <param name="value">The PCID as received.</param>
    /// <param name="version">The ISO 15118 part whose length limit applies.</param>
    /// <param name="id">The parsed ID; <see langword="default"/> when the method returns <see langword="false"/>.</param>
    /// <param name="error">Why the value was refused; <see cref="IdErrorCode.None"/> on success.</param>
    /// <returns>Whether <paramref name="value"/> is a valid PCID.</returns>
    public static bool TryParse(ReadOnlySpan<char> value, Iso15118Version version, out Pcid id, out IdError error)
    {
        id = default;
        if (value.IsEmpty)
        {
            return Fail(IdErrorCode.Empty, "the value is empty", value, version, out error);
        }

        for (var i = 0; i < value.Length; i++)
        {
            if (!IdText.IsAlnum(value[i]))
            {
                return Fail(IdErrorCode.InvalidCharacter, $"character {IdText.Describe(value[i])} at position {i + 1} is not allowed", value, version, out error);
            }
        }

        var max = MaxLength(version);
        if (value.Length < MinLength)
        {
            return Fail(IdErrorCode.TooShort, $"{value.Length} characters, at least {MinLength}", value, version, out error);
        }

        if (value.Length > max)
        {
            return Fail(IdErrorCode.TooLong, $"{value.Length} characters, at most {max}", value, version, out error);
        }

        Span<char> buffer = stackalloc char[MaxLengthPart20];
        for (var i = 0; i < value.Length; i++)
        {
            buffer[i] = IdText.ToUpper(value[i]);
        }

        id = new Pcid(new string(buffer[..value.Length]));
        error = default;
        return true;
    }

    /// <summary>Parses a PCID with the ISO 15118-2 limits, throwing on invalid input (for tests and tools).</summary>
    /// <param name="value">The PCID.</param>
    /// <returns>The parsed ID.</returns>
    /// <exception cref="FormatException">The value is not a valid PCID.</exception>
    public static Pcid Parse(string value) =>
        TryParse(value, out var id, out var error) ? id : throw new FormatException(error.Message);

    /// <inheritdoc/>
    public bool Equals(Pcid other) => string.Equals(Normalized, other.Normalized, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Pcid other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Normalized);

    /// <summary>Returns the normalised form.</summary>
    /// <returns><see cref="Normalized"/>.</returns>
    public override string ToString() => Normalized;

    /// <summary>Compares two PCIDs case-insensitively (by their normalised form).</summary>
    /// <param name="left">The first ID.</param>
    /// <param name="right">The second ID.</param>
    /// <returns>Whether both are equal.</returns>
    public static bool operator ==(Pcid left, Pcid right) => left.Equals(right);

    /// <summary>Compares two PCIDs case-insensitively (by their normalised form).</summary>
    /// <param name="left">The first ID.</param>
    /// <param name="right">The second ID.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(Pcid left, Pcid right) => !left.Equals(right);

    private static bool Fail(IdErrorCode code, string why, ReadOnlySpan<char> value, Iso15118Version version, out IdError error)
    {
        error = new IdError(code, $"invalid PCID {IdText.Quote(value)}: {why}; expected {ExpectedFormat(version)}");
        return false;
    }
}
