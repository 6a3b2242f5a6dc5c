// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Numerics;

namespace V2gPki.Store;

/// <summary>Configuration of a <see cref="FasterStore"/>.</summary>
/// <remarks>
/// Sizing (see <see cref="ForCapacity"/>): a serving record is about 480 bytes of log (8 header + 24–32 key + 32 + ~400
/// signed part, 8-aligned), a registry record about 180, a certificate about 800 (kept mostly on disk). For 10 M
/// certificates: serving 4.8 GB live → 8 GiB log ceiling (compaction starts at 75 %, so live data plus garbage stay in
/// memory), registry 1.8 GB → 4 GiB, certificates 512 MiB in memory with the rest on disk, hash indexes 2^22 buckets
/// (256 MiB) for serving and registry and 2^21 for certificates. Upper bound ≈ 13.2 GiB on a 24 GiB machine; pages are
/// allocated as the logs grow, so the resident size follows the data.
/// </remarks>
public sealed class StoreOptions
{
    /// <summary>Bytes of serving-index log per certificate used for sizing (record header, key, 32-byte header, ~400-byte response).</summary>
    public const int ServingRecordEstimate = 480;

    /// <summary>Bytes of registry log per certificate used for sizing.</summary>
    public const int RegistryRecordEstimate = 180;

    /// <summary>
    /// Bytes of subject-index log per certificate used for sizing: one subject with one certificate (record header, a
    /// 16–40 byte key, a 4-byte header and a 19-byte entry), and the copy a renewal leaves until compaction.
    /// </summary>
    public const int SubjectRecordEstimate = 96;

    /// <summary>Gets or sets the data directory (serving/, registry/, certificates/, subjects/, wal/, checkpoint.manifest).</summary>
    public required string Directory { get; set; }

    /// <summary>Gets or sets the serving index table sizing (must stay in memory).</summary>
    public KvLogOptions Serving { get; set; } = new();

    /// <summary>Gets or sets the registry table sizing.</summary>
    public KvLogOptions Registry { get; set; } = new();

    /// <summary>Gets or sets the certificate DER table sizing (may live mostly on disk).</summary>
    public KvLogOptions Certificates { get; set; } = new() { MemorySizeBits = 26 };

    /// <summary>
    /// Gets or sets the subject-ID index table sizing (subject key → the certificates of that subject; cold path, may go
    /// to disk).
    /// </summary>
    public KvLogOptions Subjects { get; set; } = new() { IndexBucketBits = 16, PageSizeBits = 20, MemorySizeBits = 26, SegmentSizeBits = 30 };

    /// <summary>Gets or sets the WAL sizing.</summary>
    public WalOptions Wal { get; set; } = new();

    /// <summary>Gets or sets how lookups get a FASTER session (default thread-affine, the faster one measured).</summary>
    public ReadSessionMode ReadSessions { get; set; } = ReadSessionMode.ThreadAffine;

    /// <summary>Gets or sets the number of pooled sessions for <see cref="ReadSessionMode.Pool"/> (0 = twice the processor count).</summary>
    public int ReadSessionPoolSize { get; set; }

    /// <summary>Gets or sets what recovery does with a corrupt WAL entry.</summary>
    public WalCorruptionPolicy CorruptionPolicy { get; set; } = WalCorruptionPolicy.FailRecovery;

    /// <summary>Gets or sets the interval of background checkpoints (0 or negative: none; call <see cref="FasterStore.CheckpointAsync"/>).</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets or sets the WAL bytes after which the background loop checkpoints early.</summary>
    public long CheckpointAfterWalBytes { get; set; } = 64L << 20;

    /// <summary>Gets or sets the fraction of a table's memory ceiling at which maintenance compacts its log.</summary>
    public double CompactionTrigger { get; set; } = 0.75;

    /// <summary>Gets or sets the fraction of the memory ceiling compaction aims to get the log span down to.</summary>
    public double CompactionTarget { get; set; } = 0.5;

    /// <summary>Gets or sets the time source.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Creates options sized for a number of certificates (see the type remarks for the arithmetic).</summary>
    /// <param name="directory">Data directory.</param>
    /// <param name="certificates">Expected number of certificates.</param>
    /// <returns>The options.</returns>
    public static StoreOptions ForCapacity(string directory, long certificates)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(certificates, 1);
        var indexBits = Math.Max(10, CeilLog2(certificates / 2 + 1) - 1);
        return new StoreOptions
        {
            Directory = directory,
            Serving = Table(certificates * ServingRecordEstimate, indexBits, segmentBits: 30),
            Registry = Table(certificates * RegistryRecordEstimate, indexBits, segmentBits: 30),
            Subjects = Table(certificates * SubjectRecordEstimate, indexBits, segmentBits: 30),
            Certificates = new KvLogOptions
            {
                IndexBucketBits = Math.Max(10, indexBits - 1),
                PageSizeBits = 22,
                MemorySizeBits = Math.Clamp(CeilLog2(certificates * 800L), 24, 29),
                SegmentSizeBits = 30,
            },
        };
    }

    private static KvLogOptions Table(long liveBytes, int indexBits, int segmentBits)
    {
        // Live data at most 60 % of the ceiling, so that it plus the garbage of a re-sign wave stays under the 75 % trigger.
        var memoryBits = Math.Max(23, CeilLog2((long)(liveBytes / 0.6)));
        var pageBits = Math.Min(22, memoryBits - 3);
        return new KvLogOptions
        {
            IndexBucketBits = indexBits,
            PageSizeBits = pageBits,
            MemorySizeBits = memoryBits,
            SegmentSizeBits = Math.Max(pageBits, Math.Min(segmentBits, memoryBits)),
        };
    }

    private static int CeilLog2(long value) => value <= 1 ? 0 : 64 - BitOperations.LeadingZeroCount((ulong)(value - 1));
}
