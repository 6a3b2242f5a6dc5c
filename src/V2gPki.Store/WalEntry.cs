// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers.Binary;

namespace V2gPki.Store;

/// <summary>
/// One WAL entry (the payload of a FasterLog entry), little-endian:
/// <code>
///  0 u32 CRC-32C of bytes [4, end)     4 u8 format version (1)   5 u8 entry type   6 u8 key length   7 u8 0
///  8 u16 registry value length        10 u16 serving value length                 12 u32 certificate length
/// 16 key | registry value | serving value | certificate DER
/// </code>
/// Each entry carries the complete new state of its certificate (absolute, never a delta), so replaying an entry twice,
/// or replaying one the checkpoint already holds, leaves the same state: replay is idempotent.
/// </summary>
internal readonly ref struct WalEntry
{
    /// <summary>Header length.</summary>
    public const int HeaderLength = 16;

    /// <summary>Current format version.</summary>
    public const byte FormatVersion = 1;

    private WalEntry(WalEntryType type, ReadOnlySpan<byte> key, ReadOnlySpan<byte> registry, ReadOnlySpan<byte> serving, ReadOnlySpan<byte> certificate)
    {
        Type = type;
        Key = key;
        Registry = registry;
        Serving = serving;
        Certificate = certificate;
    }

    /// <summary>Gets the entry type.</summary>
    public WalEntryType Type { get; }

    /// <summary>Gets the store key.</summary>
    public ReadOnlySpan<byte> Key { get; }

    /// <summary>Gets the registry value (empty when absent).</summary>
    public ReadOnlySpan<byte> Registry { get; }

    /// <summary>Gets the serving value (empty when absent).</summary>
    public ReadOnlySpan<byte> Serving { get; }

    /// <summary>Gets the certificate DER (empty when absent).</summary>
    public ReadOnlySpan<byte> Certificate { get; }

    /// <summary>Gets the encoded length of an entry.</summary>
    /// <param name="keyLength">Key length.</param>
    /// <param name="registryLength">Registry value length.</param>
    /// <param name="servingLength">Serving value length.</param>
    /// <param name="certificateLength">Certificate length.</param>
    /// <returns>Total bytes.</returns>
    public static int GetLength(int keyLength, int registryLength, int servingLength, int certificateLength)
        => HeaderLength + keyLength + registryLength + servingLength + certificateLength;

    /// <summary>Encodes an entry and its checksum.</summary>
    /// <param name="destination">Exactly <see cref="GetLength"/> bytes.</param>
    /// <param name="type">Entry type.</param>
    /// <param name="key">Store key.</param>
    /// <param name="registry">Registry value.</param>
    /// <param name="serving">Serving value.</param>
    /// <param name="certificate">Certificate DER.</param>
    public static void Write(Span<byte> destination, WalEntryType type, ReadOnlySpan<byte> key, ReadOnlySpan<byte> registry, ReadOnlySpan<byte> serving, ReadOnlySpan<byte> certificate)
    {
        destination[4] = FormatVersion;
        destination[5] = (byte)type;
        destination[6] = (byte)key.Length;
        destination[7] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(destination[8..], (ushort)registry.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[10..], (ushort)serving.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[12..], (uint)certificate.Length);
        var at = HeaderLength;
        key.CopyTo(destination[at..]);
        at += key.Length;
        registry.CopyTo(destination[at..]);
        at += registry.Length;
        serving.CopyTo(destination[at..]);
        at += serving.Length;
        certificate.CopyTo(destination[at..]);
        BinaryPrimitives.WriteUInt32LittleEndian(destination, Crc32C.Compute(destination[4..]));
    }

    /// <summary>Decodes an entry, verifying its checksum and lengths.</summary>
    /// <param name="source">The FasterLog entry payload.</param>
    /// <param name="entry">The entry.</param>
    /// <returns>False when the checksum, version, type or lengths do not match (a corrupt entry, never applied).</returns>
    public static bool TryRead(ReadOnlySpan<byte> source, out WalEntry entry)
    {
        entry = default;
        if (source.Length < HeaderLength || BinaryPrimitives.ReadUInt32LittleEndian(source) != Crc32C.Compute(source[4..]))
        {
            return false;
        }

        if (source[4] != FormatVersion || source[5] is not ((byte)WalEntryType.Issuance or (byte)WalEntryType.StatusChange))
        {
            return false;
        }

        int keyLength = source[6];
        int registryLength = BinaryPrimitives.ReadUInt16LittleEndian(source[8..]);
        int servingLength = BinaryPrimitives.ReadUInt16LittleEndian(source[10..]);
        var certificateLength = BinaryPrimitives.ReadUInt32LittleEndian(source[12..]);
        if (certificateLength > StoreLimits.MaxCertificateLength
            || GetLength(keyLength, registryLength, servingLength, (int)certificateLength) != source.Length)
        {
            return false;
        }

        var at = HeaderLength;
        var key = source.Slice(at, keyLength);
        at += keyLength;
        var registry = source.Slice(at, registryLength);
        at += registryLength;
        var serving = source.Slice(at, servingLength);
        at += servingLength;
        entry = new WalEntry((WalEntryType)source[5], key, registry, serving, source.Slice(at, (int)certificateLength));
        return true;
    }
}
