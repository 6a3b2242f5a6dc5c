// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers.Binary;
using System.Numerics;

namespace V2gPki.Store;

/// <summary>
/// CRC-32C (Castagnoli) over a span, for WAL entry checksums. <see cref="BitOperations.Crc32C(uint, ulong)"/> uses the SSE4.2
/// or ARMv8 CRC instruction where present and a table otherwise, so no package (System.IO.Hashing) is needed.
/// </summary>
internal static class Crc32C
{
    /// <summary>Computes the CRC-32C of <paramref name="data"/> (initial value and final XOR 0xFFFFFFFF, as in iSCSI).</summary>
    /// <param name="data">The bytes.</param>
    /// <returns>The checksum.</returns>
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        while (data.Length >= 8)
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[8..];
        }

        foreach (var b in data)
        {
            crc = BitOperations.Crc32C(crc, b);
        }

        return ~crc;
    }
}
