// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Globalization;
using System.Text;

namespace V2gPki.Fuzz.Mutation;

/// <summary>
/// GET path mutants at the level of RFC 5019 §5 encodings: a valid request (or random bytes of any length) encoded as
/// base64 or base64url, padded or not, with leading slashes, percent-escapes in either case, <c>+</c> as a space or
/// <c>%20</c>; then edits of that structure: a slash inside the base64, broken and doubled escapes, a 4n + 1 length,
/// misplaced or extra <c>=</c>, characters outside the alphabet, truncation.
/// </summary>
/// <param name="seed">The seed.</param>
public sealed class GetPathMutator(int seed)
{
    private const string Alphabet = "ABCDEFMabcdefz0123456789+/=-_% ";

    private readonly TextMutator _m = new(seed);
    private readonly byte[][] _requests = Corpus.Requests();

    /// <summary>The next mutant.</summary>
    /// <returns>A raw target after the route prefix.</returns>
    public string Next()
    {
        var der = _m.Chance(85) ? _m.Pick(_requests) : _m.Bytes(_m.Chance(5) ? _m.Next(3000, 6000) : _m.Next(0, 40));
        var text = Encode(der);
        var edits = _m.Pick([0, 0, 1, 1, 1, 2, 3]);
        for (var e = 0; e < edits; e++)
        {
            text = Edit(text);
        }

        return text;
    }

    /// <summary>Encodes <paramref name="der"/> as a client might put it in a GET path.</summary>
    /// <param name="der">The request.</param>
    /// <returns>The path after the route prefix.</returns>
    public string Encode(byte[] der)
    {
        var base64 = Convert.ToBase64String(der);
        var url = _m.Chance(30);
        base64 = _m.Next(6) switch
        {
            0 => base64.TrimEnd('='),
            1 when base64.EndsWith("==", StringComparison.Ordinal) => base64[..^1],
            2 => base64 + "=",
            _ => base64,
        };
        var escapePercent = _m.Pick([0, 0, 0, 10, 50, 100]);
        var sb = new StringBuilder(base64.Length * 2);
        sb.Append('/', _m.Chance(25) ? _m.Next(1, 4) : 0);
        foreach (var c in base64)
        {
            var d = url ? c switch { '+' => '-', '/' => '_', _ => c } : c;
            if (d == '+' && _m.Chance(20))
            {
                sb.Append(_m.Chance(50) ? " " : "%20");
            }
            else if ((d is '+' or '/' or '=' && _m.Chance(escapePercent)) || _m.Chance(escapePercent / 10))
            {
                AppendEscape(sb, d);
            }
            else
            {
                sb.Append(d);
            }
        }

        return sb.ToString();
    }

    private string Edit(string text)
    {
        var percent = text.IndexOf('%', StringComparison.Ordinal);
        return _m.Next(11) switch
        {
            // A slash inside the base64 is data: it must never be collapsed or skipped.
            0 => _m.InsertAnywhere(text, _m.Chance(50) ? "/" : "//"),
            1 when percent >= 0 => string.Concat(text.AsSpan(0, percent), _m.Pick(["%2", "%G1", "%%", "%2 F", "%-1", "%", "%0", "%\uFF12F"]), text.AsSpan(Math.Min(text.Length, percent + 3))),
            2 when percent >= 0 => text.Insert(percent + 1, "25"),
            2 => _m.InsertAnywhere(text, _m.Pick(["%252F", "%252B", "%253D", "%25"])),
            3 => text.Length > 0 && _m.Chance(50) ? text.Remove(_m.Next(text.Length), 1) : _m.InsertAnywhere(text, _m.Pick(["A", "M", "z", "9"])),
            4 => _m.InsertAnywhere(text, _m.Pick(["=", "==", "%3D", "%3d", "===", "=A"])),
            5 => _m.FlipCase(text, 10),
            6 => _m.ReplaceAnywhere(text, _m.Pick(TextMutator.Oddities)),
            7 => _m.InsertAnywhere(text, _m.Pick(["%09", "%0A", "%0D", "\t", "%00", "%2B", "%2b", "%7E", "%C3%A9", "%FF", "%E2%80%A8"])),
            8 => text[.._m.Next(text.Length + 1)],
            9 => _m.Pick(["/", "//", "///", "", "=", "%2F", "%2FMEU", "/%2F"]) + text,
            _ => _m.Generic(text, Alphabet),
        };
    }

    private void AppendEscape(StringBuilder sb, char c)
    {
        var hex = ((int)c).ToString("X2", CultureInfo.InvariantCulture);
        sb.Append('%').Append(_m.Chance(50) ? hex : hex.ToLowerInvariant());
    }
}
