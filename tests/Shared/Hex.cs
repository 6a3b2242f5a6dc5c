// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.TestSupport;

/// <summary>Hex vectors with optional spaces, as written in InlineData (linked into each test project that needs it).</summary>
internal static class Hex
{
    public static byte[] Parse(string hex) => Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));

    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes);
}
