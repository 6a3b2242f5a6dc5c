// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Hsm.Tests;

public class BulkSigningLaneChunkTests
{
    [Theory]
    [InlineData(1, 4, 1)]
    [InlineData(16, 4, 1)]
    [InlineData(17, 4, 2)]
    [InlineData(1000, 4, 32)]
    [InlineData(100_000, 1, 32)]
    public void ChunkSize_BatchAndWorkers_SpreadsTailAndCapsChunk(int count, int workers, int expected)
    {
        Assert.Equal(expected, BulkSigningLane.ChunkSize(count, workers));
    }
}
