// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using V2gPki.Est;
using V2gPki.Fuzz.Slow;
using V2gPki.Fuzz.Text;

namespace V2gPki.Fuzz;

/// <summary>
/// The EST request body decoder (<see cref="EstRequestBody.TryDecodePkcs10(ReadOnlySpan{byte}, Span{byte}, out int, out string)"/>)
/// on raw body bytes. It must agree with <see cref="SlowEstBody"/> on accept or refuse and on the DER; the array
/// overload and a roomier buffer must give the same answer; a refusal must carry a bounded reason, write nothing, and
/// when it names a byte at an offset, that byte must be there and be no base64 character; an acceptance must carry no
/// reason.
/// </summary>
public sealed partial class EstBodyTarget : IFuzzTarget
{
    /// <summary>The target name.</summary>
    public const string Name = "est-body";

    /// <summary>The longest reason: a few sentences quoting at most 40 bytes of the body.</summary>
    public const int MaxErrorLength = 400;

    /// <inheritdoc/>
    public static void Fuzz(ReadOnlySpan<byte> input) => Check(input.ToArray());

    /// <summary>Decodes <paramref name="body"/> and checks the answer.</summary>
    /// <param name="body">The request body as received.</param>
    /// <returns><c>Accepted:DER</c>, <c>Accepted:PEM</c>, <c>Accepted:Base64</c>, or <c>Refused:</c> and the kind of reason.</returns>
    /// <exception cref="FuzzFinding">The decoder broke a rule.</exception>
    public static string Check(byte[] body)
    {
        var described = Describe(body);
        var destination = new byte[EstRequestBody.GetMaxDecodedLength(body.Length)];
        var start = Stopwatch.GetTimestamp();
        var ok = EstRequestBody.TryDecodePkcs10(body, destination, out var written, out var error);
        FuzzText.CheckBounded(start, Name, described);

        var arrayOk = EstRequestBody.TryDecodePkcs10(body, out var der, out var arrayError);
        var roomy = new byte[EstRequestBody.MaxDerLength + 16];
        var roomyOk = EstRequestBody.TryDecodePkcs10(body, roomy, out var roomyWritten, out var roomyError);
        if (arrayOk != ok || roomyOk != ok || arrayError != error || roomyError != error
            || (ok && (!der!.AsSpan().SequenceEqual(destination.AsSpan(0, written)) || !roomy.AsSpan(0, roomyWritten).SequenceEqual(der))))
        {
            throw new FuzzFinding(Name, $"the overloads disagree: {ok} \"{error}\", array {arrayOk} \"{arrayError}\", roomy {roomyOk} \"{roomyError}\"", described);
        }

        var expected = SlowEstBody.Decode(body);
        if (!ok)
        {
            if (written != 0 || der is not null || string.IsNullOrEmpty(error) || error.Length > MaxErrorLength)
            {
                throw new FuzzFinding(Name, $"refused with {written} bytes written and the reason \"{error}\"", described);
            }

            if (expected is not null)
            {
                throw new FuzzFinding(Name, $"refused (\"{error}\"), the slow path decodes {expected.Length} bytes", described);
            }

            CheckNamedByte(body, error, described);
            return "Refused:" + Kind(error);
        }

        if (error.Length != 0)
        {
            throw new FuzzFinding(Name, $"accepted with the reason \"{error}\"", described);
        }

        if (expected is null)
        {
            throw new FuzzFinding(Name, $"accepted {written} bytes, the slow path refuses", described);
        }

        if (!destination.AsSpan(0, written).SequenceEqual(expected))
        {
            throw new FuzzFinding(Name, $"decoded {Convert.ToHexString(destination, 0, written)}, the slow path {Convert.ToHexString(expected)}", described);
        }

        var first = body.AsSpan().IndexOfAnyExcept(" \t\r\n"u8);
        return body[0] == 0x30 ? "Accepted:DER" : body[first] == (byte)'-' ? "Accepted:PEM" : "Accepted:Base64";
    }

    /// <summary>The body for a failure message: as Latin-1 text, so every byte shows as one character.</summary>
    /// <param name="body">The body.</param>
    /// <returns>A C# literal.</returns>
    public static string Describe(byte[] body) => Encoding.Latin1.GetString(body);

    // "'%' (0x25) at offset 4" or "the byte 0xC3 at offset 0": that byte, at that offset, outside the alphabet.
    private static void CheckNamedByte(byte[] body, string error, string described)
    {
        var named = NamedByte().Match(error);
        if (!named.Success)
        {
            return;
        }

        var value = byte.Parse(named.Groups["hex"].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var offset = int.Parse(named.Groups["offset"].Value, CultureInfo.InvariantCulture);
        if (offset >= body.Length || body[offset] != value || char.IsAsciiLetterOrDigit((char)value) || value is (byte)'+' or (byte)'/' or (byte)'='
            or (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            throw new FuzzFinding(Name, $"the reason names 0x{value:X2} at offset {offset}, which is not a byte outside the base64 alphabet there: \"{error}\"", described);
        }
    }

    private static string Kind(string error) =>
        error.Contains("largest CSR", StringComparison.Ordinal) ? "TooLarge"
        : error.Contains("is not a base64 character", StringComparison.Ordinal) ? "NotBase64"
        : error.Contains("PEM", StringComparison.Ordinal) || error.Contains("-----END", StringComparison.Ordinal) ? "Pem"
        : error.Contains("'='", StringComparison.Ordinal) || error.Contains("padding", StringComparison.Ordinal) ? "Padding"
        : error.Contains("multiple of 4", StringComparison.Ordinal) ? "Length"
        : error.Contains("SEQUENCE", StringComparison.Ordinal) ? "Framing"
        : error.Contains("empty", StringComparison.Ordinal) || error.Contains("white space", StringComparison.Ordinal) ? "Empty"
        : "Other";

    [GeneratedRegex(@"\(0x(?<hex>[0-9A-F]{2})\) at offset (?<offset>\d+)|the byte 0x(?<hex>[0-9A-F]{2}) at offset (?<offset>\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex NamedByte();
}
