// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Issuer.Answering;

/// <summary>
/// What an <see cref="IOcspResponseSource"/> answered. The host maps these to OCSP responses in one switch: Found →
/// splice the signed part with the signer certificate (<see cref="IssuerDirectory.TryGetSignerCertificate"/>);
/// Unauthorized, TryLater, MalformedRequest, InternalError → the constant <c>OcspErrorResponses</c>; LiveSigningRequired →
/// await <see cref="LiveSigningSource.SignAsync"/>. Values are never reused (docs/style.md §15).
/// </summary>
public enum OcspOutcome : byte
{
    /// <summary>A signed part is in the destination; <see cref="OcspAnswer"/> says which signer made it.</summary>
    Found = 1,

    /// <summary>Not our CA, a serial that cannot be ours, or a never-issued serial under the <c>unauthorized</c> policy (unsigned <c>unauthorized</c>).</summary>
    Unauthorized = 2,

    /// <summary>Store not ready, a disk read, a response past nextUpdate, or the live signer over its bound (unsigned <c>tryLater</c>).</summary>
    TryLater = 3,

    /// <summary>Cannot be answered from memory: hand the request to the live slow path.</summary>
    LiveSigningRequired = 4,

    /// <summary>A fault on our side (unsigned <c>internalError</c>).</summary>
    InternalError = 5,

    /// <summary>The request cannot be answered as sent (<c>malformedRequest</c>), e.g. a nonce outside RFC 9654 bounds under a nonce policy.</summary>
    MalformedRequest = 6,
}
