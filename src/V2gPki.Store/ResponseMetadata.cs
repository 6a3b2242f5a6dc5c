// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Store;

/// <summary>What the serving index records beside a signed response part; filled by a lookup without allocation.</summary>
/// <remarks>Times are UTC ticks (<see cref="DateTime.Ticks"/>) so the hot path never builds a <see cref="DateTimeOffset"/>.</remarks>
public readonly struct ResponseMetadata
{
    /// <summary>Creates metadata.</summary>
    /// <param name="length">Length of the signed part in bytes.</param>
    /// <param name="signerId">Id of the delegated signer whose certificate the host splices in.</param>
    /// <param name="status">Certificate status the response attests.</param>
    /// <param name="statusVersion">Registry status version the response was signed for.</param>
    /// <param name="thisUpdateTicks">thisUpdate, UTC ticks.</param>
    /// <param name="nextUpdateTicks">nextUpdate, UTC ticks.</param>
    /// <param name="etag">64-bit hash of the signed part (the first 8 bytes of its SHA-256), for a strong ETag.</param>
    public ResponseMetadata(int length, ushort signerId, CertificateStatus status, uint statusVersion, long thisUpdateTicks, long nextUpdateTicks, ulong etag)
    {
        Length = length;
        SignerId = signerId;
        Status = status;
        StatusVersion = statusVersion;
        ThisUpdateTicks = thisUpdateTicks;
        NextUpdateTicks = nextUpdateTicks;
        ETag = etag;
    }

    /// <summary>Gets the length of the signed part in bytes (also set when the destination was too small).</summary>
    public int Length { get; }

    /// <summary>Gets the id of the signer that made the response (old and new signers coexist during a rollover).</summary>
    public ushort SignerId { get; }

    /// <summary>Gets the certificate status the response attests.</summary>
    public CertificateStatus Status { get; }

    /// <summary>Gets the registry status version the response was signed for.</summary>
    public uint StatusVersion { get; }

    /// <summary>Gets thisUpdate as UTC ticks.</summary>
    public long ThisUpdateTicks { get; }

    /// <summary>Gets nextUpdate as UTC ticks.</summary>
    public long NextUpdateTicks { get; }

    /// <summary>Gets the first 8 bytes of the SHA-256 of the signed part, big-endian.</summary>
    public ulong ETag { get; }

    /// <summary>Gets thisUpdate.</summary>
    public DateTimeOffset ThisUpdate => new(ThisUpdateTicks, TimeSpan.Zero);

    /// <summary>Gets nextUpdate.</summary>
    public DateTimeOffset NextUpdate => new(NextUpdateTicks, TimeSpan.Zero);
}
