// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers;
using FASTER.core;

namespace V2gPki.Store;

/// <summary>Recovery: latest checkpoint + idempotent replay of the WAL from the address it covers.</summary>
public sealed partial class FasterStore
{
    /// <summary>
    /// Opens the tables and the WAL, loads the checkpoint the manifest names, replays every committed WAL entry from the
    /// address that checkpoint covers (verifying each entry's CRC-32C first), and then reports Ready. Until then lookups
    /// answer <see cref="LookupStatus.NotReady"/>. A corrupt entry is never applied; under
    /// <see cref="WalCorruptionPolicy.FailRecovery"/> the store stays <see cref="StoreReadiness.Faulted"/>.
    /// </summary>
    /// <param name="cancellationToken">Cancellation (before replay starts).</param>
    /// <returns>What was recovered.</returns>
    public async Task<RecoveryReport> RecoverAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _recoveryStarted, 1) != 0)
        {
            throw new InvalidOperationException("RecoverAsync runs once per store instance.");
        }

        var started = _time.GetTimestamp();
        var directory = _options.Directory;
        Directory.CreateDirectory(directory);

        if (!CheckpointManifest.TryRead(directory, out var manifest))
        {
            return Faulted(started, "checkpoint manifest is corrupt", 0, 0, 0, []);
        }

        _serving = new KvTable("serving", Path.Combine(directory, "serving"), _options.Serving);
        _registry = new KvTable("registry", Path.Combine(directory, "registry"), _options.Registry);
        _certificates = new KvTable("certificates", Path.Combine(directory, "certificates"), _options.Certificates);
        _subjects = new KvTable("subjects", Path.Combine(directory, "subjects"), _options.Subjects);
        if (manifest is not null)
        {
            await Task.Run(
                () =>
                {
                    _serving.Recover(manifest.ServingToken);
                    _registry.Recover(manifest.RegistryToken);
                    _certificates.Recover(manifest.CertificatesToken);
                    if (manifest.SubjectsToken != Guid.Empty)
                    {
                        _subjects.Recover(manifest.SubjectsToken);
                    }
                },
                cancellationToken).ConfigureAwait(false);
        }

        // Checkpoints the manifest does not name are leftovers of a crash during a checkpoint.
        _serving.PurgeCheckpointsExcept(manifest?.ServingToken ?? Guid.Empty);
        _registry.PurgeCheckpointsExcept(manifest?.RegistryToken ?? Guid.Empty);
        _certificates.PurgeCheckpointsExcept(manifest?.CertificatesToken ?? Guid.Empty);
        _subjects.PurgeCheckpointsExcept(manifest?.SubjectsToken ?? Guid.Empty);

        _wal = WriteAheadLog.Open(Path.Combine(directory, "wal"), _options.Wal, Metrics, _time, OnWalFault);
        _servingWriter = new ServingSession(_serving.Kv);
        _registryWriter = new RawSession(_registry.Kv);
        _certificateWriter = new RawSession(_certificates.Kv);
        _registryReader = new RawSession(_registry.Kv);
        _certificateReader = new RawSession(_certificates.Kv);
        _subjectWriter = new RawSession(_subjects.Kv);
        _subjectReader = new RawSession(_subjects.Kv);

        var covered = manifest?.WalCoveredAddress ?? 0;
        var committed = _wal.CommittedUntilAddress;
        var corrupt = new List<long>();
        var (replayed, error) = ReplayWal(covered, corrupt);
        if (error is not null)
        {
            return Faulted(started, error, covered, committed, replayed, corrupt, manifest is not null);
        }

        // A checkpoint without a subject-index token was taken before the index existed: the index holds only what the
        // replay added, so it is rebuilt from the registry (idempotent; again after a crash until the next checkpoint).
        var rebuilt = manifest is not null && manifest.SubjectsToken == Guid.Empty ? RebuildSubjectIndex() : -1;

        Volatile.Write(ref _lastCheckpointWal, covered);
        if (_options.ReadSessions == ReadSessionMode.Pool)
        {
            _pooledSessions = new PooledSessions(_serving.Kv, _options.ReadSessionPoolSize > 0 ? _options.ReadSessionPoolSize : 2 * Environment.ProcessorCount, Metrics);
        }
        else
        {
            _threadSessions = new ThreadAffineSessions(_serving.Kv, Metrics);
        }

        _readiness = StoreReadiness.Ready;
        if (_options.CheckpointInterval > TimeSpan.Zero)
        {
            _maintenanceLoop = Task.Run(RunMaintenanceAsync, CancellationToken.None);
        }

        return new RecoveryReport
        {
            CheckpointLoaded = manifest is not null,
            WalCoveredAddress = covered,
            WalCommittedUntil = committed,
            EntriesReplayed = replayed,
            CorruptEntries = corrupt,
            SubjectIndexRebuilt = rebuilt,
            Readiness = StoreReadiness.Ready,
            Duration = _time.GetElapsedTime(started),
        };
    }

    /// <summary>
    /// Replays every committed WAL entry from <paramref name="from"/> through <see cref="Apply"/> (idempotent), refusing
    /// entries whose checksum or framing is wrong. Also used by tests to replay entries a second time.
    /// </summary>
    /// <param name="from">First address.</param>
    /// <param name="corrupt">Receives the addresses of refused entries.</param>
    /// <returns>Entries applied, and an error that must fault the store (null when none).</returns>
    internal (long Replayed, string? Error) ReplayWal(long from, List<long> corrupt)
    {
        long replayed = 0;
        lock (_writeLock)
        {
            using var iterator = _wal!.Scan(from);
            while (true)
            {
                bool more;
                byte[] bytes;
                int length;
                long address;
                try
                {
                    more = iterator.GetNext(out bytes, out length, out address);
                }
                catch (FasterException ex)
                {
                    // Framing damage (a length that runs past its page): nothing after it can be found, whatever the policy.
                    corrupt.Add(iterator.NextAddress);
                    Metrics.CorruptEntry();
                    return (replayed, "WAL framing is corrupt near address " + iterator.NextAddress + ": " + ex.Message);
                }

                if (!more)
                {
                    return (replayed, null);
                }

                if (!WalEntry.TryRead(bytes.AsSpan(0, length), out var entry))
                {
                    corrupt.Add(address);
                    Metrics.CorruptEntry();
                    if (_options.CorruptionPolicy == WalCorruptionPolicy.FailRecovery)
                    {
                        return (replayed, "WAL entry at address " + address + " fails its checksum");
                    }

                    continue;
                }

                Apply(entry);
                replayed++;
                Metrics.Replayed();
            }
        }
    }

    private RecoveryReport Faulted(long started, string error, long covered, long committed, long replayed, List<long> corrupt, bool checkpointLoaded = false)
    {
        _readiness = StoreReadiness.Faulted;
        return new RecoveryReport
        {
            CheckpointLoaded = checkpointLoaded,
            WalCoveredAddress = covered,
            WalCommittedUntil = committed,
            EntriesReplayed = replayed,
            CorruptEntries = corrupt,
            Readiness = StoreReadiness.Faulted,
            Error = error,
            Duration = _time.GetElapsedTime(started),
        };
    }

    /// <summary>
    /// Applies one WAL entry to the tables (live writes and replay alike). Idempotent: the registry record is written
    /// unless the stored one has a newer status version; the serving value unless the stored one supersedes it
    /// (<see cref="ServingValue.Supersedes"/>); the certificate always (immutable, same bytes); an issuance adds its
    /// certificate to the subject-ID index of the subject ID its registry value names (a set: present stays present).
    /// The index therefore has no WAL entry of its own: the issuance entry that makes a registration durable makes its
    /// index entry durable too. Caller holds the write lock.
    /// </summary>
    private void Apply(in WalEntry entry)
    {
        if (!entry.Registry.IsEmpty)
        {
            Span<byte> current = stackalloc byte[RegistryValue.MaxLength];
            if (!_registryWriter!.TryRead(entry.Key, current, out var length)
                || length < RegistryValue.FixedLength
                || RegistryValue.ReadStatusVersion(entry.Registry) >= RegistryValue.ReadStatusVersion(current))
            {
                _registryWriter.Upsert(entry.Key, entry.Registry);
            }
        }

        if (entry.Type == WalEntryType.Issuance && !entry.Registry.IsEmpty)
        {
            IndexSubject(entry.Key, entry.Registry);
        }

        if (!entry.Certificate.IsEmpty)
        {
            _certificateWriter!.Upsert(entry.Key, entry.Certificate);
        }

        if (!entry.Serving.IsEmpty)
        {
            var candidate = ServingValue.ReadHeader(entry.Serving);
            if (!_servingWriter!.TryReadMetadata(entry.Key, out var current) || ServingValue.Supersedes(current, candidate))
            {
                _servingWriter.Upsert(entry.Key, entry.Serving);
            }
        }
    }

    /// <summary>
    /// Adds a certificate to the subject-ID index under the key its registry value's subject ID folds to
    /// (<see cref="SubjectKey"/>). Caller holds the write lock (or recovery runs alone).
    /// </summary>
    /// <param name="storeKey">The certificate's store key.</param>
    /// <param name="registry">Its registry value.</param>
    /// <returns>True when the index changed.</returns>
    private bool IndexSubject(ReadOnlySpan<byte> storeKey, ReadOnlySpan<byte> registry)
    {
        var subject = RegistryValue.SubjectId(registry);
        if (subject.IsEmpty || subject.Length > SubjectKey.MaxLength)
        {
            return false;
        }

        Span<byte> key = stackalloc byte[SubjectKey.MaxLength];
        var keyLength = SubjectKey.Fold(subject, key);
        if (keyLength == 0)
        {
            return false;
        }

        key = key[..keyLength];
        var current = ArrayPool<byte>.Shared.Rent(SubjectIndexValue.MaxLength);
        var next = ArrayPool<byte>.Shared.Rent(SubjectIndexValue.MaxLength);
        try
        {
            var found = _subjectWriter!.TryRead(key, current, out var length);
            var written = SubjectIndexValue.Add(found ? current.AsSpan(0, Math.Min(length, current.Length)) : default, storeKey, next, out var dropped);
            if (written == 0)
            {
                return false;
            }

            if (dropped)
            {
                Metrics.SubjectIndexOverflowed();
            }

            _subjectWriter.Upsert(key, next.AsSpan(0, written));
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(current);
            ArrayPool<byte>.Shared.Return(next);
        }
    }

    /// <summary>
    /// Indexes the latest record of every registered certificate (a store whose checkpoint predates the index). Walks the
    /// registry log as <see cref="ForEachCertificate"/> does and keeps a record only when it is its key's latest version.
    /// </summary>
    /// <returns>The number of certificates added to the index.</returns>
    private long RebuildSubjectIndex()
    {
        long added = 0;
        lock (_writeLock)
        {
            var log = _registry!.Kv.Log;
            using var iterator = log.Scan(log.BeginAddress, log.TailAddress);
            while (iterator.GetNext(out var info))
            {
                if (info.Tombstone)
                {
                    continue;
                }

                var key = iterator.GetKey().AsReadOnlySpan();
                if (!StoreKey.TryDecode(key, out _, out _)
                    || !_registryWriter!.TryReadAddress(key, out var address) || address != iterator.CurrentAddress)
                {
                    continue;
                }

                if (IndexSubject(key, iterator.GetValue().AsReadOnlySpan()))
                {
                    added++;
                }
            }
        }

        Metrics.SubjectIndexRebuilt(added);
        return added;
    }
}
