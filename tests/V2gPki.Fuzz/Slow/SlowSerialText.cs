// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace V2gPki.Fuzz.Slow;

/// <summary>
/// The slow path of serial-number text: the documented rules (surrounding whitespace trimmed, at most 128 characters,
/// one optional <c>0x</c>, <c>:</c> anywhere, hex digits in any case) with <see cref="BigInteger"/> doing the arithmetic:
/// a positive value whose minimal two's-complement big-endian form (the DER INTEGER content, RFC 5280 §4.1.2.2) has
/// at most 20 octets.
/// </summary>
public static partial class SlowSerialText
{
    /// <summary>Parses a serial.</summary>
    /// <param name="text">The text as received.</param>
    /// <returns>The DER INTEGER content octets, or null when the rules refuse the text.</returns>
    public static byte[]? Parse(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length > 128)
        {
            return null;
        }

        if (trimmed.StartsWith("0x", StringComparison.Ordinal) || trimmed.StartsWith("0X", StringComparison.Ordinal))
        {
            trimmed = trimmed[2..];
        }

        var hex = trimmed.Replace(":", string.Empty, StringComparison.Ordinal);
        if (!HexDigits().IsMatch(hex))
        {
            return null;
        }

        var value = BigInteger.Parse("0" + hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        if (value.IsZero)
        {
            return null;
        }

        var content = value.ToByteArray(isUnsigned: false, isBigEndian: true);
        return content.Length <= 20 ? content : null;
    }

    [GeneratedRegex(@"\A[0-9A-Fa-f]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex HexDigits();
}
