// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Store;

/// <summary>Sizing of the write-ahead log (a FASTER <c>FasterLog</c>).</summary>
public sealed class WalOptions
{
    /// <summary>Gets or sets the log page size in bits (default 22 = 4 MiB); an entry (≤ ~21 KiB) must fit in a page.</summary>
    public int PageSizeBits { get; set; } = 22;

    /// <summary>Gets or sets the in-memory part of the log in bits (default 24 = 16 MiB, four pages).</summary>
    public int MemorySizeBits { get; set; } = 24;

    /// <summary>
    /// Gets or sets the segment (file) size in bits (default 28 = 256 MiB). Truncation after a checkpoint deletes whole
    /// segments, so disk use is bounded by the WAL written between two checkpoints plus one segment.
    /// </summary>
    public int SegmentSizeBits { get; set; } = 28;

    /// <summary>
    /// Gets or sets how long the committer waits after the first pending entry before it commits, to gather more
    /// producers into one commit (default zero: commit at once; producers that arrive during a commit share the next one).
    /// </summary>
    public TimeSpan GroupCommitDelay { get; set; } = TimeSpan.Zero;
}
