// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Diagnostics;
using System.Formats.Asn1;
using V2gPki.Edge.Listeners.Admin;
using V2gPki.Fuzz.Slow;
using V2gPki.Fuzz.Text;

namespace V2gPki.Fuzz;

/// <summary>
/// Serial-number text (<see cref="SerialNumberText"/>), as the admin API, the CLI and the OCPP adapter take it. It must
/// agree with <see cref="SlowSerialText"/> on accept or refuse and on the octets, give minimal positive INTEGER content
/// that <see cref="AsnWriter.WriteInteger(ReadOnlySpan{byte}, Asn1Tag?)"/> takes (the OCPP encoder writes it so),
/// read back its own <see cref="SerialNumberText.ToHex"/>, and name a reason for every refusal.
/// </summary>
public sealed class SerialTextTarget : IFuzzTarget
{
    /// <summary>The target name.</summary>
    public const string Name = "serial-text";

    /// <inheritdoc/>
    public static void Fuzz(ReadOnlySpan<byte> input) => Check(FuzzText.FromUtf8(input));

    /// <summary>Parses <paramref name="text"/> and checks the answer.</summary>
    /// <param name="text">The serial as received.</param>
    /// <returns><c>Accepted</c> or <c>Refused</c>.</returns>
    /// <exception cref="FuzzFinding">The parser broke a rule.</exception>
    public static string Check(string text)
    {
        var start = Stopwatch.GetTimestamp();
        var ok = SerialNumberText.TryParse(text, out var serial, out var error);
        FuzzText.CheckBounded(start, Name, text);

        var expected = SlowSerialText.Parse(text);
        if (!ok)
        {
            if (serial.Length != 0 || string.IsNullOrEmpty(error))
            {
                throw new FuzzFinding(Name, $"refused with serial {Convert.ToHexString(serial)} and error \"{error}\"", text);
            }

            if (expected is not null)
            {
                throw new FuzzFinding(Name, $"refused (\"{error}\"), but the slow path reads {Convert.ToHexString(expected)}", text);
            }

            return "Refused";
        }

        if (error is not null)
        {
            throw new FuzzFinding(Name, $"accepted with error \"{error}\"", text);
        }

        if (expected is null)
        {
            throw new FuzzFinding(Name, $"accepted as {Convert.ToHexString(serial)}, but the slow path refuses", text);
        }

        if (!serial.AsSpan().SequenceEqual(expected))
        {
            throw new FuzzFinding(Name, $"read {Convert.ToHexString(serial)}, the slow path {Convert.ToHexString(expected)}", text);
        }

        var writer = new AsnWriter(AsnEncodingRules.DER);
        writer.WriteInteger(serial);
        var hex = SerialNumberText.ToHex(serial);
        if (!SerialNumberText.TryParse(hex, out var again, out _) || !again.AsSpan().SequenceEqual(serial))
        {
            throw new FuzzFinding(Name, $"does not read back its own ToHex {hex}", text);
        }

        return "Accepted";
    }
}
