// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Store;

namespace V2gPki.Issuer.Worker;

/// <summary>Outcome of a registration.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Issuer">The issuing CA's store id (default when unknown).</param>
/// <param name="Serial">The certificate's serial (empty when unreadable).</param>
/// <param name="Response">The first response when registered.</param>
public readonly record struct RegistrationResult(RegistrationStatus Status, IssuerId Issuer, ReadOnlyMemory<byte> Serial, SignedResponse Response = default)
{
    /// <summary>Gets whether the certificate is registered and durable.</summary>
    public bool Succeeded => Status is RegistrationStatus.Registered or RegistrationStatus.AlreadyRegistered;
}
