// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Text;

namespace V2gPki.Pki.Identifiers;

/// <summary>Character classes and message helpers shared by the identifier parsers.</summary>
public static class IdText
{
    /// <summary>The longest part of a seen value quoted in a message; identifiers are personal data (docs/architecture.md §9).</summary>
    private const int MaxQuoted = 80;

    /// <summary>Whether <paramref name="c"/> is an ASCII letter.</summary>
    public static bool IsLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

    /// <summary>Whether <paramref name="c"/> is an ASCII digit.</summary>
    public static bool IsDigit(char c) => (uint)(c - '0') <= 9;

    /// <summary>Whether <paramref name="c"/> is an ASCII letter or digit.</summary>
    public static bool IsAlnum(char c) => IsLetter(c) || IsDigit(c);

    /// <summary>Upper-cases an ASCII letter; other characters are returned unchanged.</summary>
    public static char ToUpper(char c) => (uint)(c - 'a') <= 'z' - 'a' ? (char)(c - 0x20) : c;

    /// <summary>Quotes a seen value for a message: at most 80 characters, control and non-ASCII characters shown as <c>?</c>.</summary>
    /// <param name="value">The value as received.</param>
    /// <returns>The value in single quotes.</returns>
    public static string Quote(ReadOnlySpan<char> value)
    {
        var sb = new StringBuilder(Math.Min(value.Length, MaxQuoted) + 8);
        sb.Append('\'');
        var n = Math.Min(value.Length, MaxQuoted);
        for (var i = 0; i < n; i++)
        {
            var c = value[i];
            sb.Append(c is >= ' ' and <= '~' ? c : '?');
        }

        sb.Append('\'');
        if (value.Length > MaxQuoted)
        {
            sb.Append(" (").Append(value.Length).Append(" characters, cut)");
        }

        return sb.ToString();
    }

    /// <summary>Describes one character for a message: printable ASCII as itself, anything else as U+XXXX.</summary>
    public static string Describe(char c) => c is > ' ' and <= '~' ? $"'{c}'" : $"U+{(int)c:X4}";
}
