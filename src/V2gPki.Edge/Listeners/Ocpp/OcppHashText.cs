// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Ocsp;

namespace V2gPki.Edge.Listeners.Ocpp;

/// <summary>
/// The hashes and algorithm names of <c>OCSPRequestDataType</c>. OCPP 2.0.1 does not pin the hash encoding
/// (docs/iso15118.md §6): hex is the common form; some stacks send base64 (SwitchEV: urlsafe base64). A value is read as
/// hex (any case) when it has exactly two characters per hash octet, and as base64 (standard or URL-safe, padding
/// optional) only when its length rules hex out.
/// </summary>
internal static class OcppHashText
{
    /// <summary>Parses <c>hashAlgorithm</c>: <c>SHA256</c>, <c>SHA384</c>, <c>SHA512</c> (case and a hyphen tolerated).</summary>
    /// <param name="text">The value.</param>
    /// <param name="algorithm">The algorithm; <see cref="OcspHashAlgorithm.None"/> on failure.</param>
    /// <returns>Whether it is one of the three OCPP 2.0.1 HashAlgorithmEnumType values.</returns>
    public static bool TryParseAlgorithm(ReadOnlySpan<char> text, out OcspHashAlgorithm algorithm)
    {
        algorithm = OcspHashAlgorithm.None;
        text = text.Trim();
        if (text.Length is < 6 or > 7 || !text.StartsWith("SHA", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var bits = text[3] == '-' ? text[4..] : text[3..];
        algorithm = bits switch
        {
            "256" => OcspHashAlgorithm.Sha256,
            "384" => OcspHashAlgorithm.Sha384,
            "512" => OcspHashAlgorithm.Sha512,
            _ => OcspHashAlgorithm.None,
        };
        return algorithm != OcspHashAlgorithm.None;
    }

    /// <summary>The OCPP name of an algorithm.</summary>
    /// <param name="algorithm">The algorithm.</param>
    /// <returns><c>SHA256</c>, <c>SHA384</c>, <c>SHA512</c> (or <c>SHA1</c>).</returns>
    public static string AlgorithmName(OcspHashAlgorithm algorithm) => algorithm switch
    {
        OcspHashAlgorithm.Sha1 => "SHA1",
        OcspHashAlgorithm.Sha256 => "SHA256",
        OcspHashAlgorithm.Sha384 => "SHA384",
        OcspHashAlgorithm.Sha512 => "SHA512",
        _ => "none",
    };

    /// <summary>Decodes a hash of a known length: hex when the length is twice the hash length, else base64.</summary>
    /// <param name="text">The value.</param>
    /// <param name="hashLength">The hash length of the algorithm, in octets.</param>
    /// <param name="hash">The octets; empty on failure.</param>
    /// <returns>Whether the value decodes to exactly <paramref name="hashLength"/> octets.</returns>
    public static bool TryDecode(ReadOnlySpan<char> text, int hashLength, out byte[] hash)
    {
        hash = [];
        text = text.Trim();
        if (text.Length == 2 * hashLength)
        {
            var hex = new byte[hashLength];
            if (Convert.FromHexString(text, hex, out _, out var written) != System.Buffers.OperationStatus.Done || written != hashLength)
            {
                return false;
            }

            hash = hex;
            return true;
        }

        // Base64 of n octets is 4·⌈n/3⌉ characters padded, fewer unpadded: never 2n for the hash lengths here.
        if (text.Length > 4 * ((hashLength + 2) / 3))
        {
            return false;
        }

        Span<char> standard = stackalloc char[4 * ((hashLength + 2) / 3)];
        var length = 0;
        foreach (var c in text)
        {
            standard[length++] = c switch
            {
                '-' => '+',
                '_' => '/',
                _ => c,
            };
        }

        while (length % 4 != 0)
        {
            if (length == standard.Length)
            {
                return false;
            }

            standard[length++] = '=';
        }

        var decoded = new byte[hashLength + 3];
        if (!Convert.TryFromBase64Chars(standard[..length], decoded, out var count) || count != hashLength)
        {
            return false;
        }

        hash = decoded[..hashLength];
        return true;
    }
}
