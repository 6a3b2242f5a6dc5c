// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Diagnostics;
using V2gPki.Edge.Listeners.Public;
using V2gPki.Fuzz.Slow;
using V2gPki.Fuzz.Text;

namespace V2gPki.Fuzz;

/// <summary>
/// The RFC 5019 §5 GET path decoder (<see cref="OcspGetDecoder"/>), on the raw target after the route prefix. It must
/// agree with <see cref="SlowGetDecoder"/> on accept or refuse and on the bytes, answer <c>Empty</c> exactly when
/// nothing follows the slashes, never need more than <see cref="OcspGetDecoder.RequiredBufferLength"/>, and with a
/// shorter buffer either say so or give the same answer.
/// </summary>
public sealed class GetPathTarget : IFuzzTarget
{
    /// <summary>The target name.</summary>
    public const string Name = "get-path";

    /// <inheritdoc/>
    public static void Fuzz(ReadOnlySpan<byte> input) => Check(FuzzText.FromUtf8(input));

    /// <summary>Decodes <paramref name="encoded"/> and checks the answer.</summary>
    /// <param name="encoded">The target after the route prefix.</param>
    /// <returns>The decode status.</returns>
    /// <exception cref="FuzzFinding">The decoder broke a rule.</exception>
    public static string Check(string encoded)
    {
        var buffer = new byte[OcspGetDecoder.RequiredBufferLength(encoded.Length)];
        var start = Stopwatch.GetTimestamp();
        var status = OcspGetDecoder.TryDecode(encoded, buffer, out var written);
        FuzzText.CheckBounded(start, Name, encoded);

        var expected = SlowGetDecoder.Decode(encoded, out var empty);
        if (status == OcspGetDecodeStatus.DestinationTooSmall)
        {
            throw new FuzzFinding(Name, "DestinationTooSmall with a buffer of RequiredBufferLength", encoded);
        }

        if (status != OcspGetDecodeStatus.Done && written != 0)
        {
            throw new FuzzFinding(Name, $"{status} but bytesWritten = {written}", encoded);
        }

        if ((status == OcspGetDecodeStatus.Empty) != empty)
        {
            throw new FuzzFinding(Name, $"{status}, but the input is {(empty ? string.Empty : "not ")}empty after its leading slashes", encoded);
        }

        if (status == OcspGetDecodeStatus.Done)
        {
            if (expected is null)
            {
                throw new FuzzFinding(Name, "decoded, but the slow path refuses", encoded);
            }

            if (!buffer.AsSpan(0, written).SequenceEqual(expected))
            {
                throw new FuzzFinding(Name, $"decoded {Convert.ToHexString(buffer, 0, written)}, the slow path {Convert.ToHexString(expected)}", encoded);
            }
        }
        else if (expected is not null)
        {
            throw new FuzzFinding(Name, $"refused ({status}), but the slow path decodes {Convert.ToHexString(expected)}", encoded);
        }

        CheckShortBuffer(encoded, status, expected, buffer.Length / 2);
        CheckShortBuffer(encoded, status, expected, buffer.Length - 1);
        return status.ToString();
    }

    // With too short a buffer the decoder must say so, or give the answer it gives with room (an error it met first).
    private static void CheckShortBuffer(string encoded, OcspGetDecodeStatus status, byte[]? expected, int length)
    {
        if (length < 0)
        {
            return;
        }

        var small = new byte[length];
        var shortStatus = OcspGetDecoder.TryDecode(encoded, small, out var written);
        if (shortStatus == OcspGetDecodeStatus.DestinationTooSmall)
        {
            if (written != 0)
            {
                throw new FuzzFinding(Name, $"DestinationTooSmall but bytesWritten = {written}", encoded);
            }

            return;
        }

        if (shortStatus != status || (status == OcspGetDecodeStatus.Done && !small.AsSpan(0, written).SequenceEqual(expected)))
        {
            throw new FuzzFinding(Name, $"with a {length}-byte buffer {shortStatus}, with room {status}", encoded);
        }
    }
}
