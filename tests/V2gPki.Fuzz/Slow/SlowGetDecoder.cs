// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Text;

namespace V2gPki.Fuzz.Slow;

/// <summary>
/// The slow path of the RFC 5019 §5 GET decoder, written from the rules of docs/architecture.md §3 with the BCL's own
/// pieces: leading slashes dropped, then <see cref="Uri.UnescapeDataString(string)"/> (one pass; a malformed escape stays
/// and fails the alphabet), a space or <c>-</c> for <c>+</c> and <c>_</c> for <c>/</c>, then
/// <see cref="Convert.FromBase64String"/> of the data re-padded.
/// </summary>
/// <remarks>
/// Padding: at most two <c>=</c>, only at the end, and they need not match the data length (missing, partial or
/// superfluous padding is rebuilt from the data length); 4n + 1 data characters cannot be base64. Pad bits must be
/// zero (RFC 4648 §3.5 canonical encoding): <c>System.Buffers.Text.Base64</c>, which the decoder uses, refuses a
/// non-canonical last character and <see cref="Convert.FromBase64String"/> does not, so the slow path checks it by
/// re-encoding.
/// </remarks>
public static class SlowGetDecoder
{
    /// <summary>Decodes the part of a GET target after the route prefix.</summary>
    /// <param name="encoded">The raw target after <c>/</c> or <c>/ocsp/</c>, without the query.</param>
    /// <param name="empty">Whether nothing is left after the leading slashes.</param>
    /// <returns>The DER bytes, or null when the rules refuse the input.</returns>
    public static byte[]? Decode(string encoded, out bool empty)
    {
        var rest = encoded.TrimStart('/');
        empty = rest.Length == 0;
        if (empty)
        {
            return null;
        }

        var unescaped = Uri.UnescapeDataString(rest);
        var mapped = new StringBuilder(unescaped.Length + 3);
        foreach (var c in unescaped)
        {
            mapped.Append(c switch
            {
                ' ' or '-' => '+',
                '_' => '/',
                _ => c,
            });
        }

        var all = mapped.ToString();
        var data = all.TrimEnd('=');
        var padding = all.Length - data.Length;
        if (data.Length == 0 || padding > 2 || data.Length % 4 == 1)
        {
            return null;
        }

        foreach (var c in data)
        {
            // Convert.FromBase64String skips whitespace; the rules do not.
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '/'))
            {
                return null;
            }
        }

        var padded = data.PadRight((data.Length + 3) / 4 * 4, '=');
        var bytes = Convert.FromBase64String(padded);
        return Convert.ToBase64String(bytes) == padded ? bytes : null;
    }
}
