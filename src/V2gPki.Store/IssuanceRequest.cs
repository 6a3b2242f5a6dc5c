// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Store;

/// <summary>A newly issued (or imported) certificate: registry record, DER and its first signed response, written as one WAL entry.</summary>
public sealed class IssuanceRequest
{
    /// <summary>Gets the registry record. Its <see cref="CertificateRecord.StatusVersion"/> and hash are set by the store.</summary>
    public required CertificateRecord Record { get; init; }

    /// <summary>Gets the certificate DER.</summary>
    public required ReadOnlyMemory<byte> CertificateDer { get; init; }

    /// <summary>Gets the first signed response; it must attest <see cref="CertificateRecord.Status"/>.</summary>
    public required SignedResponse FirstResponse { get; init; }
}
