// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Pki.Identifiers;

/// <summary>
/// The names of the identifier types as the CLI and configuration spell them (docs/architecture.md §2).
/// </summary>
public static class IdTypeNames
{
    /// <summary>The names, in the order of <see cref="IdType"/>.</summary>
    public const string All = "evse|secc|emaid|pcid";

    /// <summary>Maps a name (<c>evse</c>, <c>secc</c>, <c>emaid</c>, <c>pcid</c>, any case) to its type.</summary>
    /// <param name="name">The name.</param>
    /// <param name="type">The type; <see cref="IdType.None"/> when the method returns <see langword="false"/>.</param>
    /// <returns>Whether the name is known.</returns>
    public static bool TryParse(ReadOnlySpan<char> name, out IdType type)
    {
        type = name.Equals("evse", StringComparison.OrdinalIgnoreCase) ? IdType.Evse
            : name.Equals("secc", StringComparison.OrdinalIgnoreCase) ? IdType.Secc
            : name.Equals("emaid", StringComparison.OrdinalIgnoreCase) ? IdType.Emaid
            : name.Equals("pcid", StringComparison.OrdinalIgnoreCase) ? IdType.Pcid
            : IdType.None;
        return type != IdType.None;
    }

    /// <summary>The name of a type.</summary>
    /// <param name="type">The type.</param>
    /// <returns>Its name, or <c>none</c>.</returns>
    public static string ToName(IdType type) => type switch
    {
        IdType.Evse => "evse",
        IdType.Secc => "secc",
        IdType.Emaid => "emaid",
        IdType.Pcid => "pcid",
        _ => "none",
    };

    /// <summary>A human name of a type for messages.</summary>
    /// <param name="type">The type.</param>
    /// <returns>For example <c>EMAID</c> or <c>EVSE ID</c>.</returns>
    public static string Describe(IdType type) => type switch
    {
        IdType.Evse => "EVSE ID",
        IdType.Secc => "SECC ID",
        IdType.Emaid => "EMAID",
        IdType.Pcid => "PCID",
        _ => "name",
    };
}
