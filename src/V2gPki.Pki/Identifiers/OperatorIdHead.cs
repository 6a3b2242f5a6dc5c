// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Pki.Identifiers;

/// <summary>
/// The head that EVSE IDs (ISO 15118-2 Annex H, <c>CC*OOO*E</c>) and SECC IDs (ISO 15118-20, <c>CC-OOO-S</c>) share: an
/// ISO 3166-1 alpha-2 country code, a three-character operator ID and the one-letter ID type, the country code and the
/// operator ID each optionally followed by the ID's separator.
/// </summary>
internal static class OperatorIdHead
{
    /// <summary>The length of the head in normalised form: 2 + 3 + 1.</summary>
    public const int Length = 6;

    /// <summary>Reads the head and writes its normalised form (upper case, no separators) to the first six characters of <paramref name="normalized"/>.</summary>
    /// <param name="value">The whole ID as received: not empty, only letters, digits and <paramref name="separator"/>.</param>
    /// <param name="separator">The ID's optional separator (<c>*</c> or <c>-</c>).</param>
    /// <param name="idType">The upper-case ID type letter (<c>E</c> or <c>S</c>), matched case-insensitively.</param>
    /// <param name="normalized">At least <see cref="Length"/> characters; written only on success.</param>
    /// <param name="next">The index right after the ID type letter; 0 on failure.</param>
    /// <param name="code">Why the head was refused; <see cref="IdErrorCode.None"/> on success.</param>
    /// <param name="why">The reason for the message; empty on success.</param>
    /// <returns>Whether the head is valid.</returns>
    public static bool TryRead(ReadOnlySpan<char> value, char separator, char idType, Span<char> normalized, out int next, out IdErrorCode code, out string why)
    {
        next = 0;
        if (value.Length < 2 || !IdText.IsLetter(value[0]) || !IdText.IsLetter(value[1]))
        {
            return Refuse(IdErrorCode.InvalidCountryCode, "it does not start with a two-letter country code", out code, out why);
        }

        if (!CountryCodes.IsAssigned(value[..2]))
        {
            return Refuse(IdErrorCode.UnknownCountryCode, $"'{value[..2]}' is not an ISO 3166-1 alpha-2 country code", out code, out why);
        }

        var p = SkipSeparator(value, 2, separator);
        if (value.Length - p < 3 || !IdText.IsAlnum(value[p]) || !IdText.IsAlnum(value[p + 1]) || !IdText.IsAlnum(value[p + 2]))
        {
            return Refuse(IdErrorCode.InvalidPartyId, "the operator ID is not 3 letters or digits", out code, out why);
        }

        var op = p;
        p = SkipSeparator(value, p + 3, separator);
        if (p >= value.Length || (value[p] | 0x20) != (idType | 0x20))
        {
            return Refuse(IdErrorCode.MissingIdType, $"the ID type '{idType}' does not follow the operator ID", out code, out why);
        }

        normalized[0] = IdText.ToUpper(value[0]);
        normalized[1] = IdText.ToUpper(value[1]);
        normalized[2] = IdText.ToUpper(value[op]);
        normalized[3] = IdText.ToUpper(value[op + 1]);
        normalized[4] = IdText.ToUpper(value[op + 2]);
        normalized[5] = idType;
        next = p + 1;
        code = IdErrorCode.None;
        why = string.Empty;
        return true;
    }

    /// <summary>The index after an optional separator at <paramref name="p"/>.</summary>
    /// <param name="value">The ID.</param>
    /// <param name="p">Where a separator may stand.</param>
    /// <param name="separator">The separator.</param>
    /// <returns><paramref name="p"/> + 1 when a separator stands there, else <paramref name="p"/>.</returns>
    public static int SkipSeparator(ReadOnlySpan<char> value, int p, char separator) => p < value.Length && value[p] == separator ? p + 1 : p;

    private static bool Refuse(IdErrorCode refused, string reason, out IdErrorCode code, out string why)
    {
        code = refused;
        why = reason;
        return false;
    }
}
