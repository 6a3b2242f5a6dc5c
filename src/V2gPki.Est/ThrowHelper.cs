// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Diagnostics.CodeAnalysis;

namespace V2gPki.Est;

/// <summary>
/// Throw sites kept out of the codecs (docs/style.md §14). Only caller bugs throw; peer input never does.
/// </summary>
internal static class ThrowHelper
{
    /// <summary>Throws <see cref="ArgumentException"/> with <paramref name="message"/> for <paramref name="paramName"/>.</summary>
    /// <param name="message">What is wrong with the argument.</param>
    /// <param name="paramName">The offending parameter.</param>
    [DoesNotReturn]
    public static void ThrowArgument(string message, string paramName) => throw new ArgumentException(message, paramName);
}
