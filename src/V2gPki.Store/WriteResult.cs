// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Store;

/// <summary>Outcome of a write.</summary>
/// <param name="Status">What happened.</param>
/// <param name="WalAddress">WAL address of the entry written (0 when nothing was appended).</param>
/// <param name="StatusVersion">The certificate's status version after the write (0 when unknown).</param>
public readonly record struct WriteResult(WriteStatus Status, long WalAddress, uint StatusVersion)
{
    /// <summary>Gets a value indicating whether the store now holds the requested state durably.</summary>
    public bool Succeeded => Status is WriteStatus.Applied or WriteStatus.AlreadyApplied;
}
