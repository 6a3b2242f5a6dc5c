// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Store;

namespace V2gPki.Issuer.Worker;

/// <summary>Outcome of a status change.</summary>
/// <param name="Status">What happened.</param>
/// <param name="StatusVersion">The certificate's status version afterwards (0 when unknown).</param>
/// <param name="Response">The response signed for the new status when applied.</param>
public readonly record struct StatusChangeResult(StatusChangeStatus Status, uint StatusVersion, SignedResponse Response = default)
{
    /// <summary>Gets whether the certificate now durably has the requested status.</summary>
    public bool Succeeded => Status is StatusChangeStatus.Applied or StatusChangeStatus.AlreadyApplied;
}
