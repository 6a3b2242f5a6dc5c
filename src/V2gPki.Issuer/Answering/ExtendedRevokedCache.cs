// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers.Binary;
using System.Security.Cryptography;
using V2gPki.Store;

namespace V2gPki.Issuer.Answering;

/// <summary>
/// A bounded LRU cache of signed extended-revoked answers (docs/architecture.md §3), keyed by issuer + serial packed into a struct so a
/// lookup allocates nothing. Entries are dropped at their nextUpdate. Guarded by one lock: only never-issued serials
/// reach it.
/// </summary>
public sealed class ExtendedRevokedCache
{
    private readonly int _capacity;
    private readonly Lock _lock = new();
    private readonly Dictionary<Key, LinkedListNode<Entry>> _map;
    private readonly LinkedList<Entry> _order = new();

    /// <summary>Creates a cache.</summary>
    /// <param name="capacity">The most entries kept; 0 disables caching.</param>
    public ExtendedRevokedCache(int capacity)
    {
        _capacity = Math.Max(0, capacity);
        _map = new Dictionary<Key, LinkedListNode<Entry>>(Math.Min(_capacity, 1 << 16));
    }

    /// <summary>Gets the number of entries.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _map.Count;
            }
        }
    }

    /// <summary>Copies a cached answer into <paramref name="destination"/> when present and fresh.</summary>
    /// <param name="issuer">The CA.</param>
    /// <param name="serial">The serial.</param>
    /// <param name="nowTicks">Now, UTC ticks.</param>
    /// <param name="destination">Receives the signed part.</param>
    /// <param name="answer">The answer metadata.</param>
    /// <returns>Whether a fresh entry was found and fitted.</returns>
    public bool TryGet(IssuerId issuer, ReadOnlySpan<byte> serial, long nowTicks, Span<byte> destination, out OcspAnswer answer)
    {
        answer = default;
        if (_capacity == 0 || !Key.TryCreate(issuer, serial, out var key))
        {
            return false;
        }

        lock (_lock)
        {
            if (!_map.TryGetValue(key, out var node))
            {
                return false;
            }

            var entry = node.Value;
            if (entry.NextUpdateTicks - TimeSpan.TicksPerMinute <= nowTicks || entry.SignedPart.Length > destination.Length)
            {
                _map.Remove(key);
                _order.Remove(node);
                return false;
            }

            _order.Remove(node);
            _order.AddFirst(node);
            entry.SignedPart.CopyTo(destination);
            answer = new OcspAnswer(entry.SignedPart.Length, entry.SignerId, entry.ThisUpdateTicks, entry.NextUpdateTicks, entry.ETag, cacheable: true);
            return true;
        }
    }

    /// <summary>Adds (or replaces) an answer, evicting the least recently used entry when full.</summary>
    /// <param name="issuer">The CA.</param>
    /// <param name="serial">The serial.</param>
    /// <param name="signedPart">The signed part.</param>
    /// <param name="signerId">Its signer.</param>
    /// <param name="thisUpdateTicks">thisUpdate.</param>
    /// <param name="nextUpdateTicks">nextUpdate.</param>
    /// <returns>The ETag computed for it.</returns>
    public ulong Add(IssuerId issuer, ReadOnlySpan<byte> serial, byte[] signedPart, ushort signerId, long thisUpdateTicks, long nextUpdateTicks)
    {
        ArgumentNullException.ThrowIfNull(signedPart);
        var etag = ComputeETag(signedPart);
        if (_capacity == 0 || !Key.TryCreate(issuer, serial, out var key))
        {
            return etag;
        }

        var entry = new Entry(key, signedPart, signerId, thisUpdateTicks, nextUpdateTicks, etag);
        lock (_lock)
        {
            if (_map.TryGetValue(key, out var existing))
            {
                _order.Remove(existing);
                _map.Remove(key);
            }

            while (_map.Count >= _capacity && _order.Last is { } last)
            {
                _map.Remove(last.Value.Key);
                _order.RemoveLast();
            }

            _map[key] = _order.AddFirst(entry);
        }

        return etag;
    }

    /// <summary>The ETag hash of a signed part: the first 8 bytes of its SHA-256, big-endian (as the store computes it).</summary>
    /// <param name="signedPart">The signed part.</param>
    /// <returns>The hash.</returns>
    public static ulong ComputeETag(ReadOnlySpan<byte> signedPart)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(signedPart, hash);
        return BinaryPrimitives.ReadUInt64BigEndian(hash);
    }

    private sealed record Entry(Key Key, byte[] SignedPart, ushort SignerId, long ThisUpdateTicks, long NextUpdateTicks, ulong ETag);

    private readonly record struct Key(ushort Issuer, byte Length, ulong A, ulong B, uint C)
    {
        public static bool TryCreate(IssuerId issuer, ReadOnlySpan<byte> serial, out Key key)
        {
            key = default;
            if ((uint)(serial.Length - 1) >= 20)
            {
                return false;
            }

            Span<byte> padded = stackalloc byte[20];
            padded.Clear();
            serial.CopyTo(padded);
            key = new Key(issuer.Value, (byte)serial.Length, BinaryPrimitives.ReadUInt64LittleEndian(padded),
                BinaryPrimitives.ReadUInt64LittleEndian(padded[8..]), BinaryPrimitives.ReadUInt32LittleEndian(padded[16..]));
            return true;
        }
    }
}
