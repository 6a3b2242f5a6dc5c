// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers;
using System.Security.Cryptography;

namespace V2gPki.Store;

/// <summary>Writes: issuance and status changes through the WAL, re-signs straight into the serving index.</summary>
public sealed partial class FasterStore
{
    /// <inheritdoc />
    public ValueTask<WriteResult> IssueAsync(IssuanceRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_readiness != StoreReadiness.Ready)
        {
            return new(new WriteResult(WriteStatus.NotReady, 0, 0));
        }

        var record = request.Record;
        var response = request.FirstResponse;
        Span<byte> key = stackalloc byte[StoreKey.MaxLength];
        if (record is null || !StoreKey.TryEncode(record.Issuer, record.Serial.Span, key, out var keyLength)
            || !RegistryValue.IsValid(record) || !ServingValue.IsValid(response) || !IsConsistent(record.Status, record.RevocationTime, record.Reason)
            || (uint)(request.CertificateDer.Length - 1) >= StoreLimits.MaxCertificateLength)
        {
            return new(new WriteResult(WriteStatus.InvalidArgument, 0, 0));
        }

        key = key[..keyLength];

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(request.CertificateDer.Span, hash);
        var stored = new CertificateRecord
        {
            Issuer = record.Issuer,
            Serial = record.Serial,
            Kind = record.Kind,
            SubjectId = record.SubjectId,
            NotBefore = record.NotBefore,
            NotAfter = record.NotAfter,
            Status = record.Status,
            RevocationTime = record.RevocationTime,
            Reason = record.Status == CertificateStatus.Hold ? RevocationReason.CertificateHold : record.Reason,
            StatusVersion = 1,
            IssuedAt = record.IssuedAt,
            Requester = record.Requester,
            CertificateSha256 = hash.ToArray(),
        };
        Span<byte> registry = stackalloc byte[RegistryValue.MaxLength];
        registry = registry[..RegistryValue.Write(registry, stored)];
        var serving = ArrayPool<byte>.Shared.Rent(ServingValue.HeaderLength + StoreLimits.MaxSignedResponseLength);
        var entry = ArrayPool<byte>.Shared.Rent(WalEntry.GetLength(key.Length, registry.Length, serving.Length, request.CertificateDer.Length));
        try
        {
            var servingLength = ServingValue.Write(serving, response, stored.Status, 1);
            var entryLength = WalEntry.GetLength(key.Length, registry.Length, servingLength, request.CertificateDer.Length);
            WalEntry.Write(entry.AsSpan(0, entryLength), WalEntryType.Issuance, key, registry, serving.AsSpan(0, servingLength), request.CertificateDer.Span);
            WalEntry.TryRead(entry.AsSpan(0, entryLength), out var decoded);

            Task committed;
            WriteResult result;
            lock (_writeLock)
            {
                if (_readiness != StoreReadiness.Ready)
                {
                    return new(new WriteResult(WriteStatus.NotReady, 0, 0));
                }

                Span<byte> existing = stackalloc byte[RegistryValue.MaxLength];
                if (_registryWriter!.TryRead(key, existing, out var existingLength) && existingLength >= RegistryValue.FixedLength)
                {
                    if (!RegistryValue.CertificateHash(existing).SequenceEqual(hash))
                    {
                        return new(new WriteResult(WriteStatus.SerialInUse, 0, RegistryValue.ReadStatusVersion(existing)));
                    }

                    // The same issuance again: make sure whatever wrote it is durable before saying so.
                    committed = _wal!.WhenCommittedUntil(_wal.TailAddress);
                    result = new WriteResult(WriteStatus.AlreadyApplied, 0, RegistryValue.ReadStatusVersion(existing));
                }
                else
                {
                    committed = _wal!.Append(entry.AsSpan(0, entryLength), out var address);
                    Apply(decoded);
                    result = new WriteResult(WriteStatus.Applied, address, 1);
                }
            }

            return AwaitCommitAsync(committed, result, cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(serving);
            ArrayPool<byte>.Shared.Return(entry);
        }
    }

    /// <inheritdoc />
    public ValueTask<WriteResult> ChangeStatusAsync(StatusChangeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_readiness != StoreReadiness.Ready)
        {
            return new(new WriteResult(WriteStatus.NotReady, 0, 0));
        }

        var newStatus = request.NewStatus;
        var reason = newStatus switch
        {
            CertificateStatus.Hold => RevocationReason.CertificateHold,
            CertificateStatus.Good => RevocationReason.None,
            _ => request.Reason,
        };
        Span<byte> key = stackalloc byte[StoreKey.MaxLength];
        if (!StoreKey.TryEncode(request.Issuer, request.Serial.Span, key, out var keyLength)
            || !Enum.IsDefined(newStatus) || !ServingValue.IsValid(request.Response)
            || !IsConsistent(newStatus, request.RevocationTime, reason))
        {
            return new(new WriteResult(WriteStatus.InvalidArgument, 0, 0));
        }

        key = key[..keyLength];

        var serving = ArrayPool<byte>.Shared.Rent(ServingValue.HeaderLength + StoreLimits.MaxSignedResponseLength);
        var entry = ArrayPool<byte>.Shared.Rent(WalEntry.GetLength(key.Length, RegistryValue.MaxLength, serving.Length, 0));
        try
        {
            Task committed;
            WriteResult result;
            lock (_writeLock)
            {
                if (_readiness != StoreReadiness.Ready)
                {
                    return new(new WriteResult(WriteStatus.NotReady, 0, 0));
                }

                Span<byte> registry = stackalloc byte[RegistryValue.MaxLength];
                if (!_registryWriter!.TryRead(key, registry, out var length) || length < RegistryValue.FixedLength + 2)
                {
                    return new(new WriteResult(WriteStatus.NotFound, 0, 0));
                }

                registry = registry[..length];
                var current = RegistryValue.ReadStatus(registry);
                var version = RegistryValue.ReadStatusVersion(registry);
                if (current == newStatus)
                {
                    // Idempotent: already in that state (a revoked certificate keeps its first reason and time).
                    committed = _wal!.WhenCommittedUntil(_wal.TailAddress);
                    result = new WriteResult(WriteStatus.AlreadyApplied, 0, version);
                }
                else if (!CertificateStatusTransitions.IsAllowed(current, newStatus))
                {
                    return new(new WriteResult(WriteStatus.InvalidTransition, 0, version));
                }
                else
                {
                    version++;
                    RegistryValue.WriteStatus(registry, newStatus, reason, version, newStatus == CertificateStatus.Good ? 0 : request.RevocationTime!.Value.UtcTicks);
                    var servingLength = ServingValue.Write(serving, request.Response, newStatus, version);
                    var entryLength = WalEntry.GetLength(key.Length, registry.Length, servingLength, 0);
                    var bytes = entry.AsSpan(0, entryLength);
                    WalEntry.Write(bytes, WalEntryType.StatusChange, key, registry, serving.AsSpan(0, servingLength), default);
                    WalEntry.TryRead(bytes, out var decoded);
                    committed = _wal!.Append(bytes, out var address);
                    Apply(decoded);
                    result = new WriteResult(WriteStatus.Applied, address, version);
                }
            }

            return AwaitCommitAsync(committed, result, cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(serving);
            ArrayPool<byte>.Shared.Return(entry);
        }
    }

    /// <inheritdoc />
    public WriteResult ReplaceResponse(IssuerId issuer, ReadOnlySpan<byte> serial, uint statusVersion, in SignedResponse response)
    {
        if (_readiness != StoreReadiness.Ready)
        {
            return new WriteResult(WriteStatus.NotReady, 0, 0);
        }

        Span<byte> key = stackalloc byte[StoreKey.MaxLength];
        if (!StoreKey.TryEncode(issuer, serial, key, out var keyLength) || !ServingValue.IsValid(response))
        {
            return new WriteResult(WriteStatus.InvalidArgument, 0, 0);
        }

        key = key[..keyLength];

        var serving = ArrayPool<byte>.Shared.Rent(ServingValue.HeaderLength + StoreLimits.MaxSignedResponseLength);
        try
        {
            lock (_writeLock)
            {
                if (!_servingWriter!.TryReadMetadata(key, out var current))
                {
                    return new WriteResult(WriteStatus.NotFound, 0, 0);
                }

                if (current.StatusVersion != statusVersion)
                {
                    Metrics.ResignRefused();
                    return new WriteResult(WriteStatus.StatusChanged, 0, current.StatusVersion);
                }

                if (response.ThisUpdate.UtcTicks < current.ThisUpdateTicks)
                {
                    Metrics.ResignRefused();
                    return new WriteResult(WriteStatus.StaleResponse, 0, current.StatusVersion);
                }

                var length = ServingValue.Write(serving, response, current.Status, current.StatusVersion);
                _servingWriter.Upsert(key, serving.AsSpan(0, length));
                Metrics.Resigned();
                return new WriteResult(WriteStatus.Applied, 0, current.StatusVersion);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(serving);
        }
    }

    private static async ValueTask<WriteResult> AwaitCommitAsync(Task committed, WriteResult result, CancellationToken cancellationToken)
    {
        await committed.WaitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    private static bool IsConsistent(CertificateStatus status, DateTimeOffset? revocationTime, RevocationReason reason) => status switch
    {
        CertificateStatus.Good => true,
        CertificateStatus.Hold => revocationTime is not null,
        CertificateStatus.Revoked => revocationTime is not null && Enum.IsDefined(reason)
                                     && reason is not (RevocationReason.None or RevocationReason.RemoveFromCrl or RevocationReason.CertificateHold),
        _ => false,
    };
}
