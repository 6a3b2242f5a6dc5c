// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers.Binary;

namespace V2gPki.Store;

/// <summary>
/// The durable record of the latest complete checkpoint: the tables' FASTER checkpoint tokens and the WAL address the
/// checkpoint covers (every WAL entry below it is contained in the tables' state). Written to a temporary file,
/// fsynced, renamed over <c>checkpoint.manifest</c>, and the directory fsynced, so a crash leaves either the old or the
/// new manifest. Layout (little-endian), version 2, 96 bytes: magic "V2GM", u32 version 2, i64 WAL covered address,
/// 4 × 16-byte GUID (serving, registry, certificates, subjects), i64 created (UTC ticks), u32 reserved, u32 CRC-32C of
/// bytes [0, 92). Version 1 (80 bytes: three GUIDs, created at 64, CRC at 76) was written before the subject-ID index
/// existed; it is still read, with <see cref="SubjectsToken"/> empty, which tells recovery to rebuild the index.
/// </summary>
/// <param name="WalCoveredAddress">WAL address the checkpoint covers; replay starts here.</param>
/// <param name="ServingToken">Serving table checkpoint token.</param>
/// <param name="RegistryToken">Registry table checkpoint token.</param>
/// <param name="CertificatesToken">Certificate table checkpoint token.</param>
/// <param name="SubjectsToken">Subject-ID index checkpoint token; empty in a version 1 manifest (no index yet).</param>
/// <param name="CreatedTicks">When it was written (UTC ticks).</param>
internal sealed record CheckpointManifest(long WalCoveredAddress, Guid ServingToken, Guid RegistryToken, Guid CertificatesToken, Guid SubjectsToken, long CreatedTicks)
{
    /// <summary>File name inside the data directory.</summary>
    public const string FileName = "checkpoint.manifest";

    /// <summary>Length of a version 1 manifest.</summary>
    public const int Version1Length = 80;

    private const int Length = 96;
    private const uint Magic = 0x4D473256; // "V2GM"

    /// <summary>Reads the manifest (version 2, or version 1 without the subject-ID index).</summary>
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
        if (bytes.Length < 8 || BinaryPrimitives.ReadUInt32LittleEndian(bytes) != Magic)
        {
            return false;
        }

        var version = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4));
        var length = version switch
        {
            1 => Version1Length,
            2 => Length,
            _ => -1,
        };
        if (bytes.Length != length || BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(length - 4)) != Crc32C.Compute(bytes.AsSpan(0, length - 4)))
        {
            return false;
        }

        manifest = new CheckpointManifest(
            BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(8)),
            new Guid(bytes.AsSpan(16, 16)),
            new Guid(bytes.AsSpan(32, 16)),
            new Guid(bytes.AsSpan(48, 16)),
            version == 1 ? Guid.Empty : new Guid(bytes.AsSpan(64, 16)),
            BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(version == 1 ? 64 : 80)));
        return true;
    }

    /// <summary>Writes the manifest (version 2) durably and atomically.</summary>
    /// <param name="directory">Data directory.</param>
    public void Write(string directory)
    {
        Span<byte> bytes = stackalloc byte[Length];
        bytes.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, Magic);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes[4..], 2);
        BinaryPrimitives.WriteInt64LittleEndian(bytes[8..], WalCoveredAddress);
        ServingToken.TryWriteBytes(bytes[16..]);
        RegistryToken.TryWriteBytes(bytes[32..]);
        CertificatesToken.TryWriteBytes(bytes[48..]);
        SubjectsToken.TryWriteBytes(bytes[64..]);
        BinaryPrimitives.WriteInt64LittleEndian(bytes[80..], CreatedTicks);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes[92..], Crc32C.Compute(bytes[..92]));

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
