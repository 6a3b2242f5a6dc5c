// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers;
using System.Security.Cryptography;

namespace V2gPki.Store.Tests;

public sealed class FasterStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private async Task<FasterStore> OpenAsync(Action<StoreOptions>? configure = null)
    {
        var options = TestData.SmallOptions(_dir.Path);
        configure?.Invoke(options);
        var store = new FasterStore(options);
        var report = await store.RecoverAsync();
        Assert.Equal(StoreReadiness.Ready, report.Readiness);
        return store;
    }

    [Fact]
    public async Task TryGetResponse_BeforeRecovery_ReturnsNotReady()
    {
        await using var store = new FasterStore(TestData.SmallOptions(_dir.Path));
        Assert.Equal(StoreReadiness.Recovering, store.Readiness);
        var status = store.TryGetResponse(TestData.Issuer, TestData.Serial(1), new byte[4096], out _);
        Assert.Equal(LookupStatus.NotReady, status);
        Assert.Equal(WriteStatus.NotReady, (await store.IssueAsync(TestData.Issuance(1))).Status);
        Assert.Equal(LookupStatus.NotReady, store.TryGetCertificate(TestData.Issuer, TestData.Serial(1), out _));
    }

    [Fact]
    public async Task IssueAsync_ThenTryGetResponse_RoundTripsBytesAndMetadata()
    {
        await using var store = await OpenAsync();
        var result = await store.IssueAsync(TestData.Issuance(1));
        Assert.Equal(WriteStatus.Applied, result.Status);
        Assert.Equal(1u, result.StatusVersion);

        var destination = new byte[4096];
        Assert.Equal(LookupStatus.Found, store.TryGetResponse(TestData.Issuer, TestData.Serial(1), destination, out var metadata));
        var expected = TestData.Signed(1, CertificateStatus.Good);
        Assert.Equal(expected.Length, metadata.Length);
        Assert.Equal(expected, destination[..metadata.Length]);
        Assert.Equal(1, metadata.SignerId);
        Assert.Equal(CertificateStatus.Good, metadata.Status);
        Assert.Equal(TestData.Now, metadata.ThisUpdate);
        Assert.Equal(TestData.Now.AddDays(10), metadata.NextUpdate);
        Assert.Equal(System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(expected)), metadata.ETag);
    }

    [Fact]
    public async Task TryGetResponse_BufferWriter_AdvancesByTheSignedLength()
    {
        await using var store = await OpenAsync();
        await store.IssueAsync(TestData.Issuance(2));
        var writer = new ArrayBufferWriter<byte>();
        Assert.Equal(LookupStatus.Found, store.TryGetResponse(TestData.Issuer, TestData.Serial(2), writer, out var metadata));
        Assert.Equal(TestData.Signed(2, CertificateStatus.Good), writer.WrittenSpan.ToArray());
        Assert.Equal(400, metadata.Length);
    }

    [Fact]
    public async Task TryGetResponse_UnknownOrMalformedKey_ReturnsNotFoundOrInvalidKey()
    {
        await using var store = await OpenAsync();
        await store.IssueAsync(TestData.Issuance(1));
        var destination = new byte[4096];
        Assert.Equal(LookupStatus.NotFound, store.TryGetResponse(TestData.Issuer, TestData.Serial(2), destination, out _));
        Assert.Equal(LookupStatus.NotFound, store.TryGetResponse(new IssuerId(8), TestData.Serial(1), destination, out _));
        Assert.Equal(LookupStatus.InvalidKey, store.TryGetResponse(default, TestData.Serial(1), destination, out _));
        Assert.Equal(LookupStatus.InvalidKey, store.TryGetResponse(TestData.Issuer, [], destination, out _));
        Assert.Equal(LookupStatus.InvalidKey, store.TryGetResponse(TestData.Issuer, new byte[21], destination, out _));
    }

    [Fact]
    public async Task TryGetResponse_SmallDestination_ReturnsDestinationTooSmallWithLength()
    {
        await using var store = await OpenAsync();
        await store.IssueAsync(TestData.Issuance(1));
        Assert.Equal(LookupStatus.DestinationTooSmall, store.TryGetResponse(TestData.Issuer, TestData.Serial(1), new byte[10], out var metadata));
        Assert.Equal(400, metadata.Length);
    }

    [Fact]
    public async Task IssueAsync_SameIssuanceTwice_IsIdempotent_DifferentCertificateIsRefused()
    {
        await using var store = await OpenAsync();
        Assert.Equal(WriteStatus.Applied, (await store.IssueAsync(TestData.Issuance(1))).Status);
        Assert.Equal(WriteStatus.AlreadyApplied, (await store.IssueAsync(TestData.Issuance(1))).Status);
        var other = TestData.Issuance(1);
        other = new IssuanceRequest { Record = other.Record, CertificateDer = TestData.Certificate(99), FirstResponse = other.FirstResponse };
        Assert.Equal(WriteStatus.SerialInUse, (await store.IssueAsync(other)).Status);
    }

    [Fact]
    public async Task IssueAsync_InvalidArguments_AreRefused()
    {
        await using var store = await OpenAsync();
        var good = TestData.Issuance(1);
        var longSubject = new IssuanceRequest
        {
            Record = new CertificateRecord { Issuer = TestData.Issuer, Serial = TestData.Serial(1), Kind = CertificateKind.Evse, SubjectId = new string('A', 65), NotBefore = TestData.Now, NotAfter = TestData.Now },
            CertificateDer = good.CertificateDer,
            FirstResponse = good.FirstResponse,
        };
        Assert.Equal(WriteStatus.InvalidArgument, (await store.IssueAsync(longSubject)).Status);
        var badResponse = new IssuanceRequest { Record = good.Record, CertificateDer = good.CertificateDer, FirstResponse = good.FirstResponse with { NextUpdate = TestData.Now.AddDays(-1) } };
        Assert.Equal(WriteStatus.InvalidArgument, (await store.IssueAsync(badResponse)).Status);
        var emptyDer = new IssuanceRequest { Record = good.Record, CertificateDer = Array.Empty<byte>(), FirstResponse = good.FirstResponse };
        Assert.Equal(WriteStatus.InvalidArgument, (await store.IssueAsync(emptyDer)).Status);
    }

    [Fact]
    public async Task ChangeStatusAsync_Revocation_ReplacesResponseAndRegistryRecord()
    {
        await using var store = await OpenAsync();
        await store.IssueAsync(TestData.Issuance(1));
        var result = await store.ChangeStatusAsync(TestData.Revocation(1));
        Assert.Equal(WriteStatus.Applied, result.Status);
        Assert.Equal(2u, result.StatusVersion);

        var destination = new byte[4096];
        Assert.Equal(LookupStatus.Found, store.TryGetResponse(TestData.Issuer, TestData.Serial(1), destination, out var metadata));
        Assert.Equal(CertificateStatus.Revoked, metadata.Status);
        Assert.Equal(TestData.Signed(1, CertificateStatus.Revoked, 1), destination[..metadata.Length]);

        Assert.Equal(LookupStatus.Found, store.TryGetCertificate(TestData.Issuer, TestData.Serial(1), out var record));
        Assert.Equal(CertificateStatus.Revoked, record!.Status);
        Assert.Equal(RevocationReason.KeyCompromise, record.Reason);
        Assert.Equal(TestData.Now.AddMinutes(5), record.RevocationTime);
        Assert.Equal(2u, record.StatusVersion);
        Assert.Equal("DE*ABC*E1", record.SubjectId);
        Assert.Equal("cpo-42", record.Requester);
        Assert.Equal(SHA256.HashData(TestData.Certificate(1)), record.CertificateSha256.ToArray());
    }

    [Fact]
    public async Task ChangeStatusAsync_Transitions_FollowRfc5280Hold()
    {
        await using var store = await OpenAsync();
        await store.IssueAsync(TestData.Issuance(1));
        var hold = new StatusChangeRequest
        {
            Issuer = TestData.Issuer,
            Serial = TestData.Serial(1),
            NewStatus = CertificateStatus.Hold,
            RevocationTime = TestData.Now,
            Response = TestData.Response(1, CertificateStatus.Hold, 1),
        };
        Assert.Equal(WriteStatus.Applied, (await store.ChangeStatusAsync(hold)).Status);
        Assert.Equal(WriteStatus.AlreadyApplied, (await store.ChangeStatusAsync(hold)).Status);
        var unhold = new StatusChangeRequest
        {
            Issuer = TestData.Issuer,
            Serial = TestData.Serial(1),
            NewStatus = CertificateStatus.Good,
            Response = TestData.Response(1, CertificateStatus.Good, 2),
        };
        var result = await store.ChangeStatusAsync(unhold);
        Assert.Equal(WriteStatus.Applied, result.Status);
        Assert.Equal(3u, result.StatusVersion);
        Assert.Equal(LookupStatus.Found, store.TryGetCertificate(TestData.Issuer, TestData.Serial(1), out var record));
        Assert.Equal(CertificateStatus.Good, record!.Status);
        Assert.Null(record.RevocationTime);

        Assert.Equal(WriteStatus.Applied, (await store.ChangeStatusAsync(TestData.Revocation(1, 3))).Status);
        Assert.Equal(WriteStatus.AlreadyApplied, (await store.ChangeStatusAsync(TestData.Revocation(1, 4))).Status);
        Assert.Equal(WriteStatus.InvalidTransition, (await store.ChangeStatusAsync(unhold)).Status);
        Assert.Equal(WriteStatus.NotFound, (await store.ChangeStatusAsync(TestData.Revocation(2))).Status);
    }

    [Fact]
    public async Task ReplaceResponse_ChecksStatusVersionAndAge()
    {
        await using var store = await OpenAsync();
        await store.IssueAsync(TestData.Issuance(1));
        var serial = TestData.Serial(1);
        Assert.Equal(WriteStatus.Applied, store.ReplaceResponse(TestData.Issuer, serial, 1, TestData.Response(1, CertificateStatus.Good, 5, signer: 2)).Status);
        var destination = new byte[4096];
        store.TryGetResponse(TestData.Issuer, serial, destination, out var metadata);
        Assert.Equal(2, metadata.SignerId);
        Assert.Equal(TestData.Signed(1, CertificateStatus.Good, 5), destination[..metadata.Length]);

        Assert.Equal(WriteStatus.StaleResponse, store.ReplaceResponse(TestData.Issuer, serial, 1, TestData.Response(1, CertificateStatus.Good, 4)).Status);
        await store.ChangeStatusAsync(TestData.Revocation(1, 6));

        // A 'good' re-sign that raced the revocation must never overwrite it.
        Assert.Equal(WriteStatus.StatusChanged, store.ReplaceResponse(TestData.Issuer, serial, 1, TestData.Response(1, CertificateStatus.Good, 7)).Status);
        store.TryGetResponse(TestData.Issuer, serial, destination, out metadata);
        Assert.Equal(CertificateStatus.Revoked, metadata.Status);
        Assert.Equal(WriteStatus.NotFound, store.ReplaceResponse(TestData.Issuer, TestData.Serial(2), 1, TestData.Response(2, CertificateStatus.Good)).Status);
        Assert.Equal(2, store.Metrics.ResignsRefused);
    }

    [Fact]
    public async Task TryGetCertificateDer_ReturnsTheDer()
    {
        await using var store = await OpenAsync();
        await store.IssueAsync(TestData.Issuance(3));
        var writer = new ArrayBufferWriter<byte>();
        Assert.Equal(LookupStatus.Found, store.TryGetCertificateDer(TestData.Issuer, TestData.Serial(3), writer));
        Assert.Equal(TestData.Certificate(3), writer.WrittenSpan.ToArray());
        Assert.Equal(LookupStatus.NotFound, store.TryGetCertificateDer(TestData.Issuer, TestData.Serial(4), new ArrayBufferWriter<byte>()));
    }

    [Fact]
    public async Task ForEachCertificate_VisitsLatestVersionOfEveryRecord()
    {
        await using var store = await OpenAsync();
        for (var i = 0; i < 50; i++)
        {
            await store.IssueAsync(TestData.Issuance(i));
        }

        for (var i = 0; i < 10; i++)
        {
            await store.ChangeStatusAsync(TestData.Revocation(i));
        }

        var revoked = 0;
        var count = store.ForEachCertificate(r =>
        {
            if (r.Status == CertificateStatus.Revoked)
            {
                revoked++;
            }

            return true;
        });
        Assert.Equal(50, count);
        Assert.Equal(10, revoked);
    }

    [Fact]
    public async Task IssueAsync_ManyConcurrentProducers_ShareGroupCommits()
    {
        await using var store = await OpenAsync();
        var tasks = new Task<WriteResult>[200];
        for (var i = 0; i < tasks.Length; i++)
        {
            var n = i;
            tasks[i] = Task.Run(async () => await store.IssueAsync(TestData.Issuance(n)));
        }

        var results = await Task.WhenAll(tasks);
        Assert.All(results, r => Assert.Equal(WriteStatus.Applied, r.Status));
        Assert.Equal(200, store.Metrics.WalEntries);
        Assert.True(store.Metrics.WalCommits < 200, "commits: " + store.Metrics.WalCommits);
        Assert.All(results, r => Assert.True(r.WalAddress < store.WalCommittedUntil));
    }

    [Fact]
    public async Task TryGetResponse_AfterWarmUp_AllocatesNothing()
    {
        await using var store = await OpenAsync();
        for (var i = 0; i < 100; i++)
        {
            await store.IssueAsync(TestData.Issuance(i));
        }

        var destination = new byte[4096];
        var serials = new byte[100][];
        for (var i = 0; i < 100; i++)
        {
            serials[i] = TestData.Serial(i);
        }

        var allocated = AllocationProbe.LeastPerRound(
            i => store.TryGetResponse(TestData.Issuer, serials[i % 100], destination, out _), iterations: 30_000);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public async Task TryGetResponse_PoolMode_RoundTripsAndAllocatesNothing()
    {
        await using var store = await OpenAsync(o => o.ReadSessions = ReadSessionMode.Pool);
        await store.IssueAsync(TestData.Issuance(1));
        var destination = new byte[4096];
        var serial = TestData.Serial(1);
        Assert.Equal(LookupStatus.Found, store.TryGetResponse(TestData.Issuer, serial, destination, out _));
        var allocated = AllocationProbe.LeastPerRound(i => store.TryGetResponse(TestData.Issuer, serial, destination, out _), iterations: 10_000);
        Assert.Equal(0, allocated);
    }
}
