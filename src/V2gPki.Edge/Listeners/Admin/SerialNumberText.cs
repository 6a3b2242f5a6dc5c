// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Store;

namespace V2gPki.Edge.Listeners.Admin;

/// <summary>
/// Certificate serial numbers as text: hex in (any case, an optional <c>0x</c> prefix, optional <c>:</c> separators as
/// <c>openssl x509 -text</c> prints them, leading zeros tolerated), DER INTEGER content octets out — the key of the
/// store and of OCSP CertIDs. Used by the admin API, the CLI and the OCPP adapter.
/// </summary>
internal static class SerialNumberText
{
    /// <summary>Longest text accepted (20 octets with separators and zero padding fit well below it).</summary>
    public const int MaxTextLength = 128;

    /// <summary>
    /// Parses a hex serial into its DER INTEGER content octets: leading zero octets removed, a 0x00 octet put back
    /// when the first remaining octet has its high bit set (serials are positive, RFC 5280 §4.1.2.2).
    /// </summary>
    /// <param name="text">The hex text.</param>
    /// <param name="serial">The content octets; empty on failure.</param>
    /// <param name="error">Why the text was refused (a short phrase for an HTTP 400 body); null on success.</param>
    /// <returns>Whether <paramref name="text"/> is a positive serial of at most 20 content octets.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out byte[] serial, out string? error)
    {
        serial = [];
        text = text.Trim();
        if (text.Length > MaxTextLength)
        {
            error = $"serial: longer than {MaxTextLength} characters";
            return false;
        }

        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            text = text[2..];
        }

        Span<char> digits = stackalloc char[MaxTextLength + 1];
        var count = 0;
        foreach (var c in text)
        {
            if (c == ':')
            {
                continue;
            }

            if (!char.IsAsciiHexDigit(c))
            {
                error = "serial: not hex (expected digits 0-9 and a-f, e.g. 1A2B3C)";
                return false;
            }

            digits[count++] = c;
        }

        if (count == 0)
        {
            error = "serial: empty";
            return false;
        }

        // Odd length: the first nibble stands alone.
        var octets = new byte[(count + 1) / 2];
        var odd = count % 2;
        for (var i = 0; i < count; i++)
        {
            var nibble = (byte)HexValue(digits[i]);
            var position = i + odd;
            octets[position / 2] |= (byte)(position % 2 == 0 ? nibble << 4 : nibble);
        }

        var first = 0;
        while (first < octets.Length && octets[first] == 0)
        {
            first++;
        }

        if (first == octets.Length)
        {
            error = "serial: zero is not a certificate serial";
            return false;
        }

        var magnitude = octets.AsSpan(first);
        var pad = magnitude[0] >= 0x80 ? 1 : 0;
        if (magnitude.Length + pad > StoreLimits.MaxSerialLength)
        {
            error = $"serial: longer than {StoreLimits.MaxSerialLength} octets (RFC 5280 §4.1.2.2)";
            return false;
        }

        serial = new byte[magnitude.Length + pad];
        magnitude.CopyTo(serial.AsSpan(pad));
        error = null;
        return true;
    }

    /// <summary>Formats DER INTEGER content octets as upper-case hex, as the admin API and CLI print serials.</summary>
    /// <param name="serial">The content octets.</param>
    /// <returns>The hex text (the 00 sign octet of a serial with the high bit set included, as openssl prints it).</returns>
    public static string ToHex(ReadOnlySpan<byte> serial) => Convert.ToHexString(serial);

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
