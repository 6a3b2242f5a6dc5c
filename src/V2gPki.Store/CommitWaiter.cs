// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Store;

/// <summary>A producer waiting for the WAL to be committed up to an address.</summary>
/// <param name="until">The commit must reach this address (exclusive end of the producer's entry).</param>
internal sealed class CommitWaiter(long until) : TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)
{
    /// <summary>Gets the address the commit must reach.</summary>
    public long Until { get; } = until;
}
