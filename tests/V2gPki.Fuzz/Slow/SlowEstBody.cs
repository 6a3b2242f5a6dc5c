// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Formats.Asn1;
using System.Text;
using System.Text.RegularExpressions;
using V2gPki.Est;

namespace V2gPki.Fuzz.Slow;

/// <summary>
/// The slow path of the EST request body decoder, written from the rules of <see cref="EstRequestBody"/>'s
/// documentation (RFC 7030 §4.2.1, RFC 8951 §3, RFC 7468, RFC 4648) with the BCL's own pieces: a body whose first byte
/// is 0x30 is DER; else the text trimmed of spaces, tabs, CR and LF is either PEM (a regular expression for the armour
/// and its label) or base64; white space is removed with a regular expression, the alphabet and padding checked with
/// another, and <see cref="Convert.FromBase64String"/> decodes; <see cref="AsnDecoder.TryReadEncodedValue"/> under DER
/// rules then checks for exactly one SEQUENCE; at most <see cref="EstRequestBody.MaxDerLength"/> bytes.
/// </summary>
public static partial class SlowEstBody
{
    /// <summary>Decodes a body.</summary>
    /// <param name="body">The request body.</param>
    /// <returns>The DER, or null when the rules refuse the body.</returns>
    public static byte[]? Decode(byte[] body)
    {
        byte[]? der;
        if (body.Length > 0 && body[0] == 0x30)
        {
            der = body;
        }
        else
        {
            // Latin-1: one character per byte, so a non-ASCII byte stays one character outside every pattern.
            var text = Encoding.Latin1.GetString(body).Trim(' ', '\t', '\r', '\n');
            if (text.Length == 0)
            {
                return null;
            }

            if (text.StartsWith("-----BEGIN ", StringComparison.Ordinal))
            {
                var pem = Pem().Match(text);
                if (!pem.Success)
                {
                    return null;
                }

                text = pem.Groups["base64"].Value;
            }

            der = FromBase64(text);
        }

        return der is not null && der.Length <= EstRequestBody.MaxDerLength && IsOneSequence(der) ? der : null;
    }

    /// <summary>Base64 with white space anywhere and exact padding.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The bytes, or null.</returns>
    public static byte[]? FromBase64(string text)
    {
        var compact = WhiteSpace().Replace(text, string.Empty);
        if (!Alphabet().IsMatch(compact) || compact.Length % 4 != 0 || compact.TrimEnd('=').Length == 0)
        {
            return null;
        }

        try
        {
            return Convert.FromBase64String(compact);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static bool IsOneSequence(byte[] der)
    {
        try
        {
            return AsnDecoder.TryReadEncodedValue(der, AsnEncodingRules.DER, out var tag, out _, out _, out var consumed)
                && tag == Asn1Tag.Sequence && consumed == der.Length;
        }
        catch (AsnContentException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"\A-----BEGIN (?<label>(?:NEW )?CERTIFICATE REQUEST)-----(?<base64>[^-]*)-----END \k<label>-----\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pem();

    [GeneratedRegex("[ \t\r\n]", RegexOptions.CultureInvariant)]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"\A[A-Za-z0-9+/]*={0,2}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Alphabet();
}
