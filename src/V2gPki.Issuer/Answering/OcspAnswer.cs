// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Issuer.Answering;

/// <summary>What the host needs beside a found signed part: no allocation, times as UTC ticks.</summary>
public readonly struct OcspAnswer
{
    /// <summary>Creates an answer.</summary>
    /// <param name="length">Bytes of the signed part in the destination.</param>
    /// <param name="signerId">The signer whose certificate the host splices in.</param>
    /// <param name="thisUpdateTicks">thisUpdate, UTC ticks (Last-Modified).</param>
    /// <param name="nextUpdateTicks">nextUpdate, UTC ticks (Expires, max-age).</param>
    /// <param name="etag">64-bit hash of the signed part (strong ETag).</param>
    /// <param name="cacheable">Whether HTTP caches may keep it (false for nonce answers).</param>
    public OcspAnswer(int length, ushort signerId, long thisUpdateTicks, long nextUpdateTicks, ulong etag, bool cacheable)
    {
        Length = length;
        SignerId = signerId;
        ThisUpdateTicks = thisUpdateTicks;
        NextUpdateTicks = nextUpdateTicks;
        ETag = etag;
        Cacheable = cacheable;
    }

    /// <summary>Gets the signed part's length.</summary>
    public int Length { get; }

    /// <summary>Gets the signer id.</summary>
    public ushort SignerId { get; }

    /// <summary>Gets thisUpdate, UTC ticks.</summary>
    public long ThisUpdateTicks { get; }

    /// <summary>Gets nextUpdate, UTC ticks.</summary>
    public long NextUpdateTicks { get; }

    /// <summary>Gets the ETag hash.</summary>
    public ulong ETag { get; }

    /// <summary>Gets whether the answer may be cached by HTTP caches.</summary>
    public bool Cacheable { get; }
}
