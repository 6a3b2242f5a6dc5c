// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers.Binary;
using System.Text;

namespace V2gPki.Store;

/// <summary>
/// Layout of a registry value (little-endian; 74-byte fixed part, then two short strings):
/// <code>
///  0 u8  layout version (1)   1 u8 kind   2 u8 status   3 u8 revocation reason (0xFF none)
///  4 u32 status version       8 i64 notBefore          16 i64 notAfter
/// 24 i64 revocation time (0 = none)                     32 i64 issuedAt        (all UTC ticks)
/// 40 [32] SHA-256 of the certificate DER
/// 72 u8 subject ID length, subject ID (UTF-8, ≤ 64)   then u8 requester length, requester (UTF-8, ≤ 64)
/// </code>
/// A 15-character EMAID with a 10-character requester gives 101 bytes; with the key and record header about 144 bytes of log.
/// </summary>
internal static class RegistryValue
{
    /// <summary>Fixed part length (up to the subject ID length byte).</summary>
    public const int FixedLength = 72;

    /// <summary>Largest value.</summary>
    public const int MaxLength = FixedLength + 2 + StoreLimits.MaxSubjectIdLength + StoreLimits.MaxRequesterLength;

    /// <summary>Current layout version.</summary>
    public const byte LayoutVersion = 1;

    private const int StatusOffset = 2;
    private const int ReasonOffset = 3;
    private const int StatusVersionOffset = 4;
    private const int RevocationTimeOffset = 24;
    private const int CertificateHashOffset = 40;

    /// <summary>Validates the strings of a record.</summary>
    /// <param name="record">The record.</param>
    /// <returns>True when the subject ID and requester fit.</returns>
    public static bool IsValid(CertificateRecord record)
        => record.SubjectId is not null && Encoding.UTF8.GetByteCount(record.SubjectId) <= StoreLimits.MaxSubjectIdLength
           && record.Requester is not null && Encoding.UTF8.GetByteCount(record.Requester) <= StoreLimits.MaxRequesterLength
           && record.CertificateSha256.Length is 0 or 32;

    /// <summary>Writes a record.</summary>
    /// <param name="destination">At least <see cref="MaxLength"/> bytes.</param>
    /// <param name="record">The record (validated with <see cref="IsValid"/>).</param>
    /// <returns>Bytes written.</returns>
    public static int Write(Span<byte> destination, CertificateRecord record)
    {
        destination[..FixedLength].Clear();
        destination[0] = LayoutVersion;
        destination[1] = (byte)record.Kind;
        destination[StatusOffset] = (byte)record.Status;
        destination[ReasonOffset] = (byte)(record.Status == CertificateStatus.Good ? RevocationReason.None : record.Reason);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[StatusVersionOffset..], record.StatusVersion);
        BinaryPrimitives.WriteInt64LittleEndian(destination[8..], record.NotBefore.UtcTicks);
        BinaryPrimitives.WriteInt64LittleEndian(destination[16..], record.NotAfter.UtcTicks);
        BinaryPrimitives.WriteInt64LittleEndian(destination[RevocationTimeOffset..], record.RevocationTime?.UtcTicks ?? 0);
        BinaryPrimitives.WriteInt64LittleEndian(destination[32..], record.IssuedAt.UtcTicks);
        record.CertificateSha256.Span.CopyTo(destination[CertificateHashOffset..]);
        var at = FixedLength;
        var n = Encoding.UTF8.GetBytes(record.SubjectId, destination[(at + 1)..]);
        destination[at] = (byte)n;
        at += 1 + n;
        n = Encoding.UTF8.GetBytes(record.Requester, destination[(at + 1)..]);
        destination[at] = (byte)n;
        return at + 1 + n;
    }

    /// <summary>The subject ID's UTF-8 bytes, in place.</summary>
    /// <param name="value">A value.</param>
    /// <returns>The subject ID; empty when the value is malformed.</returns>
    public static ReadOnlySpan<byte> SubjectId(ReadOnlySpan<byte> value)
    {
        if (value.Length < FixedLength + 1 || value[0] != LayoutVersion || value.Length < FixedLength + 1 + value[FixedLength])
        {
            return default;
        }

        return value.Slice(FixedLength + 1, value[FixedLength]);
    }

    /// <summary>Reads the status version without decoding the rest.</summary>
    /// <param name="value">A value.</param>
    /// <returns>The status version.</returns>
    public static uint ReadStatusVersion(ReadOnlySpan<byte> value) => BinaryPrimitives.ReadUInt32LittleEndian(value[StatusVersionOffset..]);

    /// <summary>Reads the status without decoding the rest.</summary>
    /// <param name="value">A value of at least <see cref="StatusOffset"/> + 1 bytes.</param>
    /// <returns>The status.</returns>
    public static CertificateStatus ReadStatus(ReadOnlySpan<byte> value) => (CertificateStatus)value[StatusOffset];

    /// <summary>The SHA-256 of the certificate DER, in place.</summary>
    /// <param name="value">A value of at least <see cref="FixedLength"/> bytes.</param>
    /// <returns>The 32 hash bytes.</returns>
    public static ReadOnlySpan<byte> CertificateHash(ReadOnlySpan<byte> value) => value.Slice(CertificateHashOffset, 32);

    /// <summary>Rewrites the status fields of a value in place (a status change); the rest stays as it was.</summary>
    /// <param name="value">A value of at least <see cref="FixedLength"/> bytes.</param>
    /// <param name="status">The new status.</param>
    /// <param name="reason">The new reason (<see cref="RevocationReason.None"/> when good).</param>
    /// <param name="statusVersion">The new status version.</param>
    /// <param name="revocationTicks">The revocation time, UTC ticks, 0 when good.</param>
    public static void WriteStatus(Span<byte> value, CertificateStatus status, RevocationReason reason, uint statusVersion, long revocationTicks)
    {
        value[StatusOffset] = (byte)status;
        value[ReasonOffset] = (byte)reason;
        BinaryPrimitives.WriteUInt32LittleEndian(value[StatusVersionOffset..], statusVersion);
        BinaryPrimitives.WriteInt64LittleEndian(value[RevocationTimeOffset..], revocationTicks);
    }

    /// <summary>Decodes a record.</summary>
    /// <param name="value">A value.</param>
    /// <param name="issuer">Issuer from the key.</param>
    /// <param name="serial">Serial from the key.</param>
    /// <param name="record">The record.</param>
    /// <returns>False when the value is malformed.</returns>
    public static bool TryRead(ReadOnlySpan<byte> value, IssuerId issuer, ReadOnlySpan<byte> serial, out CertificateRecord? record)
    {
        record = null;
        if (value.Length < FixedLength + 2 || value[0] != LayoutVersion)
        {
            return false;
        }

        var subjectLength = value[FixedLength];
        if (value.Length < FixedLength + 2 + subjectLength)
        {
            return false;
        }

        var requesterAt = FixedLength + 1 + subjectLength;
        var requesterLength = value[requesterAt];
        if (value.Length < requesterAt + 1 + requesterLength)
        {
            return false;
        }

        var revocationTicks = BinaryPrimitives.ReadInt64LittleEndian(value[RevocationTimeOffset..]);
        var status = ReadStatus(value);
        record = new CertificateRecord
        {
            Issuer = issuer,
            Serial = serial.ToArray(),
            Kind = (CertificateKind)value[1],
            Status = status,
            Reason = (RevocationReason)value[ReasonOffset],
            StatusVersion = ReadStatusVersion(value),
            NotBefore = new DateTimeOffset(BinaryPrimitives.ReadInt64LittleEndian(value[8..]), TimeSpan.Zero),
            NotAfter = new DateTimeOffset(BinaryPrimitives.ReadInt64LittleEndian(value[16..]), TimeSpan.Zero),
            RevocationTime = status == CertificateStatus.Good ? null : new DateTimeOffset(revocationTicks, TimeSpan.Zero),
            IssuedAt = new DateTimeOffset(BinaryPrimitives.ReadInt64LittleEndian(value[32..]), TimeSpan.Zero),
            CertificateSha256 = CertificateHash(value).ToArray(),
            SubjectId = Encoding.UTF8.GetString(value.Slice(FixedLength + 1, subjectLength)),
            Requester = Encoding.UTF8.GetString(value.Slice(requesterAt + 1, requesterLength)),
        };
        return true;
    }
}
