// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

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
        if (manifest is not null)
        {
            await Task.Run(
                () =>
                {
                    _serving.Recover(manifest.ServingToken);
                    _registry.Recover(manifest.RegistryToken);
                    _certificates.Recover(manifest.CertificatesToken);
                },
                cancellationToken).ConfigureAwait(false);
        }

        // Checkpoints the manifest does not name are leftovers of a crash during a checkpoint.
        _serving.PurgeCheckpointsExcept(manifest?.ServingToken ?? Guid.Empty);
        _registry.PurgeCheckpointsExcept(manifest?.RegistryToken ?? Guid.Empty);
        _certificates.PurgeCheckpointsExcept(manifest?.CertificatesToken ?? Guid.Empty);

        _wal = WriteAheadLog.Open(Path.Combine(directory, "wal"), _options.Wal, Metrics, _time, OnWalFault);
        _servingWriter = new ServingSession(_serving.Kv);
        _registryWriter = new RawSession(_registry.Kv);
        _certificateWriter = new RawSession(_certificates.Kv);
        _registryReader = new RawSession(_registry.Kv);
        _certificateReader = new RawSession(_certificates.Kv);

        var covered = manifest?.WalCoveredAddress ?? 0;
        var committed = _wal.CommittedUntilAddress;
        var corrupt = new List<long>();
        var (replayed, error) = ReplayWal(covered, corrupt);
        if (error is not null)
        {
            return Faulted(started, error, covered, committed, replayed, corrupt, manifest is not null);
        }

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
    /// (<see cref="ServingValue.Supersedes"/>); the certificate always (immutable, same bytes). Caller holds the write lock.
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
}
