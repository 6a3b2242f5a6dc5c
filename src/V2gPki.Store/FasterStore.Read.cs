// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers;

namespace V2gPki.Store;

/// <summary>Lookups: the serving hot path and the registry's cold reads.</summary>
public sealed partial class FasterStore
{
    /// <inheritdoc />
    public LookupStatus TryGetResponse(IssuerId issuer, ReadOnlySpan<byte> serial, Span<byte> destination, out ResponseMetadata metadata)
    {
        if (_readiness != StoreReadiness.Ready)
        {
            metadata = default;
            return LookupStatus.NotReady;
        }

        Span<byte> key = stackalloc byte[StoreKey.MaxLength];
        if (!StoreKey.TryEncode(issuer, serial, key, out var keyLength))
        {
            metadata = default;
            return LookupStatus.InvalidKey;
        }

        key = key[..keyLength];
        var threadSessions = _threadSessions;
        if (threadSessions is not null)
        {
            return threadSessions.Get().Lookup(key, destination, out metadata, Metrics);
        }

        var pool = _pooledSessions!;
        var session = pool.Rent();
        try
        {
            return session.Lookup(key, destination, out metadata, Metrics);
        }
        finally
        {
            pool.Return(session);
        }
    }

    /// <inheritdoc />
    public LookupStatus TryGetCertificate(IssuerId issuer, ReadOnlySpan<byte> serial, out CertificateRecord? record)
    {
        record = null;
        if (_readiness != StoreReadiness.Ready)
        {
            return LookupStatus.NotReady;
        }

        Span<byte> key = stackalloc byte[StoreKey.MaxLength];
        if (!StoreKey.TryEncode(issuer, serial, key, out var keyLength))
        {
            return LookupStatus.InvalidKey;
        }

        key = key[..keyLength];

        Span<byte> value = stackalloc byte[RegistryValue.MaxLength];
        int length;
        bool found;
        lock (_coldReadLock)
        {
            found = _registryReader!.TryRead(key, value, out length);
        }

        if (!found)
        {
            return LookupStatus.NotFound;
        }

        return RegistryValue.TryRead(value[..Math.Min(length, value.Length)], issuer, serial, out record) ? LookupStatus.Found : LookupStatus.NotFound;
    }

    /// <inheritdoc />
    public LookupStatus TryGetCertificateDer(IssuerId issuer, ReadOnlySpan<byte> serial, IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (_readiness != StoreReadiness.Ready)
        {
            return LookupStatus.NotReady;
        }

        Span<byte> key = stackalloc byte[StoreKey.MaxLength];
        if (!StoreKey.TryEncode(issuer, serial, key, out var keyLength))
        {
            return LookupStatus.InvalidKey;
        }

        key = key[..keyLength];

        var destination = writer.GetSpan(StoreLimits.MaxCertificateLength);
        int length;
        bool found;
        lock (_coldReadLock)
        {
            found = _certificateReader!.TryRead(key, destination, out length);
        }

        if (!found || length > destination.Length)
        {
            return LookupStatus.NotFound;
        }

        writer.Advance(length);
        return LookupStatus.Found;
    }

    /// <inheritdoc />
    public LookupStatus TryGetCertificatesBySubject(string subjectId, ICollection<CertificateRecord> records)
    {
        ArgumentNullException.ThrowIfNull(subjectId);
        ArgumentNullException.ThrowIfNull(records);
        if (_readiness != StoreReadiness.Ready)
        {
            return LookupStatus.NotReady;
        }

        Span<byte> key = stackalloc byte[SubjectKey.MaxLength];
        if (!SubjectKey.TryEncode(subjectId, key, out var keyLength))
        {
            return LookupStatus.InvalidKey;
        }

        key = key[..keyLength];
        var value = ArrayPool<byte>.Shared.Rent(SubjectIndexValue.MaxLength);
        try
        {
            var added = 0;
            Span<byte> registry = stackalloc byte[RegistryValue.MaxLength];
            lock (_coldReadLock)
            {
                if (!_subjectReader!.TryRead(key, value, out var length) || length > value.Length)
                {
                    return LookupStatus.NotFound;
                }

                var entries = value.AsSpan(0, length);
                var count = SubjectIndexValue.Count(entries);
                var at = SubjectIndexValue.HeaderLength;
                for (var i = 0; i < count; i++)
                {
                    var storeKey = SubjectIndexValue.Next(entries, ref at);
                    if (!StoreKey.TryDecode(storeKey, out var issuer, out var serial)
                        || !_registryReader!.TryRead(storeKey, registry, out var registryLength)
                        || !RegistryValue.TryRead(registry[..Math.Min(registryLength, registry.Length)], issuer, serial, out var record))
                    {
                        continue;
                    }

                    records.Add(record!);
                    added++;
                }
            }

            return added > 0 ? LookupStatus.Found : LookupStatus.NotFound;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(value);
        }
    }

    /// <inheritdoc />
    public long ForEachCertificate(Func<CertificateRecord, bool> visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        if (_readiness != StoreReadiness.Ready)
        {
            return 0;
        }

        long visited = 0;

        // A raw log scan plus a point read per record, not FasterKV.Iterate: in FASTER 2.6.5 Iterate hands records that are
        // not the tail of their hash-tag chain to a temporary store by value (FASTERIterator.ProcessNonTailmostMainKvRecord
        // takes Key by value), which for SpanByte keys copies the header without the inline payload, so after updates and
        // recovery it yields garbage keys and drops real ones. Here a record counts only when it is the key's latest version.
        var log = _registry!.Kv.Log;
        using var iterator = log.Scan(log.BeginAddress, log.TailAddress);

        // Its own session, not the shared cold reader: a scan thread preempted while holding _coldReadLock would stall a
        // revocation's registry read behind it.
        using var reader = new RawSession(_registry.Kv);
        while (iterator.GetNext(out var info))
        {
            if (info.Tombstone)
            {
                continue;
            }

            var key = iterator.GetKey().AsReadOnlySpan();
            if (!StoreKey.TryDecode(key, out var issuer, out var serial))
            {
                continue;
            }

            var latest = reader.TryReadAddress(key, out var address) && address == iterator.CurrentAddress;
            if (!latest || !RegistryValue.TryRead(iterator.GetValue().AsReadOnlySpan(), issuer, serial, out var record))
            {
                continue;
            }

            visited++;
            if (!visitor(record!))
            {
                break;
            }
        }

        return visited;
    }
}
