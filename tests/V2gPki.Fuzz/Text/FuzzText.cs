// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace V2gPki.Fuzz.Text;

/// <summary>What the targets of text parsers share: bytes to text, findings, and the bound on work per input.</summary>
public static class FuzzText
{
    /// <summary>
    /// The most one parser call may take before it counts as a hang. Every parser here is linear in an input of at most
    /// a few kilobytes (microseconds); the bound only has to tell a loop that does not end from a slow machine.
    /// </summary>
    public static readonly TimeSpan WorkBound = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Bytes from afl++ as the text a parser sees: UTF-8 with invalid sequences replaced by U+FFFD, as Kestrel and
    /// System.Text.Json hand text to our code (never a lone surrogate).
    /// </summary>
    /// <param name="input">The fuzzer's bytes.</param>
    /// <returns>The text.</returns>
    public static string FromUtf8(ReadOnlySpan<byte> input) => Encoding.UTF8.GetString(input);

    /// <summary>Throws a finding when a parser call that started at <paramref name="startTimestamp"/> took longer than <see cref="WorkBound"/>.</summary>
    /// <param name="startTimestamp">A <see cref="Stopwatch.GetTimestamp"/> taken just before the call.</param>
    /// <param name="target">The target name.</param>
    /// <param name="input">The input, for the message.</param>
    public static void CheckBounded(long startTimestamp, string target, string input)
    {
        var elapsed = Stopwatch.GetElapsedTime(startTimestamp);
        if (elapsed > WorkBound)
        {
            throw new FuzzFinding(target, $"hang-like: one call took {elapsed.TotalMilliseconds:F0} ms", input);
        }
    }

    /// <summary>
    /// The input as a C# string literal: printable ASCII as itself, everything else escaped, so a finding can be pasted
    /// into a test. Cut after 2000 characters.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>The literal, in double quotes.</returns>
    public static string Literal(string text)
    {
        var sb = new StringBuilder(Math.Min(text.Length, 2000) + 16);
        sb.Append('"');
        var n = Math.Min(text.Length, 2000);
        for (var i = 0; i < n; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case >= ' ' and <= '~':
                    sb.Append(c);
                    break;
                default:
                    sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    break;
            }
        }

        sb.Append('"');
        if (text.Length > n)
        {
            sb.Append(CultureInfo.InvariantCulture, $" (cut, {text.Length} characters)");
        }

        return sb.ToString();
    }
}
