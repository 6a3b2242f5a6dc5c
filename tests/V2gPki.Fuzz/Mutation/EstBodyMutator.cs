// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Text;
using V2gPki.Est;

namespace V2gPki.Fuzz.Mutation;

/// <summary>
/// EST request body mutants at the level of what clients send: a CSR (the openssl fixture, or a synthetic SEQUENCE at
/// the length-form boundaries and around <see cref="EstRequestBody.MaxDerLength"/>), edited as DER (truncated, bytes
/// appended, a second CSR, non-minimal or indefinite length, another tag), then sent raw, as base64 in one line or
/// wrapped at any width with LF, CRLF or CR, as CitrineOS flattens a PEM, or in PEM armour (either label, a wrong or
/// missing END line, headers, text around it); then edits of that text: white space and padding moved, added or
/// removed, characters outside the alphabet (base64url, percent-escapes, controls, non-ASCII, a byte-order mark), case
/// flipped, truncation, two bodies joined, and now and then a raw byte edit.
/// </summary>
/// <param name="seed">The seed.</param>
public sealed class EstBodyMutator(int seed)
{
    private const string Alphabet = "AMZaz09+/= \t\r\n-";

    private static readonly int[] SyntheticLengths =
        [2, 3, 127, 128, 129, 130, 131, 255, 256, 257, 258, 259, EstRequestBody.MaxDerLength - 1, EstRequestBody.MaxDerLength, EstRequestBody.MaxDerLength + 1];

    private readonly TextMutator _m = new(seed);
    private readonly byte[] _csr = Corpus.EstCsr();

    /// <summary>The next mutant.</summary>
    /// <returns>A request body.</returns>
    public byte[] Next()
    {
        var der = _m.Next(10) switch
        {
            < 7 => _csr,
            < 9 => Synthetic(_m.Pick(SyntheticLengths)),
            _ => _m.Bytes(_m.Next(0, 24)),
        };
        if (_m.Chance(30))
        {
            der = EditDer(der);
        }

        if (_m.Chance(12))
        {
            return RawEdit(der);
        }

        var text = _m.Next(10) switch
        {
            < 3 => Convert.ToBase64String(der),
            < 6 => Wrap(Convert.ToBase64String(der)),
            6 => Pem(der).Replace("-----BEGIN CERTIFICATE REQUEST-----", "", StringComparison.Ordinal)
                .Replace("-----END CERTIFICATE REQUEST-----", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal),
            _ => EditPem(Pem(der)),
        };
        var edits = _m.Pick([0, 0, 0, 1, 1, 2, 3]);
        for (var e = 0; e < edits; e++)
        {
            text = EditText(text);
        }

        var body = Encoding.UTF8.GetBytes(text);
        return _m.Chance(5) ? RawEdit(body) : body;
    }

    // A SEQUENCE of exactly `length` bytes, header included, with seeded content; the lengths no minimal header fits
    // (130, 259) get a non-minimal one.
    private byte[] Synthetic(int length)
    {
        var header = length switch
        {
            <= 2 + 0x7F => 2,
            <= 3 + 0xFF => 3,
            _ => 4,
        };
        var content = length - header;
        byte[] der = [0x30, .. header switch
        {
            2 => new[] { (byte)content },
            3 => [0x81, (byte)content],
            _ => [0x82, (byte)(content >> 8), (byte)content],
        }, .. _m.Bytes(content)];
        return der;
    }

    private byte[] EditDer(byte[] der)
    {
        var content = der.Length > 2 ? der.AsSpan(2).ToArray() : [];
        return _m.Next(8) switch
        {
            0 => der[.._m.Next(der.Length + 1)],
            1 => [.. der, .. _m.Bytes(_m.Next(1, 4))],
            2 => [.. der, .. _csr],
            // The same content under a non-minimal length (X.690 §10.1), or the indefinite form with its end octets.
            3 when der.Length is > 2 and < 130 && der[1] < 0x80 => [0x30, 0x81, der[1], .. content],
            4 when der.Length is > 2 and < 130 && der[1] < 0x80 => [0x30, 0x82, 0x00, der[1], .. content],
            5 when der.Length > 2 && der[1] < 0x80 => [0x30, 0x80, .. content, 0x00, 0x00],
            6 when der.Length > 0 => [_m.Pick(new byte[] { 0x31, 0x10, 0xA0, 0x04, 0x2D, 0x4D }), .. der.AsSpan(1)],
            _ => FlipByte(der),
        };
    }

    private byte[] FlipByte(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return bytes;
        }

        var copy = (byte[])bytes.Clone();
        copy[_m.Next(copy.Length)] ^= (byte)_m.Next(1, 256);
        return copy;
    }

    private byte[] RawEdit(byte[] bytes)
    {
        var at = _m.Next(bytes.Length + 1);
        return _m.Next(4) switch
        {
            0 => FlipByte(bytes),
            1 => [.. bytes.AsSpan(0, at), (byte)_m.Next(256), .. bytes.AsSpan(at)],
            2 when at < bytes.Length => [.. bytes.AsSpan(0, at), .. bytes.AsSpan(at + 1)],
            _ => [.. _m.Pick(new byte[][] { [0xEF, 0xBB, 0xBF], [0x00], [0x30], [0x20], [0x0A] }), .. bytes],
        };
    }

    private string Wrap(string base64)
    {
        var width = _m.Chance(50) ? _m.Pick([64, 76]) : _m.Next(1, 100);
        var lineEnd = _m.Pick(["\n", "\r\n", "\n", "\r", " "]);
        var sb = new StringBuilder(base64.Length + (base64.Length / width * 2) + 2);
        for (var i = 0; i < base64.Length; i += width)
        {
            sb.Append(base64, i, Math.Min(width, base64.Length - i));
            if (i + width < base64.Length || _m.Chance(50))
            {
                sb.Append(lineEnd);
            }
        }

        return sb.ToString();
    }

    private string Pem(byte[] der)
    {
        var label = _m.Chance(85) ? "CERTIFICATE REQUEST" : "NEW CERTIFICATE REQUEST";
        var pem = $"-----BEGIN {label}-----\n{Wrap(Convert.ToBase64String(der)).TrimEnd()}\n-----END {label}-----\n";
        return _m.Chance(25) ? pem.Replace("\n", "\r\n", StringComparison.Ordinal) : pem;
    }

    private string EditPem(string pem)
    {
        if (_m.Chance(55))
        {
            return pem;
        }

        var end = pem.IndexOf("-----END ", StringComparison.Ordinal);
        return _m.Next(9) switch
        {
            0 => pem.Replace("CERTIFICATE REQUEST", _m.Pick(["CERTIFICATE", "X509 CRL", "certificate request", "CERTIFICATE  REQUEST", "NEW CERTIFICATE REQUEST", ""]), StringComparison.Ordinal),
            1 => string.Concat(pem.AsSpan(0, end), pem.AsSpan(end).ToString().Replace("CERTIFICATE REQUEST", _m.Pick(["NEW CERTIFICATE REQUEST", "CERTIFICATE", "CERTIFICATE REQUEST-"]), StringComparison.Ordinal)),
            2 => pem[..end],
            3 => pem + _m.Pick(["x", "-----END CERTIFICATE REQUEST-----", pem, "\0", "\u00A0"]),
            4 => _m.Pick(["\n", "  ", "\r\n\t", "x", "\uFEFF", "\0"]) + pem,
            5 => pem.Insert(pem.IndexOf('\n', StringComparison.Ordinal) + 1, _m.Pick(["Proc-Type: 4,ENCRYPTED\n\n", "\n", "   \n", "Comment: x\n"])),
            6 => pem.Replace("-----", _m.Pick(["----", "------", "- ---"]), StringComparison.Ordinal),
            7 => pem.Insert(end, _m.Pick(["-", "--", "=", "==", "\n-----END CERTIFICATE REQUEST-----\n"])),
            _ => pem.Replace("\n", "", StringComparison.Ordinal),
        };
    }

    private string EditText(string text)
    {
        var pad = text.IndexOf('=', StringComparison.Ordinal);
        return _m.Next(12) switch
        {
            0 => _m.InsertAnywhere(text, _m.Pick([" ", "\t", "\r", "\n", "\r\n", "\f", "\v", "  \t"])),
            1 when pad >= 0 => text.Remove(pad, 1),
            1 or 2 => _m.InsertAnywhere(text, _m.Pick(["=", "==", "===", "=A", "=\n="])),
            3 => _m.InsertAnywhere(text, _m.Pick(["-", "_", "%2B", "%2F", "%3D", ".", ":", "*", "\"", "\0", "\u00E9", "\uFFFD", "\u00A0"])),
            4 when text.Length > 0 => text.Remove(_m.Next(text.Length), 1),
            5 => _m.InsertAnywhere(text, _m.Pick(["A", "M", "z", "9", "+", "/"])),
            6 => _m.FlipCase(text, 3),
            7 => text[.._m.Next(text.Length + 1)],
            8 => text + _m.Pick(["\n", "", "\r\n"]) + Convert.ToBase64String(_csr),
            9 => text.Replace('+', '-').Replace('/', '_'),
            10 => _m.ReplaceAnywhere(text, _m.Pick(TextMutator.Oddities)),
            _ => _m.Generic(text, Alphabet),
        };
    }
}
