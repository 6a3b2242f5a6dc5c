// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Security.Cryptography;

namespace V2gPki.Hsm.Tests;

[Collection(SoftHsmCollection.Name)]
public class BulkSigningLaneTests(SoftHsmFixture fixture)
{
    [Fact]
    public async Task PrioritySign_WhileBulkLaneSaturated_CompletesBeforeQueuedBulkWork()
    {
        var signer = fixture.Online.GenerateKey(HsmTokenTests.UniqueLabel("prio"), HsmKeyType.EcP256).CreateSigner();
        var lane = fixture.Online.BulkLane;
        var batch = new SigningBatch(signer, 20_000);
        for (var i = 0; i < batch.Capacity; i++)
        {
            batch.Add(BitConverter.GetBytes(i));
        }

        var bulk = signer.SignBatchAsync(batch);
        // Saturated: every bulk session busy and chunks waiting behind them.
        Assert.True(SpinWait.SpinUntil(() => batch.CompletedCount > 0 && lane.QueuedChunks > 0, TimeSpan.FromSeconds(30)));

        var data = "revocation of serial 0x4711"u8.ToArray();
        var signature = signer.Sign(data);

        // Order, not milliseconds: the priority signature is done while queued bulk work is still waiting.
        Assert.False(bulk.IsCompleted);
        Assert.True(batch.CompletedCount < batch.Count);
        Assert.True(SignatureVerifier.VerifyEcdsa(signer.SubjectPublicKeyInfo.Span, signer.Algorithm, data, signature));
        await bulk;
        Assert.Equal(batch.Count, batch.CompletedCount);
        Assert.True(SignatureVerifier.VerifyEcdsa(signer.SubjectPublicKeyInfo.Span, signer.Algorithm, BitConverter.GetBytes(19_999), batch.GetSignature(19_999)));
    }

    [Fact]
    public async Task SignAsync_LargeBatch_QueuedWorkStaysWithinMaxInFlight()
    {
        var signer = fixture.Online.GenerateKey(HsmTokenTests.UniqueLabel("bound"), HsmKeyType.EcP256).CreateSigner();
        var lane = fixture.Online.BulkLane;
        var batch = new SigningBatch(signer, 6_000);
        for (var i = 0; i < batch.Capacity; i++)
        {
            batch.Add(BitConverter.GetBytes(i));
        }

        var bulk = signer.SignBatchAsync(batch);
        var maxQueued = 0;
        while (!bulk.IsCompleted)
        {
            maxQueued = Math.Max(maxQueued, lane.QueuedChunks);
            Thread.Sleep(1);
        }

        await bulk;
        // Back-pressure: the producer never queues more than MaxInFlight signatures (in whole chunks).
        Assert.InRange(maxQueued * BulkSigningLane.MaxChunkSize, 1, lane.MaxInFlight);
    }

    [Fact]
    public async Task SignAsync_ConcurrentBatchesOfDifferentKeys_EachInOrder()
    {
        var signers = new[]
        {
            fixture.Online.GenerateKey(HsmTokenTests.UniqueLabel("c1"), HsmKeyType.EcP256).CreateSigner(),
            fixture.Online.GenerateKey(HsmTokenTests.UniqueLabel("c2"), HsmKeyType.EcP521).CreateSigner(),
            fixture.Online.GenerateKey(HsmTokenTests.UniqueLabel("c3"), HsmKeyType.EcP256).CreateSigner(HsmSignatureAlgorithm.EcdsaSha384),
        };
        var batches = new SigningBatch[signers.Length];
        for (var b = 0; b < signers.Length; b++)
        {
            batches[b] = new SigningBatch(signers[b], 300);
            for (var i = 0; i < 300; i++)
            {
                batches[b].Add(BitConverter.GetBytes((b * 1000) + i));
            }
        }

        await Task.WhenAll(batches.Select(batch => batch.Signer.SignBatchAsync(batch)));

        for (var b = 0; b < batches.Length; b++)
        {
            for (var i = 0; i < 300; i++)
            {
                Assert.True(SignatureVerifier.VerifyEcdsa(signers[b].SubjectPublicKeyInfo.Span, signers[b].Algorithm,
                    BitConverter.GetBytes((b * 1000) + i), batches[b].GetSignature(i)), $"batch {b} entry {i}");
            }
        }
    }

    [Fact]
    public async Task SignAsync_Cancelled_ThrowsAndTheBatchCanBeSignedAgain()
    {
        var signer = fixture.Online.GenerateKey(HsmTokenTests.UniqueLabel("cancel"), HsmKeyType.EcP256).CreateSigner();
        var batch = new SigningBatch(signer, 20_000);
        for (var i = 0; i < batch.Capacity; i++)
        {
            batch.Add(BitConverter.GetBytes(i));
        }

        using var cancellation = new CancellationTokenSource();
        var run = signer.SignBatchAsync(batch, cancellation.Token);
        Assert.True(SpinWait.SpinUntil(() => batch.CompletedCount > 0, TimeSpan.FromSeconds(30)));
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.True(batch.CompletedCount < batch.Count);
        Assert.False(batch.IsSigning);

        batch.Clear();
        batch.Add("again"u8.ToArray());
        await signer.SignBatchAsync(batch);
        Assert.True(SignatureVerifier.VerifyEcdsa(signer.SubjectPublicKeyInfo.Span, signer.Algorithm, "again"u8, batch.GetSignature(0)));
    }

    [Fact]
    public async Task SignAsync_KeyOfAnotherToken_ThrowsArgumentException()
    {
        var signer = fixture.Root.GenerateKey(HsmTokenTests.UniqueLabel("other"), HsmKeyType.EcP256).CreateSigner();
        var batch = new SigningBatch(signer, 1);
        batch.Add(new byte[1]);

        await Assert.ThrowsAsync<ArgumentException>(() => fixture.Online.BulkLane.SignAsync(batch));
    }

    [Fact]
    public void SigningBatch_FullOrUnsigned_RefusesClearly()
    {
        var signer = fixture.Online.GenerateKey(HsmTokenTests.UniqueLabel("full"), HsmKeyType.EcP256).CreateSigner();
        var batch = new SigningBatch(signer, 1);

        Assert.Equal(0, batch.Add(RandomNumberGenerator.GetBytes(8)));
        Assert.Throws<InvalidOperationException>(() => batch.Add(new byte[1]));
        Assert.Throws<InvalidOperationException>(() => batch.GetSignature(0).Length);
    }
}
