// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Text;

namespace V2gPki.Fuzz.Mutation;

/// <summary>
/// Serial-number text mutants at the level of its grammar: a value of 1–22 octets (high bit set or clear, leading zero
/// octets, zero itself) written in hex of any case, with or without <c>0x</c> and <c>:</c> separators as openssl prints
/// them, zero-padded to the 128-character limit and past it; then edits of the grammar: separators doubled, leading or
/// trailing, prefixes repeated, whitespace (ASCII and the Unicode spaces that trimming removes) around and inside,
/// non-hex and look-alike digits, truncation.
/// </summary>
/// <param name="seed">The seed.</param>
public sealed class SerialTextMutator(int seed)
{
    private const string Alphabet = "0123456789abcdefABCDEFxX:gG ";

    private readonly TextMutator _m = new(seed);

    /// <summary>The next mutant.</summary>
    /// <returns>A serial as text.</returns>
    public string Next()
    {
        var text = Write(Value());
        var edits = _m.Pick([0, 0, 0, 1, 1, 2]);
        for (var e = 0; e < edits; e++)
        {
            text = Edit(text);
        }

        return text;
    }

    /// <summary>The octets of a value at the interesting lengths: around 20 octets, a high first bit, zero.</summary>
    /// <returns>Big-endian octets, possibly with leading zeros.</returns>
    public byte[] Value()
    {
        var length = _m.Pick([1, 1, 2, 8, 16, 19, 20, 20, 21, 22]);
        var value = _m.Bytes(length);
        switch (_m.Next(6))
        {
            case 0:
                value[0] |= 0x80;
                break;
            case 1:
                value[0] &= 0x7F;
                break;
            case 2:
                value[0] = 0;
                break;
            case 3 when _m.Chance(30):
                Array.Clear(value);
                break;
        }

        return value;
    }

    /// <summary>Writes octets as serial text in one of the forms people paste.</summary>
    /// <param name="value">The octets.</param>
    /// <returns>The text.</returns>
    public string Write(byte[] value)
    {
        var hex = Convert.ToHexString(value);
        hex = _m.Next(3) switch
        {
            0 => hex.ToLowerInvariant(),
            1 => _m.FlipCase(hex, 50),
            _ => hex,
        };
        if (_m.Chance(30))
        {
            hex = hex.TrimStart('0');
        }

        if (_m.Chance(30))
        {
            // openssl x509 -text: two digits and a colon.
            var sb = new StringBuilder();
            for (var i = 0; i < hex.Length; i += 2)
            {
                sb.Append(i == 0 ? string.Empty : ":").Append(hex.AsSpan(i, Math.Min(2, hex.Length - i)));
            }

            hex = sb.ToString();
        }

        if (_m.Chance(15))
        {
            // Zero padding to the 128-character limit, one short of it or one past it.
            var target = _m.Pick([126, 127, 128, 129, 130]) - (hex.Length > 0 && _m.Chance(50) ? 2 : 0);
            hex = hex.PadLeft(Math.Max(hex.Length, target), '0');
        }

        return _m.Pick(["", "", "", "0x", "0X"]) + hex;
    }

    private string Edit(string text) => _m.Next(8) switch
    {
        0 => _m.InsertAnywhere(text, _m.Pick([":", "::", ":"])),
        1 => _m.Pick([":", "0x", "0x0x", "x", "0", "00", "-", "+"]) + text + _m.Pick(["", ":", "h", "0x"]),
        2 => _m.Pick([" ", "\t", "\u00A0", "\u2028", "\u3000", "\u0085", "\uFEFF", "\r\n"]) + text + _m.Pick(["", " ", "\u00A0", "\n"]),
        3 => _m.InsertAnywhere(text, _m.Pick([" ", "\t", "\u00A0"])),
        4 => _m.ReplaceAnywhere(text, _m.Pick(["g", "G", "\uFF10", "\uFF21", "\u0663", "\u00BD", "O", "l", "\0"])),
        5 => text[.._m.Next(text.Length + 1)],
        6 => _m.FlipCase(text, 50),
        _ => _m.Generic(text, Alphabet),
    };
}
