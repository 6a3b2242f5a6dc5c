// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Text;

namespace V2gPki.Fuzz.Mutation;

/// <summary>
/// The seeded random source and the text edits every structure-aware mutator shares; each mutator adds the edits of
/// its grammar (escapes, separators, JSON tokens) on top.
/// </summary>
/// <param name="seed">The seed (printed by the tests).</param>
public sealed class TextMutator(int seed)
{
    /// <summary>
    /// Characters that parsers get wrong: controls, the whitespace <see cref="string.Trim()"/> removes beyond ASCII
    /// (NBSP, NEL, U+2028, ideographic space), U+FEFF which it does not, non-ASCII letters that case-fold to ASCII in
    /// some tables (long s, dotless i, dotted I, Kelvin sign), full-width letters and digits, and the separators and
    /// delimiters of every grammar here.
    /// </summary>
    public static readonly string[] Oddities =
    [
        "\0", "\t", "\n", "\r", " ", "\u00A0", "\u0085", "\u2028", "\u3000", "\uFEFF", "\uFFFD", "\u017F", "\u0131", "\u0130",
        "\u212A", "\uFF21", "\uFF10", "\u0663", "\u00E9", "%", "?", "#", "/", "\\", "\"", "'", ":", "*", "-", "_", "+", "=", ".",
        ",", "@", "~", "{", "}", "[", "]",
    ];

    private readonly Random _random = new(seed);

    /// <summary>A number in [0, <paramref name="max"/>).</summary>
    /// <param name="max">Exclusive upper bound.</param>
    /// <returns>The number.</returns>
    public int Next(int max) => _random.Next(max);

    /// <summary>A number in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    /// <param name="min">Inclusive lower bound.</param>
    /// <param name="max">Exclusive upper bound.</param>
    /// <returns>The number.</returns>
    public int Next(int min, int max) => _random.Next(min, max);

    /// <summary>True with the given probability.</summary>
    /// <param name="percent">0–100.</param>
    /// <returns>The draw.</returns>
    public bool Chance(int percent) => _random.Next(100) < percent;

    /// <summary>One of <paramref name="items"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">Not empty.</param>
    /// <returns>The item.</returns>
    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>Random bytes.</summary>
    /// <param name="length">How many.</param>
    /// <returns>The bytes.</returns>
    public byte[] Bytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>Changes the case of ASCII letters, each with probability <paramref name="percent"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="percent">Per-letter probability.</param>
    /// <returns>The text with some letters' case flipped.</returns>
    public string FlipCase(string text, int percent)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsAsciiLetter(chars[i]) && Chance(percent))
            {
                chars[i] = (char)(chars[i] ^ 0x20);
            }
        }

        return new string(chars);
    }

    /// <summary>Inserts <paramref name="insert"/> at a random position.</summary>
    /// <param name="text">The text.</param>
    /// <param name="insert">What to insert.</param>
    /// <returns>The text with the insertion.</returns>
    public string InsertAnywhere(string text, string insert) => text.Insert(_random.Next(text.Length + 1), insert);

    /// <summary>Replaces the character at a random position with <paramref name="replacement"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="replacement">What to put there.</param>
    /// <returns>The text with the replacement (or with the insertion when it was empty).</returns>
    public string ReplaceAnywhere(string text, string replacement)
    {
        if (text.Length == 0)
        {
            return replacement;
        }

        var at = _random.Next(text.Length);
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + 1));
    }

    /// <summary>
    /// One to three generic edits: replace, insert or delete a character (from <paramref name="alphabet"/> or
    /// <see cref="Oddities"/>), delete or duplicate a span, swap two neighbours, truncate.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="alphabet">Characters of the grammar, drawn as often as the oddities.</param>
    /// <returns>The edited text.</returns>
    public string Generic(string text, string alphabet)
    {
        var edits = _random.Next(1, 4);
        for (var e = 0; e < edits; e++)
        {
            var c = Chance(50) && alphabet.Length > 0 ? alphabet[_random.Next(alphabet.Length)].ToString() : Pick(Oddities);
            var at = _random.Next(text.Length + 1);
            var span = text.Length - at == 0 ? 0 : _random.Next(1, Math.Min(8, text.Length - at) + 1);
            text = _random.Next(7) switch
            {
                0 => ReplaceAnywhere(text, c),
                1 => text.Insert(at, c),
                2 => text.Remove(at, span),
                3 => text.Insert(at, text.Substring(at, span)),
                4 when at + 1 < text.Length => string.Concat(text.AsSpan(0, at), text.AsSpan(at + 1, 1), text.AsSpan(at, 1), text.AsSpan(at + 2)),
                5 => text[..at],
                _ => FlipCase(text, 20),
            };
        }

        return text;
    }

    /// <summary>A string of <paramref name="length"/> characters drawn from <paramref name="alphabet"/>.</summary>
    /// <param name="alphabet">The characters.</param>
    /// <param name="length">How many.</param>
    /// <returns>The string.</returns>
    public string Of(string alphabet, int length)
    {
        var sb = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            sb.Append(alphabet[_random.Next(alphabet.Length)]);
        }

        return sb.ToString();
    }
}
