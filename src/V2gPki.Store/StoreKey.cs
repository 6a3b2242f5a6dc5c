// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers.Binary;

namespace V2gPki.Store;

/// <summary>
/// Key layout shared by the three tables: issuer id (2 bytes, big-endian) followed by the serial's DER INTEGER content
/// octets (1 to 20 bytes). The serial length is implied by the key length (FASTER SpanByte keys carry their length).
/// </summary>
internal static class StoreKey
{
    /// <summary>Largest encoded key.</summary>
    public const int MaxLength = 2 + StoreLimits.MaxSerialLength;

    /// <summary>Encodes a key into <paramref name="destination"/> (at least <see cref="MaxLength"/> bytes).</summary>
    /// <param name="issuer">The issuer.</param>
    /// <param name="serial">The serial content octets.</param>
    /// <param name="destination">Receives the key.</param>
    /// <param name="length">Bytes written; 0 when the key is invalid.</param>
    /// <returns>False when the issuer is 0 or the serial is empty or longer than 20 bytes.</returns>
    public static bool TryEncode(IssuerId issuer, ReadOnlySpan<byte> serial, Span<byte> destination, out int length)
    {
        if (!issuer.IsValid || (uint)(serial.Length - 1) >= StoreLimits.MaxSerialLength || destination.Length < 2 + serial.Length)
        {
            length = 0;
            return false;
        }

        BinaryPrimitives.WriteUInt16BigEndian(destination, issuer.Value);
        serial.CopyTo(destination[2..]);
        length = 2 + serial.Length;
        return true;
    }

    /// <summary>Splits a key back into issuer and serial.</summary>
    /// <param name="key">An encoded key.</param>
    /// <param name="issuer">The issuer.</param>
    /// <param name="serial">The serial content octets (a slice of <paramref name="key"/>).</param>
    /// <returns>False when the key is malformed.</returns>
    public static bool TryDecode(ReadOnlySpan<byte> key, out IssuerId issuer, out ReadOnlySpan<byte> serial)
    {
        if ((uint)(key.Length - 3) >= StoreLimits.MaxSerialLength)
        {
            issuer = default;
            serial = default;
            return false;
        }

        issuer = new IssuerId(BinaryPrimitives.ReadUInt16BigEndian(key));
        serial = key[2..];
        return issuer.IsValid;
    }
}
