// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers.Binary;

namespace V2gPki.Store;

/// <summary>
/// The durable record of the latest complete checkpoint: the three tables' FASTER checkpoint tokens and the WAL address
/// the checkpoint covers (every WAL entry below it is contained in the tables' state). Written to a temporary file,
/// fsynced, renamed over <c>checkpoint.manifest</c>, and the directory fsynced, so a crash leaves either the old or the
/// new manifest. Layout (little-endian, 80 bytes): magic "V2GM", u32 version 1, i64 WAL covered address, 3 × 16-byte
/// GUID (serving, registry, certificates), i64 created (UTC ticks), u32 reserved, u32 CRC-32C of bytes [0, 76).
/// </summary>
/// <param name="WalCoveredAddress">WAL address the checkpoint covers; replay starts here.</param>
/// <param name="ServingToken">Serving table checkpoint token.</param>
/// <param name="RegistryToken">Registry table checkpoint token.</param>
/// <param name="CertificatesToken">Certificate table checkpoint token.</param>
/// <param name="CreatedTicks">When it was written (UTC ticks).</param>
internal sealed record CheckpointManifest(long WalCoveredAddress, Guid ServingToken, Guid RegistryToken, Guid CertificatesToken, long CreatedTicks)
{
    /// <summary>File name inside the data directory.</summary>
    public const string FileName = "checkpoint.manifest";

    private const int Length = 80;
    private const uint Magic = 0x4D473256; // "V2GM"

    /// <summary>Reads the manifest.</summary>
    /// <param name="directory">Data directory.</param>
    /// <param name="manifest">The manifest, or null when there is none yet.</param>
    /// <returns>False when a manifest exists but is corrupt.</returns>
    public static bool TryRead(string directory, out CheckpointManifest? manifest)
    {
        manifest = null;
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return true;
        }

        var bytes = File.ReadAllBytes(path);
        if (bytes.Length != Length || BinaryPrimitives.ReadUInt32LittleEndian(bytes) != Magic
            || BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(76)) != Crc32C.Compute(bytes.AsSpan(0, 76))
            || BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4)) != 1)
        {
            return false;
        }

        manifest = new CheckpointManifest(
            BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(8)),
            new Guid(bytes.AsSpan(16, 16)),
            new Guid(bytes.AsSpan(32, 16)),
            new Guid(bytes.AsSpan(48, 16)),
            BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(64)));
        return true;
    }

    /// <summary>Writes the manifest durably and atomically.</summary>
    /// <param name="directory">Data directory.</param>
    public void Write(string directory)
    {
        Span<byte> bytes = stackalloc byte[Length];
        bytes.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, Magic);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes[4..], 1);
        BinaryPrimitives.WriteInt64LittleEndian(bytes[8..], WalCoveredAddress);
        ServingToken.TryWriteBytes(bytes[16..]);
        RegistryToken.TryWriteBytes(bytes[32..]);
        CertificatesToken.TryWriteBytes(bytes[48..]);
        BinaryPrimitives.WriteInt64LittleEndian(bytes[64..], CreatedTicks);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes[76..], Crc32C.Compute(bytes[..76]));

        var path = Path.Combine(directory, FileName);
        var temp = path + ".tmp";
        using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.None))
        {
            file.Write(bytes);
            file.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
        DirectorySync.Fsync(directory);
    }
}
