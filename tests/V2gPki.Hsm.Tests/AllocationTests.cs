// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Hsm.Tests;

/// <summary>Allocation budgets of the signing hot path (docs/style.md §27): measured, not benchmarked.</summary>
[Collection(SoftHsmCollection.Name)]
public class AllocationTests(SoftHsmFixture fixture)
{
    [Theory]
    [InlineData(HsmKeyType.EcP256)]
    [InlineData(HsmKeyType.Ed448)]
    public void TrySign_PriorityLaneWarm_AllocatesNothing(HsmKeyType keyType)
    {
        var signer = fixture.Online.GenerateKey(HsmTokenTests.UniqueLabel("alloc"), keyType).CreateSigner();
        var data = new byte[400];
        var signature = new byte[signer.MaxSignatureLength];

        var allocated = AllocationProbe.LeastPerRound(i => signer.TrySign(data, signature, out _), iterations: 1000);

        Assert.Equal(0, allocated);
    }
}
