// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Globalization;

namespace V2gPki.Bench;

/// <summary>The <c>--name value</c> options of the harnesses (<c>hsm</c>, <c>pki</c>, <c>issuer</c>).</summary>
internal static class BenchArgs
{
    /// <summary>The value after <paramref name="name"/>, or <see langword="null"/> when the option is absent.</summary>
    /// <param name="args">The harness arguments.</param>
    /// <param name="name">The option, e.g. <c>--seconds</c>.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public static string? Text(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    /// <summary>The number after <paramref name="name"/> (invariant culture), or <paramref name="fallback"/> when the option is absent.</summary>
    /// <param name="args">The harness arguments.</param>
    /// <param name="name">The option, e.g. <c>--seconds</c>.</param>
    /// <param name="fallback">The default.</param>
    /// <returns>The number.</returns>
    /// <exception cref="ArgumentException">The value is not a number (the message names the option).</exception>
    public static double Number(string[] args, string name, double fallback)
    {
        var text = Text(args, name);
        if (text is null)
        {
            return fallback;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"{name} expects a number, got '{text}'");
    }
}
