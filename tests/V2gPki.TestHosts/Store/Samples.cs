// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers.Binary;
using System.Globalization;
using V2gPki.Store;

namespace V2gPki.TestHosts.Store;

/// <summary>Store options and opaque sample records shared by the modes.</summary>
internal static class Samples
{
    public static readonly IssuerId Issuer = new(3);
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);

    public static StoreOptions Options(string directory) => new()
    {
        Directory = directory,
        Serving = new KvLogOptions { IndexBucketBits = 14, PageSizeBits = 18, MemorySizeBits = 26, SegmentSizeBits = 24 },
        Registry = new KvLogOptions { IndexBucketBits = 14, PageSizeBits = 18, MemorySizeBits = 25, SegmentSizeBits = 24 },
        Certificates = new KvLogOptions { IndexBucketBits = 14, PageSizeBits = 18, MemorySizeBits = 22, SegmentSizeBits = 24 },
        Subjects = new KvLogOptions { IndexBucketBits = 12, PageSizeBits = 18, MemorySizeBits = 22, SegmentSizeBits = 24 },
        Wal = new WalOptions { PageSizeBits = 18, MemorySizeBits = 20, SegmentSizeBits = 22 },
        CheckpointInterval = TimeSpan.Zero,
    };

    public static byte[] Serial(long n)
    {
        var serial = new byte[12];
        serial[0] = 0x21;
        BinaryPrimitives.WriteInt64BigEndian(serial.AsSpan(4), n);
        return serial;
    }

    /// <summary>The subject ID of sample n: 997 subjects, so each subject-index value collects many certificates.</summary>
    public static string SubjectId(long n) => "DEABC" + (n % 997).ToString("D9", CultureInfo.InvariantCulture);

    public static byte[] Signed(long n, CertificateStatus status)
    {
        var bytes = new byte[380];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(n + i + (int)status);
        }

        return bytes;
    }

    public static IssuanceRequest Issuance(long n) => new()
    {
        Record = new CertificateRecord
        {
            Issuer = Issuer,
            Serial = Serial(n),
            Kind = CertificateKind.Contract,
            SubjectId = SubjectId(n),
            NotBefore = Now,
            NotAfter = Now.AddYears(2),
            IssuedAt = Now,
        },
        CertificateDer = Signed(n ^ 0x5555, CertificateStatus.Good),
        FirstResponse = new SignedResponse(Signed(n, CertificateStatus.Good), 1, Now, Now.AddDays(10)),
    };

    public static StatusChangeRequest Revocation(long n) => new()
    {
        Issuer = Issuer,
        Serial = Serial(n),
        NewStatus = CertificateStatus.Revoked,
        RevocationTime = Now.AddHours(1),
        Reason = RevocationReason.KeyCompromise,
        Response = new SignedResponse(Signed(n, CertificateStatus.Revoked), 1, Now.AddHours(1), Now.AddDays(10)),
    };
}
