// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Store;

/// <summary>Memory and disk used by a store, for benchmarks and /metrics.</summary>
/// <param name="ServingLogBytes">Serving log span (tail − begin).</param>
/// <param name="ServingMemoryBytes">Serving log pages allocated in memory.</param>
/// <param name="RegistryLogBytes">Registry log span.</param>
/// <param name="RegistryMemoryBytes">Registry log pages allocated.</param>
/// <param name="CertificateLogBytes">Certificate log span.</param>
/// <param name="CertificateMemoryBytes">Certificate log pages allocated.</param>
/// <param name="IndexBytes">Hash index bytes (all tables).</param>
/// <param name="WalBytes">WAL span (tail − begin).</param>
/// <param name="DiskBytes">Bytes of all files under the data directory.</param>
public readonly record struct StoreFootprint(
    long ServingLogBytes, long ServingMemoryBytes, long RegistryLogBytes, long RegistryMemoryBytes,
    long CertificateLogBytes, long CertificateMemoryBytes, long IndexBytes, long WalBytes, long DiskBytes);
