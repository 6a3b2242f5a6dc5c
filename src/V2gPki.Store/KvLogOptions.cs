// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Store;

/// <summary>Sizing of one FASTER key-value table (hash index + hybrid log).</summary>
public sealed class KvLogOptions
{
    /// <summary>Gets or sets the hash index size in 64-byte buckets, in bits (allocated up front: 2^bits × 64 bytes).</summary>
    public int IndexBucketBits { get; set; } = 20;

    /// <summary>Gets or sets the log page size in bits.</summary>
    public int PageSizeBits { get; set; } = 22;

    /// <summary>
    /// Gets or sets the in-memory part of the log in bits. Pages are allocated as the log grows, so this is a ceiling, not
    /// a reservation. For the serving index it must hold every live record plus the garbage that accumulates between two
    /// compactions, or lookups go to disk (counted as pending reads).
    /// </summary>
    public int MemorySizeBits { get; set; } = 30;

    /// <summary>Gets or sets the segment (file) size in bits; compaction frees disk in whole segments.</summary>
    public int SegmentSizeBits { get; set; } = 30;

    /// <summary>Gets the in-memory ceiling in bytes.</summary>
    public long MemorySizeBytes => 1L << MemorySizeBits;

    /// <summary>Gets the hash index size in bytes.</summary>
    public long IndexSizeBytes => (1L << IndexBucketBits) * 64;
}
