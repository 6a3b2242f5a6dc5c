// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers.Binary;

namespace V2gPki.Store;

/// <summary>
/// Layout of a subject-index value (docs/architecture.md §5): the certificates registered for one subject key, in the
/// order they were added (registration order; after a rebuild, registry log order).
/// <code>
///  0 u8 layout version (1)   1 u8 0   2 u16 count (little-endian)
///  4 count × ( u8 key length (3–22) | store key: u16 issuer id, big-endian, then the serial content octets )
/// </code>
/// An entry is the registry's own key (<see cref="StoreKey"/>), so a reader goes from the index to the registry with no
/// re-encoding. A set: adding an entry already present changes nothing, which makes replay idempotent. At most
/// <see cref="StoreLimits.MaxCertificatesPerSubject"/> entries: adding one more drops the oldest.
/// </summary>
internal static class SubjectIndexValue
{
    /// <summary>Header length.</summary>
    public const int HeaderLength = 4;

    /// <summary>Largest value.</summary>
    public const int MaxLength = HeaderLength + StoreLimits.MaxCertificatesPerSubject * (1 + StoreKey.MaxLength);

    /// <summary>Current layout version.</summary>
    public const byte LayoutVersion = 1;

    /// <summary>Checks the framing of a value.</summary>
    /// <param name="value">A value.</param>
    /// <returns>The entry count, or -1 when the value is malformed.</returns>
    public static int Count(ReadOnlySpan<byte> value)
    {
        if (value.Length < HeaderLength || value[0] != LayoutVersion)
        {
            return -1;
        }

        int count = BinaryPrimitives.ReadUInt16LittleEndian(value[2..]);
        var at = HeaderLength;
        for (var i = 0; i < count; i++)
        {
            if (at >= value.Length || (uint)(value[at] - 3) >= StoreLimits.MaxSerialLength || at + 1 + value[at] > value.Length)
            {
                return -1;
            }

            at += 1 + value[at];
        }

        return at == value.Length ? count : -1;
    }

    /// <summary>Reads the entry at <paramref name="at"/> and moves past it (the value was checked with <see cref="Count"/>).</summary>
    /// <param name="value">A checked value.</param>
    /// <param name="at">The entry offset (start at <see cref="HeaderLength"/>); advanced to the next entry.</param>
    /// <returns>The entry: a store key (issuer id + serial).</returns>
    public static ReadOnlySpan<byte> Next(ReadOnlySpan<byte> value, ref int at)
    {
        var key = value.Slice(at + 1, value[at]);
        at += 1 + key.Length;
        return key;
    }

    /// <summary>
    /// Writes <paramref name="current"/> plus <paramref name="storeKey"/> into <paramref name="destination"/>, unless it is
    /// already present.
    /// </summary>
    /// <param name="current">The current value (empty when the subject has none yet).</param>
    /// <param name="storeKey">The certificate's store key (issuer id + serial).</param>
    /// <param name="destination">At least <see cref="MaxLength"/> bytes.</param>
    /// <param name="dropped">Whether the oldest entry was dropped to stay within the bound.</param>
    /// <returns>The new value's length, or 0 when the entry is already present (nothing to write).</returns>
    public static int Add(ReadOnlySpan<byte> current, ReadOnlySpan<byte> storeKey, Span<byte> destination, out bool dropped)
    {
        dropped = false;
        var count = current.IsEmpty ? 0 : Count(current);
        if (count < 0)
        {
            // A malformed value (never written by this code): start the subject over rather than lose the new entry.
            count = 0;
            current = default;
        }

        var at = HeaderLength;
        var first = 0;
        for (var i = 0; i < count; i++)
        {
            var start = at;
            if (Next(current, ref at).SequenceEqual(storeKey))
            {
                return 0;
            }

            if (i == 0)
            {
                first = at - start;
            }
        }

        var from = HeaderLength;
        var keep = count;
        if (count >= StoreLimits.MaxCertificatesPerSubject)
        {
            dropped = true;
            keep--;
            from += first;
        }

        destination[0] = LayoutVersion;
        destination[1] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(destination[2..], (ushort)(keep + 1));
        var length = HeaderLength;
        if (keep > 0)
        {
            var kept = current[from..];
            kept.CopyTo(destination[length..]);
            length += kept.Length;
        }

        destination[length] = (byte)storeKey.Length;
        storeKey.CopyTo(destination[(length + 1)..]);
        return length + 1 + storeKey.Length;
    }
}
