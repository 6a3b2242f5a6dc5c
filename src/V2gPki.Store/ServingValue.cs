// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers.Binary;
using System.Security.Cryptography;

namespace V2gPki.Store;

/// <summary>
/// Layout of a serving-index value (little-endian; 32-byte header, then the opaque signed part):
/// <code>
///  0 u8  layout version (1)     1 u8  certificate status     2 u16 signer id
///  4 u32 status version         8 i64 thisUpdate (UTC ticks) 16 i64 nextUpdate (UTC ticks)
/// 24 u64 ETag (first 8 bytes of SHA-256 of the signed part, big-endian)
/// 32 ..  signed part (tbsResponseData, signatureAlgorithm, signature: the OCSP codec's bytes, opaque here)
/// </code>
/// A FASTER record for a 400-byte signed part and a 16-byte serial takes 8 (record header) + 24 (key) + 440 (value) = 472 bytes.
/// </summary>
internal static class ServingValue
{
    /// <summary>Header length.</summary>
    public const int HeaderLength = 32;

    /// <summary>Current layout version.</summary>
    public const byte LayoutVersion = 1;

    /// <summary>Writes a value.</summary>
    /// <param name="destination">At least <see cref="HeaderLength"/> + signed part length bytes.</param>
    /// <param name="response">The response.</param>
    /// <param name="status">Status the response attests.</param>
    /// <param name="statusVersion">Registry status version it was signed for.</param>
    /// <returns>Bytes written.</returns>
    public static int Write(Span<byte> destination, in SignedResponse response, CertificateStatus status, uint statusVersion)
    {
        var signed = response.SignedPart.Span;
        destination[0] = LayoutVersion;
        destination[1] = (byte)status;
        BinaryPrimitives.WriteUInt16LittleEndian(destination[2..], response.SignerId);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], statusVersion);
        BinaryPrimitives.WriteInt64LittleEndian(destination[8..], response.ThisUpdate.UtcTicks);
        BinaryPrimitives.WriteInt64LittleEndian(destination[16..], response.NextUpdate.UtcTicks);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(signed, hash);
        hash[..8].CopyTo(destination[24..]);
        signed.CopyTo(destination[HeaderLength..]);
        return HeaderLength + signed.Length;
    }

    /// <summary>Reads the header of a value.</summary>
    /// <param name="value">The whole value.</param>
    /// <returns>The metadata (length = signed part length).</returns>
    public static ResponseMetadata ReadHeader(ReadOnlySpan<byte> value) => new(
        value.Length - HeaderLength,
        BinaryPrimitives.ReadUInt16LittleEndian(value[2..]),
        (CertificateStatus)value[1],
        BinaryPrimitives.ReadUInt32LittleEndian(value[4..]),
        BinaryPrimitives.ReadInt64LittleEndian(value[8..]),
        BinaryPrimitives.ReadInt64LittleEndian(value[16..]),
        BinaryPrimitives.ReadUInt64BigEndian(value[24..]));

    /// <summary>Checks a response before it is stored.</summary>
    /// <param name="response">The response.</param>
    /// <returns>True when the signed part is 1 to 4096 bytes and nextUpdate is after thisUpdate.</returns>
    public static bool IsValid(in SignedResponse response)
        => (uint)(response.SignedPart.Length - 1) < StoreLimits.MaxSignedResponseLength && response.NextUpdate > response.ThisUpdate;

    /// <summary>
    /// Replay/monotonicity rule: a value replaces the current one only if it was signed for a newer status version, or for
    /// the same version with a thisUpdate no older. Makes replay idempotent and keeps a checkpointed re-sign.
    /// </summary>
    /// <param name="current">Header of the stored value.</param>
    /// <param name="candidate">Header of the new value.</param>
    /// <returns>True when the candidate should be written.</returns>
    public static bool Supersedes(in ResponseMetadata current, in ResponseMetadata candidate)
        => candidate.StatusVersion > current.StatusVersion
           || (candidate.StatusVersion == current.StatusVersion && candidate.ThisUpdateTicks >= current.ThisUpdateTicks);
}
