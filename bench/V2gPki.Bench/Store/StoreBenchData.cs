// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers.Binary;
using System.Globalization;
using V2gPki.Store;

namespace V2gPki.Bench.Store;

/// <summary>Inputs shared by the store benchmarks: store options, serials, opaque 400-byte responses, and a loader.</summary>
public static class StoreBenchData
{
    public static readonly IssuerId Issuer = new(5);
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);

    public static byte[] Serial(long n)
    {
        var serial = new byte[16];
        serial[0] = 0x3C;
        BinaryPrimitives.WriteInt64BigEndian(serial.AsSpan(8), n * unchecked((long)0x9E3779B97F4A7C15UL));
        return serial;
    }

    public static byte[] Signed(long n, CertificateStatus status = CertificateStatus.Good)
    {
        var bytes = new byte[400];
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
            Kind = CertificateKind.Evse,
            SubjectId = "DE*ABC*E" + n.ToString("D10", CultureInfo.InvariantCulture),
            NotBefore = Now,
            NotAfter = Now.AddYears(2),
            IssuedAt = Now,
            Requester = "bench",
        },
        CertificateDer = Signed(n ^ 0x77)[..300].Concat(Signed(n)).ToArray(),
        FirstResponse = new SignedResponse(Signed(n), 1, Now, Now.AddDays(10)),
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

    /// <summary>Opens (recovering) a store of <paramref name="entries"/> certificates under a reusable directory, loading it on first use.</summary>
    public static async Task<FasterStore> OpenLoadedAsync(string directory, long entries, ReadSessionMode mode)
    {
        var options = StoreOptions.ForCapacity(directory, entries);
        options.ReadSessions = mode;
        options.CheckpointInterval = TimeSpan.Zero;
        var store = new FasterStore(options);
        var report = await store.RecoverAsync();
        if (report.Readiness != StoreReadiness.Ready)
        {
            throw new InvalidOperationException("recovery failed: " + report.Error);
        }

        if (store.TryGetResponse(Issuer, Serial(entries - 1), new byte[4096], out _) != LookupStatus.Found)
        {
            await LoadAsync(store, 0, entries);
            await store.CheckpointAsync();
        }

        return store;
    }

    /// <summary>Issues certificates [from, to) with 256 writes in flight (group commit does the rest).</summary>
    public static async Task LoadAsync(FasterStore store, long from, long to)
    {
        var inFlight = new Queue<Task<WriteResult>>();
        for (var n = from; n < to; n++)
        {
            inFlight.Enqueue(store.IssueAsync(Issuance(n)).AsTask());
            if (inFlight.Count >= 256)
            {
                await inFlight.Dequeue();
            }
        }

        while (inFlight.Count > 0)
        {
            await inFlight.Dequeue();
        }
    }
}
