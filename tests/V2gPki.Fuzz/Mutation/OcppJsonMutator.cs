// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Globalization;
using System.Text;

namespace V2gPki.Fuzz.Mutation;

/// <summary>
/// GetCertificateStatus bodies built from the <c>OCSPRequestDataType</c> structure, then mutated at its levels: field
/// names (case, typos, escapes, duplicates with other values, missing fields, other order), values (each JSON kind;
/// hashes as hex in any case or base64/base64url padded, unpadded, partly padded or over-padded, of the right length,
/// one octet off or of another algorithm's length, with surrounding or inner whitespace; algorithm spellings; serials
/// from <see cref="SerialTextMutator"/>; a <c>responderURL</c> around its 512-character limit), string escapes
/// (<c>\u</c> escapes, lone surrogates), the wrapper object, <c>customData</c> nested around the depth limit of 16, and
/// JSON tokens (a structural character dropped, trailing commas, comments, a BOM, trailing data, invalid UTF-8,
/// truncation).
/// </summary>
/// <param name="seed">The seed.</param>
public sealed class OcppJsonMutator(int seed)
{
    private static readonly string[] FieldNames = ["hashAlgorithm", "issuerNameHash", "issuerKeyHash", "serialNumber"];

    private static readonly string[] Algorithms =
        ["SHA256", "SHA384", "SHA512", "sha256", "Sha-384", "SHA-512", " SHA256 ", "SHA256\u00A0", "SHA1", "SHA-1", "SHA2560", "SHA-25", "SHA--256", "SHA 256",
        "MD5", "", "\u017FHA256", "SHA\uFF12\uFF15\uFF16"];

    private static readonly string[] OtherValues = ["256", "null", "true", "false", "{}", "[]", "[\"SHA256\"]", "1e3", "-0", "{\"a\":1}", "\"\""];

    private readonly TextMutator _m = new(seed);
    private readonly SerialTextMutator _serials = new(seed ^ 0x0CB9);

    /// <summary>The next mutant.</summary>
    /// <returns>A request body.</returns>
    public byte[] Next()
    {
        // The first six spellings are valid; the others come in below, one time in ten.
        var algorithm = Algorithms[_m.Next(6)];
        var length = algorithm.Contains("384", StringComparison.Ordinal) ? 48 : algorithm.Contains("512", StringComparison.Ordinal) ? 64 : 32;
        if (_m.Chance(10))
        {
            algorithm = _m.Pick(Algorithms);
        }

        if (_m.Chance(8))
        {
            length = _m.Pick([20, 32, 48, 64]);
        }

        var fields = new List<(string Name, string Value)>
        {
            ("hashAlgorithm", String(algorithm)),
            ("issuerNameHash", Hash(length)),
            ("issuerKeyHash", Hash(length)),
            ("serialNumber", String(_serials.Next())),
        };
        if (_m.Chance(30))
        {
            fields.Add(("responderURL", ResponderUrl()));
        }

        if (_m.Chance(15))
        {
            fields.Add(("customData", CustomData()));
        }

        EditFields(fields);
        var body = Object(fields);
        if (_m.Chance(60))
        {
            var outer = new List<(string Name, string Value)> { (_m.Chance(10) ? _m.FlipCase("ocspRequestData", 30) : "ocspRequestData", _m.Chance(4) ? _m.Pick(OtherValues) : body) };
            if (_m.Chance(15))
            {
                outer.Add(("customData", CustomData()));
            }

            if (_m.Chance(10))
            {
                outer.Insert(_m.Next(2), ("ocspRequestData", _m.Pick(OtherValues)));
            }

            body = Object(outer);
        }

        if (_m.Chance(15))
        {
            body = EditJson(body);
        }

        var bytes = Encoding.UTF8.GetBytes(body);
        if (_m.Chance(3) && bytes.Length > 0)
        {
            bytes[_m.Next(bytes.Length)] = _m.Pick<byte>([0xFF, 0xC0, 0x80, 0xED, 0x00]);
        }

        return bytes;
    }

    private void EditFields(List<(string Name, string Value)> fields)
    {
        var edits = _m.Pick([0, 0, 0, 1, 1, 2]);
        for (var e = 0; e < edits; e++)
        {
            var at = _m.Next(fields.Count);
            (var name, var value) = fields[at];
            switch (_m.Next(9))
            {
                case 0:
                    fields.RemoveAt(at);
                    break;
                case 1:
                    fields[at] = (_m.FlipCase(name, 30), value);
                    break;
                case 2:
                    fields[at] = (_m.Generic(name, "aAeEhHsS"), value);
                    break;
                case 3:
                    // The same field again, exactly or in another case, with another value: which one wins?
                    fields.Insert(_m.Next(fields.Count + 1), (_m.Chance(50) ? name : _m.FlipCase(name, 50), _m.Chance(50) ? _m.Pick(OtherValues) : Hash(_m.Pick([20, 32, 48, 64]))));
                    break;
                case 4:
                    fields[at] = (name, _m.Pick(OtherValues));
                    break;
                case 5:
                    (fields[at], fields[^1]) = (fields[^1], fields[at]);
                    break;
                case 6:
                    // A lone surrogate escape: valid JSON that System.Text.Json cannot hand out as a string.
                    var surrogate = _m.Pick(["\\uD800", "\\uDC00", "\\uDBFF\\u0041", "\\uD83D\\uDE00"]);
                    fields[at] = _m.Chance(50) || value[0] != '"' ? (name + surrogate, value) : (name, value.Insert(_m.Next(1, value.Length), surrogate));
                    break;
                case 7:
                    fields.Add((_m.Pick(FieldNames), String(_m.Pick(["", " ", "00", new string('0', 64)]))));
                    break;
                default:
                    fields[at] = (name, value.Length > 2 && value[0] == '"' ? string.Concat("\"", _m.Generic(value[1..^1], "0123456789abcdefABCDEF+/=-_:"), "\"") : value);
                    break;
            }
        }
    }

    private string Hash(int length)
    {
        var octets = _m.Chance(10) ? length + _m.Pick([-1, 1, -12, 16, 32]) : length;
        var hash = _m.Bytes(Math.Max(0, octets));
        string text;
        switch (_m.Next(10))
        {
            case < 4:
                text = _m.Next(3) switch
                {
                    0 => Convert.ToHexString(hash),
                    1 => Convert.ToHexStringLower(hash),
                    _ => _m.FlipCase(Convert.ToHexString(hash), 50),
                };
                break;
            default:
                var base64 = Convert.ToBase64String(hash);
                if (_m.Chance(40))
                {
                    base64 = base64.Replace('+', '-').Replace('/', '_');
                }

                text = _m.Next(5) switch
                {
                    0 => base64.TrimEnd('='),
                    1 => base64.EndsWith("==", StringComparison.Ordinal) ? base64[..^1] : base64,
                    2 => base64 + "=",
                    // A non-canonical last character: the same octets for a lenient base64 decoder.
                    3 when base64.EndsWith('=') => NonCanonical(base64),
                    _ => base64,
                };
                break;
        }

        if (_m.Chance(8))
        {
            text = _m.Pick([" ", "\t", "\u00A0", "\u2028", "\n"]) + text + _m.Pick(["", " ", "\u3000"]);
        }

        if (_m.Chance(5))
        {
            text = _m.InsertAnywhere(text, _m.Pick([" ", "\t", "\r\n", "=", "%"]));
        }

        return String(text);
    }

    private string NonCanonical(string base64)
    {
        var last = base64.TrimEnd('=').Length - 1;
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        var index = Alphabet.IndexOf(base64[last], StringComparison.Ordinal);
        var other = Alphabet[index < 0 ? 1 : (index | 1) ^ (_m.Chance(50) ? 0 : 2)];
        return string.Concat(base64.AsSpan(0, last), other.ToString(), base64.AsSpan(last + 1));
    }

    private string ResponderUrl()
    {
        if (_m.Chance(15))
        {
            return _m.Pick(OtherValues);
        }

        var url = "http://ocsp.example/";
        var length = _m.Pick([20, 511, 512, 513, 2000]);
        return String(url + new string('a', Math.Max(0, length - url.Length)));
    }

    private string CustomData()
    {
        // Depth: the body object is 1, ocspRequestData 2, customData 2 or 3; the handler allows 16.
        var depth = _m.Pick([1, 2, 12, 13, 14, 15, 16]);
        return "{\"vendorId\":\"x\",\"deep\":" + new string('[', depth) + new string(']', depth) + "}";
    }

    private string Object(List<(string Name, string Value)> fields)
    {
        var space = _m.Chance(20) ? _m.Pick([" ", "\n  ", "\t", "\r\n"]) : string.Empty;
        var sb = new StringBuilder("{");
        for (var i = 0; i < fields.Count; i++)
        {
            sb.Append(i == 0 ? string.Empty : ",").Append(space).Append(String(fields[i].Name)).Append(':').Append(space).Append(fields[i].Value);
        }

        return sb.Append(space).Append('}').ToString();
    }

    // A JSON string token: the mandatory escapes, and sometimes \u escapes of ordinary characters. Text that already
    // holds an escape sequence (a surrogate inserted by EditFields) is passed through.
    private string String(string text)
    {
        if (text.Contains("\\u", StringComparison.Ordinal))
        {
            return "\"" + text + "\"";
        }

        var escapeMore = _m.Chance(5);
        var sb = new StringBuilder("\"");
        foreach (var c in text)
        {
            if (c is '"' or '\\' or < ' ' || (escapeMore && _m.Chance(30)))
            {
                sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.Append('"').ToString();
    }

    // Drops one of the structural characters ({ } [ ] : , ").
    private string RemoveStructural(string body)
    {
        int[] positions = [.. Enumerable.Range(0, body.Length).Where(i => body[i] is '{' or '}' or '[' or ']' or ':' or ',' or '"')];
        return positions.Length == 0 ? body : body.Remove(_m.Pick(positions), 1);
    }

    private string EditJson(string body)
    {
        return _m.Next(9) switch
        {
            0 => RemoveStructural(body),
            1 => body.Insert(Math.Max(0, body.Length - 1), ","),
            2 => _m.InsertAnywhere(body, "/*x*/"),
            3 => "\uFEFF" + body,
            4 => body + _m.Pick(["x", "{}", " ", "\n", "\0", "]"]),
            5 => body[.._m.Next(body.Length + 1)],
            6 => _m.Pick(["[", "\"", "1", "null", ""]) + body,
            7 => "[" + body + "]",
            _ => _m.Generic(body, "{}[]:,\"\\"),
        };
    }
}
