// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace V2gPki.Est;

/// <summary>
/// Reads the body of a <c>simpleenroll</c> or <c>simplereenroll</c> request: an <c>application/pkcs10</c>
/// CertificationRequest, base64-encoded (RFC 7030 §4.2.1, RFC 8951 §3), into its DER, tolerating what deployed
/// clients send and refusing everything else with a reason a person can act on.
/// </summary>
/// <remarks>
/// <para>Accepted, told apart by the first bytes:</para>
/// <list type="bullet">
/// <item>base64 (RFC 4648 §4) in one line or wrapped at any length, with LF or CRLF line ends, spaces and tabs anywhere
/// (RFC 8951 §3: "any line length"); the padding must be what the data length needs;</item>
/// <item>the same inside PEM armour, <c>-----BEGIN CERTIFICATE REQUEST-----</c> (RFC 7468 §7) or the legacy
/// <c>NEW CERTIFICATE REQUEST</c>, with white space around it: what curl users post from an <c>openssl req</c> file;</item>
/// <item>raw DER: a body whose first byte is 0x30 (base64 of a SEQUENCE starts with <c>M</c>, so the two never
/// collide).</item>
/// </list>
/// <para>
/// Refused: an empty body, a byte outside the base64 alphabet (named with its offset, line and column), misplaced or
/// wrong padding, a length no base64 encoding has, and decoded bytes that are not exactly one DER SEQUENCE with a
/// definite minimal length (truncated, trailing bytes). Decoding to more than <see cref="MaxDerLength"/> bytes is
/// refused. Non-zero pad bits in the last character are ignored (RFC 4648 §3.5 lets a decoder accept them).
/// </para>
/// <para>
/// <c>Content-Transfer-Encoding</c> is not an input here: RFC 8951 §3 says its value MUST be ignored on requests (and
/// clients send odd values), so the listener does not read it; base64 and DER are told apart by the body itself. Nor is
/// the media type: the listener checks <c>application/pkcs10</c>. Only the outer framing is checked; the CSR rules of
/// V2gPki.Pki parse and verify the request.
/// </para>
/// </remarks>
public static class EstRequestBody
{
    /// <summary>
    /// The largest CSR accepted, in DER bytes. An ISO 15118 CSR is a few hundred bytes and an RSA-4096 one under 2 KiB;
    /// the bound keeps a decoder buffer small whatever the listener's body limit is.
    /// </summary>
    public const int MaxDerLength = 16 * 1024;

    private const string Expected = "a base64 PKCS#10 CertificationRequest (RFC 7030 §4.2.1), optionally in PEM armour";

    /// <summary>The destination length that <see cref="TryDecodePkcs10(ReadOnlySpan{byte}, Span{byte}, out int, out string)"/> needs for a body.</summary>
    /// <param name="bodyLength">The body length in bytes (not negative).</param>
    /// <returns><c>min(bodyLength, MaxDerLength)</c>: base64 decodes to fewer bytes than it has, DER to as many.</returns>
    public static int GetMaxDecodedLength(int bodyLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bodyLength);
        return Math.Min(bodyLength, MaxDerLength);
    }

    /// <summary>Decodes a PKCS#10 request body into <paramref name="destination"/>.</summary>
    /// <param name="body">The request body as received.</param>
    /// <param name="destination">
    /// At least <see cref="GetMaxDecodedLength"/> bytes; on failure it may have been written to.
    /// </param>
    /// <param name="bytesWritten">The DER length; 0 when the method returns <see langword="false"/>.</param>
    /// <param name="error">
    /// Why the body is refused, a sentence for the <c>text/plain</c> answer (it quotes at most 40 bytes of the body);
    /// empty when the method returns <see langword="true"/>.
    /// </param>
    /// <returns>Whether the body held one CertificationRequest-shaped DER SEQUENCE, now in <paramref name="destination"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="GetMaxDecodedLength"/> (a caller error).</exception>
    public static bool TryDecodePkcs10(ReadOnlySpan<byte> body, Span<byte> destination, out int bytesWritten, out string error)
    {
        if (destination.Length < GetMaxDecodedLength(body.Length))
        {
            ThrowHelper.ThrowArgument(
                $"The destination has {destination.Length} bytes; a {body.Length}-byte body needs GetMaxDecodedLength = {GetMaxDecodedLength(body.Length)}.",
                nameof(destination));
        }

        bytesWritten = 0;
        var start = SkipWhiteSpace(body, 0);
        if (start == body.Length)
        {
            error = body.IsEmpty
                ? $"the request body is empty; expected {Expected}"
                : $"the request body holds only white space; expected {Expected}";
            return false;
        }

        int written;
        string what;
        if (start == 0 && body[0] == 0x30)
        {
            if (body.Length > MaxDerLength)
            {
                error = TooLarge($"the DER body has {body.Length} bytes");
                return false;
            }

            body.CopyTo(destination);
            written = body.Length;
            what = "the DER body";
        }
        else
        {
            var from = start;
            var to = body.Length;
            if (body[start..].StartsWith("-----BEGIN "u8) && !TryFindPemContent(body, start, out from, out to, out error))
            {
                return false;
            }

            if (!TryDecodeBase64(body, from, to, destination, out written, out error))
            {
                return false;
            }

            what = "the decoded base64";
        }

        if (!CheckFraming(destination[..written], what, out error))
        {
            return false;
        }

        bytesWritten = written;
        return true;
    }

    /// <summary>Decodes a PKCS#10 request body into a new array of exactly its DER.</summary>
    /// <param name="body">The request body as received.</param>
    /// <param name="der">The DER of the request; <see langword="null"/> when the method returns <see langword="false"/>.</param>
    /// <param name="error">Why the body is refused (see the span overload); empty when the method returns <see langword="true"/>.</param>
    /// <returns>Whether the body held one CertificationRequest-shaped DER SEQUENCE.</returns>
    public static bool TryDecodePkcs10(ReadOnlySpan<byte> body, [NotNullWhen(true)] out byte[]? der, out string error)
    {
        var rented = ArrayPool<byte>.Shared.Rent(Math.Max(1, GetMaxDecodedLength(body.Length)));
        try
        {
            if (!TryDecodePkcs10(body, rented, out var written, out error))
            {
                der = null;
                return false;
            }

            der = rented.AsSpan(0, written).ToArray();
            return true;
        }
        finally
        {
            // A CSR holds no secret: no clearing (docs/style.md §12).
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    // RFC 7468 §2: pre-encapsulation boundary, base64 text, post-encapsulation boundary with the same label; white
    // space around the armour is tolerated, anything else is not (one CSR per request).
    private static bool TryFindPemContent(ReadOnlySpan<byte> body, int start, out int from, out int to, out string error)
    {
        from = to = 0;
        var labelStart = start + "-----BEGIN ".Length;
        var labelLength = body[labelStart..].IndexOf("-----"u8);
        if (labelLength < 0)
        {
            error = "the PEM line -----BEGIN … has no closing -----; expected -----BEGIN CERTIFICATE REQUEST-----";
            return false;
        }

        var label = body.Slice(labelStart, labelLength);
        if (!label.SequenceEqual("CERTIFICATE REQUEST"u8) && !label.SequenceEqual("NEW CERTIFICATE REQUEST"u8))
        {
            error = $"the PEM label is {Quote(label)}; expected CERTIFICATE REQUEST (RFC 7468 §7) or NEW CERTIFICATE REQUEST";
            return false;
        }

        // The base64 runs to the END boundary; a stray '-' before it is reported by the base64 decoder with its place.
        from = labelStart + labelLength + "-----".Length;
        var endAt = body[from..].IndexOf("-----END "u8);
        if (endAt < 0)
        {
            error = $"the PEM armour has no line -----END {Ascii(label)}-----; the body may be truncated";
            return false;
        }

        to = from + endAt;
        var end = body[to..];
        var endLength = "-----END ".Length + label.Length + "-----".Length;
        if (end.Length < endLength || !end["-----END ".Length..].StartsWith(label) || !end[("-----END ".Length + label.Length)..].StartsWith("-----"u8))
        {
            error = $"expected -----END {Ascii(label)}----- at {Where(body, to)}, found {Quote(end[..Math.Min(end.Length, endLength)])}";
            return false;
        }

        var after = to + endLength;
        var rest = SkipWhiteSpace(body, after);
        if (rest != body.Length)
        {
            error = $"{body.Length - after} bytes follow the line -----END {Ascii(label)}----- (from {Where(body, rest)}); send one CSR per request";
            return false;
        }

        error = string.Empty;
        return true;
    }

    // RFC 4648 §4, one pass: white space skipped anywhere, '=' only at the end, as many as the data length needs.
    private static bool TryDecodeBase64(ReadOnlySpan<byte> body, int from, int to, Span<byte> destination, out int written, out string error)
    {
        written = 0;
        var accumulator = 0u;
        var pending = 0;
        var data = 0;
        var padding = 0;
        var firstPad = -1;
        for (var i = from; i < to; i++)
        {
            var b = body[i];
            if (IsWhiteSpace(b))
            {
                continue;
            }

            if (b == (byte)'=')
            {
                firstPad = padding == 0 ? i : firstPad;
                padding++;
                continue;
            }

            var value = Sextet(b);
            if (value < 0)
            {
                error = NotBase64(body, i, from);
                return false;
            }

            if (padding != 0)
            {
                error = $"'=' at {Where(body, firstPad)} is followed by more base64 at {Where(body, i)}: padding may only end the "
                    + "base64 (RFC 4648 §3.2); send one CSR per request";
                return false;
            }

            data++;
            accumulator = (accumulator << 6) | (uint)value;
            if (++pending == 4)
            {
                if (written + 3 > MaxDerLength)
                {
                    error = TooLarge($"the base64 decodes to more than {MaxDerLength} bytes");
                    return false;
                }

                destination[written] = (byte)(accumulator >> 16);
                destination[written + 1] = (byte)(accumulator >> 8);
                destination[written + 2] = (byte)accumulator;
                written += 3;
                accumulator = 0;
                pending = 0;
            }
        }

        if (data == 0)
        {
            error = $"the body holds '=' padding but no base64 data; expected {Expected}";
            return false;
        }

        // The data length modulo 4 decides the padding: 0 → none, 2 → "==", 3 → "=" (RFC 4648 §4); 1 is no encoding.
        var needed = pending switch
        {
            0 => 0,
            2 => 2,
            3 => 1,
            _ => -1,
        };
        if (needed < 0)
        {
            error = $"the body has {data} base64 characters, one more than a multiple of 4, which no base64 encoding has "
                + "(RFC 4648 §4): it is truncated or has a character too many";
            return false;
        }

        if (padding != needed)
        {
            error = padding == 0
                ? $"the base64 ends without its padding: {data} characters need {needed} '=' at the end (RFC 4648 §4); the body may be truncated"
                : $"the base64 has {padding} '=' but its {data} characters need {needed} (RFC 4648 §4)";
            return false;
        }

        var tail = 3 - needed;
        if (pending != 0)
        {
            if (written + tail > MaxDerLength)
            {
                error = TooLarge($"the base64 decodes to more than {MaxDerLength} bytes");
                return false;
            }

            // The pad bits below the last whole byte are dropped, zero or not (RFC 4648 §3.5).
            accumulator <<= 6 * (4 - pending);
            destination[written] = (byte)(accumulator >> 16);
            if (tail == 2)
            {
                destination[written + 1] = (byte)(accumulator >> 8);
            }

            written += tail;
        }

        error = string.Empty;
        return true;
    }

    private static bool CheckFraming(ReadOnlySpan<byte> der, string what, out string error)
    {
        var status = DerSequence.Check(der, out var announced);
        error = status switch
        {
            DerSequenceStatus.Ok => string.Empty,
            DerSequenceStatus.NotSequence =>
                $"{what} starts with 0x{der[0]:X2}, not with a DER SEQUENCE (0x30): it is not a PKCS#10 CertificationRequest",
            DerSequenceStatus.Truncated when announced == 0 =>
                $"{what} ends after {der.Length} bytes, inside the SEQUENCE header: the CSR is truncated",
            DerSequenceStatus.Truncated =>
                $"{what} has {der.Length} bytes but its SEQUENCE announces {announced}: the CSR is truncated",
            DerSequenceStatus.IndefiniteLength =>
                $"{what} is a SEQUENCE of indefinite length, which DER forbids (X.690 §10.1)",
            DerSequenceStatus.NonMinimalLength =>
                $"{what} is a SEQUENCE whose length is not in the fewest octets, which DER forbids (X.690 §10.1)",
            DerSequenceStatus.LengthTooLarge => TooLarge($"the SEQUENCE in {what} announces 64 KiB or more"),
            _ => $"{der.Length - announced} bytes follow the SEQUENCE in {what}: send one CertificationRequest per request (RFC 7030 §4.2.1)",
        };
        return status == DerSequenceStatus.Ok;
    }

    private static string NotBase64(ReadOnlySpan<byte> body, int at, int dataStart)
    {
        var b = body[at];
        var what = b is > 0x20 and < 0x7F ? $"'{(char)b}' (0x{b:X2})" : $"the byte 0x{b:X2}";
        var hint = b switch
        {
            (byte)'-' => "; it is base64url (not accepted: RFC 7030 uses base64, RFC 4648 §4) or a PEM line out of place",
            (byte)'_' => "; base64url is not accepted, RFC 7030 uses base64 (RFC 4648 §4)",
            (byte)'%' => "; the body must not be URL-encoded",
            _ when at == dataStart && b >= 0x80 => "; a DER body starts with 0x30, a base64 one with a letter",
            _ => string.Empty,
        };
        return $"{what} at {Where(body, at)} is not a base64 character (RFC 4648 §4: A-Z, a-z, 0-9, '+', '/', and '=' "
            + $"padding at the end; line breaks, spaces and tabs are ignored){hint}";
    }

    private static string TooLarge(string what) =>
        $"{what}; the largest CSR this server takes has {MaxDerLength} bytes (an ISO 15118 CSR has a few hundred)";

    // "offset 57 (line 2, column 3)": the offset from 0 for tools, line and column from 1 for people.
    private static string Where(ReadOnlySpan<byte> body, int at)
    {
        var before = body[..at];
        var line = before.Count((byte)'\n') + 1;
        var column = at - before.LastIndexOf((byte)'\n');
        return $"offset {at} (line {line}, column {column})";
    }

    // At most 40 bytes of peer text in a message, printable ASCII as is, anything else as \xNN.
    private static string Quote(ReadOnlySpan<byte> text)
    {
        var sb = new StringBuilder("\"");
        var n = Math.Min(text.Length, 40);
        foreach (var b in text[..n])
        {
            if (b is >= 0x20 and < 0x7F and not (byte)'"' and not (byte)'\\')
            {
                sb.Append((char)b);
            }
            else
            {
                sb.Append("\\x").Append(HexDigit(b >> 4)).Append(HexDigit(b & 0xF));
            }
        }

        sb.Append('"');
        return text.Length > n ? sb.Append(" (cut)").ToString() : sb.ToString();
    }

    private static char HexDigit(int value) => (char)(value < 10 ? '0' + value : 'A' + value - 10);

    // The label is one of the two accepted ones, so plain ASCII.
    private static string Ascii(ReadOnlySpan<byte> label) => Encoding.ASCII.GetString(label);

    private static int SkipWhiteSpace(ReadOnlySpan<byte> body, int from)
    {
        while (from < body.Length && IsWhiteSpace(body[from]))
        {
            from++;
        }

        return from;
    }

    private static bool IsWhiteSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    private static int Sextet(byte b) => b switch
    {
        >= (byte)'A' and <= (byte)'Z' => b - 'A',
        >= (byte)'a' and <= (byte)'z' => b - 'a' + 26,
        >= (byte)'0' and <= (byte)'9' => b - '0' + 52,
        (byte)'+' => 62,
        (byte)'/' => 63,
        _ => -1,
    };
}
