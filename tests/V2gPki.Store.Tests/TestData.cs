// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers.Binary;

namespace V2gPki.Store.Tests;

/// <summary>Builders for small stores, records and fake (opaque) signed responses.</summary>
internal static class TestData
{
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    public static readonly IssuerId Issuer = new(7);

    public static StoreOptions SmallOptions(string directory) => new()
    {
        Directory = directory,
        Serving = new KvLogOptions { IndexBucketBits = 12, PageSizeBits = 16, MemorySizeBits = 22, SegmentSizeBits = 22 },
        Registry = new KvLogOptions { IndexBucketBits = 12, PageSizeBits = 16, MemorySizeBits = 21, SegmentSizeBits = 22 },
        Certificates = new KvLogOptions { IndexBucketBits = 12, PageSizeBits = 16, MemorySizeBits = 18, SegmentSizeBits = 22 },
        Subjects = new KvLogOptions { IndexBucketBits = 12, PageSizeBits = 16, MemorySizeBits = 20, SegmentSizeBits = 22 },
        Wal = new WalOptions { PageSizeBits = 16, MemorySizeBits = 18, SegmentSizeBits = 20 },
        CheckpointInterval = TimeSpan.Zero,
    };

    public static byte[] Serial(int n)
    {
        var serial = new byte[16];
        serial[0] = 0x4A;
        BinaryPrimitives.WriteInt32BigEndian(serial.AsSpan(12), n);
        return serial;
    }

    /// <summary>An opaque "signed part": 400 bytes whose content depends on the serial, status and a generation.</summary>
    public static byte[] Signed(int n, CertificateStatus status, int generation = 0)
    {
        var bytes = new byte[400];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(n * 31 + i + (int)status * 7 + generation * 13);
        }

        bytes[0] = 0x30;
        return bytes;
    }

    public static SignedResponse Response(int n, CertificateStatus status, int generation = 0, ushort signer = 1)
        => new(Signed(n, status, generation), signer, Now.AddHours(generation), Now.AddHours(generation).AddDays(10));

    public static IssuanceRequest Issuance(int n, IssuerId? issuer = null, string? subjectId = null) => new()
    {
        Record = new CertificateRecord
        {
            Issuer = issuer ?? Issuer,
            Serial = Serial(n),
            Kind = CertificateKind.Evse,
            SubjectId = subjectId ?? "DE*ABC*E" + n.ToString(System.Globalization.CultureInfo.InvariantCulture),
            NotBefore = Now.AddDays(-1),
            NotAfter = Now.AddYears(2),
            IssuedAt = Now,
            Requester = "cpo-42",
        },
        CertificateDer = Certificate(n),
        FirstResponse = Response(n, CertificateStatus.Good),
    };

    public static byte[] Certificate(int n)
    {
        var der = new byte[700];
        for (var i = 0; i < der.Length; i++)
        {
            der[i] = (byte)(n + i * 3);
        }

        der[0] = 0x30;
        return der;
    }

    public static StatusChangeRequest Revocation(int n, int generation = 1) => new()
    {
        Issuer = Issuer,
        Serial = Serial(n),
        NewStatus = CertificateStatus.Revoked,
        RevocationTime = Now.AddMinutes(5),
        Reason = RevocationReason.KeyCompromise,
        Response = Response(n, CertificateStatus.Revoked, generation),
    };
}
