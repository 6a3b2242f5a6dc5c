// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers.Text;

namespace V2gPki.Edge.Listeners.Public;

/// <summary>
/// Decodes the base64 part of an RFC 5019 §5 / RFC 6960 Appendix A.1 GET request from the raw request target,
/// with every tolerance of docs/architecture.md §3, into a caller buffer without allocating.
/// </summary>
/// <remarks>
/// <para>It works on the raw target (<c>IHttpRequestFeature.RawTarget</c>) because Kestrel's decoded path keeps
/// <c>%2F</c> encoded while decoding <c>%2B</c> and <c>%3D</c> (docs/nativeaot.md §1), so the decoded path is
/// neither raw nor fully decoded.</para>
/// Tolerated, in one pass:
/// <list type="bullet">
/// <item>leading slashes: <c>GET //MEU…</c> from clients that join a base URL ending in <c>/</c> with <c>/</c> + base64;
/// base64 of a DER SEQUENCE starts with <c>M</c>, so a leading slash can never be data. Slashes inside the base64
/// are data and are never collapsed;</item>
/// <item><c>%</c>-escapes of any character (<c>%2B</c>, <c>%2F</c>, <c>%3D</c>, lower- or upper-case hex), decoded
/// once (<c>%252F</c> stays invalid);</item>
/// <item>a space (<c>%20</c> or literal) where a client form-encoded <c>+</c> as a space;</item>
/// <item>the base64url alphabet (<c>-</c>, <c>_</c>, RFC 4648 §5), also mixed with the standard one;</item>
/// <item>missing or partial <c>=</c> padding.</item>
/// </list>
/// </remarks>
internal static class OcspGetDecoder
{
    /// <summary>The buffer length <see cref="TryDecode"/> needs for an input of <paramref name="encodedLength"/> characters.</summary>
    /// <param name="encodedLength">The number of characters after the route prefix.</param>
    /// <returns>The normalised base64 may need up to 3 padding characters more than the input holds.</returns>
    public static int RequiredBufferLength(int encodedLength) => encodedLength + 3;

    /// <summary>Decodes <paramref name="encoded"/> into <paramref name="buffer"/>.</summary>
    /// <param name="encoded">The target after the route prefix (<c>/</c> or <c>/ocsp/</c>), without the query.</param>
    /// <param name="buffer">Scratch and output: the normalised base64 is built here and decoded in place.</param>
    /// <param name="bytesWritten">The DER length at the start of <paramref name="buffer"/>; 0 unless <see cref="OcspGetDecodeStatus.Done"/>.</param>
    /// <returns>The decode status; never throws.</returns>
    public static OcspGetDecodeStatus TryDecode(ReadOnlySpan<char> encoded, Span<byte> buffer, out int bytesWritten)
    {
        bytesWritten = 0;
        var i = 0;
        while ((uint)i < (uint)encoded.Length && encoded[i] == '/')
        {
            i++;
        }

        var n = 0;
        var padding = 0;
        while ((uint)i < (uint)encoded.Length)
        {
            int c = encoded[i++];
            if (c == '%')
            {
                if (i + 2 > encoded.Length)
                {
                    return OcspGetDecodeStatus.InvalidEscape;
                }

                var hi = HexValue(encoded[i]);
                var lo = HexValue(encoded[i + 1]);
                if ((hi | lo) < 0)
                {
                    return OcspGetDecodeStatus.InvalidEscape;
                }

                c = (hi << 4) | lo;
                i += 2;
            }

            byte b;
            if ((uint)(c - 'A') <= 'Z' - 'A' || (uint)(c - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9 || c == '/')
            {
                b = (byte)c;
            }
            else if (c is '+' or ' ' or '-')
            {
                // ' ': a '+' that a client form-encoded as a space; '-': base64url (RFC 4648 §5).
                b = (byte)'+';
            }
            else if (c == '_')
            {
                b = (byte)'/';
            }
            else if (c == '=')
            {
                padding++;
                continue;
            }
            else
            {
                return OcspGetDecodeStatus.InvalidCharacter;
            }

            if (padding != 0)
            {
                return OcspGetDecodeStatus.MisplacedPadding;
            }

            if ((uint)n >= (uint)buffer.Length)
            {
                return OcspGetDecodeStatus.DestinationTooSmall;
            }

            buffer[n++] = b;
        }

        if (n == 0)
        {
            return padding == 0 ? OcspGetDecodeStatus.Empty : OcspGetDecodeStatus.MisplacedPadding;
        }

        var remainder = n & 3;
        if (remainder == 1 || padding > 2)
        {
            return OcspGetDecodeStatus.InvalidLength;
        }

        // Padding is rebuilt from the data length: missing, partial or superfluous '=' are all tolerated.
        var missing = remainder == 0 ? 0 : 4 - remainder;
        if (n + missing > buffer.Length)
        {
            return OcspGetDecodeStatus.DestinationTooSmall;
        }

        for (var k = 0; k < missing; k++)
        {
            buffer[n++] = (byte)'=';
        }

        if (Base64.DecodeFromUtf8InPlace(buffer[..n], out var written) != System.Buffers.OperationStatus.Done)
        {
            return OcspGetDecodeStatus.InvalidLength;
        }

        bytesWritten = written;
        return OcspGetDecodeStatus.Done;
    }

    private static int HexValue(char c)
    {
        if ((uint)(c - '0') <= 9)
        {
            return c - '0';
        }

        var lower = c | 0x20;
        return (uint)(lower - 'a') <= 'f' - 'a' ? lower - 'a' + 10 : -1;
    }
}
