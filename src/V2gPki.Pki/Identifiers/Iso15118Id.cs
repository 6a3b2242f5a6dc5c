// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Pki.Identifiers;

/// <summary>
/// Any one of the ISO 15118 identifiers, reduced to what the CSR rules, the authorization and the CLI need: its type,
/// normalised form, owner prefix, check digit and warnings. The one place that dispatches on <see cref="IdType"/>.
/// </summary>
public readonly struct Iso15118Id : IEquatable<Iso15118Id>
{
    private readonly string? _normalized;
    private readonly string? _ownerPrefix;

    private Iso15118Id(IdType type, string normalized, string ownerPrefix, char? computedCheckDigit, IdWarnings warnings)
    {
        Type = type;
        _normalized = normalized;
        _ownerPrefix = ownerPrefix;
        ComputedCheckDigit = computedCheckDigit;
        Warnings = warnings;
    }

    /// <summary>The identifier type.</summary>
    public IdType Type { get; }

    /// <summary>The normalised form: upper case, no separators.</summary>
    public string Normalized => _normalized ?? string.Empty;

    /// <summary>The owner prefix used for authorization (country + operator/provider, or the WMI).</summary>
    public string OwnerPrefix => _ownerPrefix ?? string.Empty;

    /// <summary>The computed check digit where the type has a public algorithm (EMAID); <see langword="null"/> otherwise.</summary>
    public char? ComputedCheckDigit { get; }

    /// <summary>What lenient parsing accepted but reports.</summary>
    public IdWarnings Warnings { get; }

    /// <summary>Describes the grammar of a type, for messages.</summary>
    /// <param name="type">The identifier type.</param>
    /// <param name="version">The ISO 15118 part whose limits apply.</param>
    /// <returns>The expected format.</returns>
    public static string ExpectedFormat(IdType type, Iso15118Version version) => type switch
    {
        IdType.Evse => EvseId.ExpectedFormat,
        IdType.Secc => SeccId.ExpectedFormat,
        IdType.Emaid => Emaid.ExpectedFormat,
        IdType.Pcid => Pcid.ExpectedFormat(version),
        _ => "a known identifier type (" + IdTypeNames.All + ")",
    };

    /// <summary>Parses an identifier of the given type.</summary>
    /// <param name="type">The identifier type.</param>
    /// <param name="value">The value as received.</param>
    /// <param name="options">Strictness and ISO 15118 part.</param>
    /// <param name="id">The parsed ID; <see langword="default"/> when the method returns <see langword="false"/>.</param>
    /// <param name="error">Why the value was refused; <see cref="IdErrorCode.None"/> on success.</param>
    /// <returns>Whether <paramref name="value"/> is a valid identifier of <paramref name="type"/>.</returns>
    public static bool TryParse(IdType type, ReadOnlySpan<char> value, IdParseOptions options, out Iso15118Id id, out IdError error)
    {
        id = default;
        bool ok;
        switch (type)
        {
            case IdType.Evse:
                ok = EvseId.TryParse(value, out var evse, out error);
                id = ok ? new Iso15118Id(type, evse.Normalized, evse.OwnerPrefix, null, IdWarnings.None) : default;
                return ok;
            case IdType.Secc:
                ok = SeccId.TryParse(value, out var secc, out error);
                id = ok ? new Iso15118Id(type, secc.Normalized, secc.OwnerPrefix, null, IdWarnings.None) : default;
                return ok;
            case IdType.Emaid:
                ok = Emaid.TryParse(value, options.Strictness, out var emaid, out error);
                id = ok ? new Iso15118Id(type, emaid.Normalized, emaid.OwnerPrefix, emaid.ComputedCheckDigit, emaid.Warnings) : default;
                return ok;
            case IdType.Pcid:
                ok = Pcid.TryParse(value, options.Version, out var pcid, out error);
                id = ok ? new Iso15118Id(type, pcid.Normalized, pcid.OwnerPrefix, null, IdWarnings.None) : default;
                return ok;
            default:
                error = new IdError(IdErrorCode.UnknownIdType, $"unknown identifier type {(int)type}; expected one of {IdTypeNames.All}");
                return false;
        }
    }

    /// <inheritdoc/>
    public bool Equals(Iso15118Id other) => Type == other.Type && string.Equals(Normalized, other.Normalized, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Iso15118Id other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Type, StringComparer.Ordinal.GetHashCode(Normalized));

    /// <summary>Returns the normalised form.</summary>
    /// <returns><see cref="Normalized"/>.</returns>
    public override string ToString() => Normalized;

    /// <summary>Compares two identifiers by type and normalised form.</summary>
    /// <param name="left">The first ID.</param>
    /// <param name="right">The second ID.</param>
    /// <returns>Whether both are equal.</returns>
    public static bool operator ==(Iso15118Id left, Iso15118Id right) => left.Equals(right);

    /// <summary>Compares two identifiers by type and normalised form.</summary>
    /// <param name="left">The first ID.</param>
    /// <param name="right">The second ID.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(Iso15118Id left, Iso15118Id right) => !left.Equals(right);
}
