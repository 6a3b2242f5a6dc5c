// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Hsm;

namespace V2gPki.Issuer.Signers;

/// <summary>A new delegated signer: its key in the online token and the certificate its CA issued for it.</summary>
/// <param name="KeyLabel">The key label.</param>
/// <param name="CertificateDer">The signer certificate.</param>
/// <param name="Signer">The HSM signer of the key.</param>
public sealed record ProvisionedSigner(string KeyLabel, ReadOnlyMemory<byte> CertificateDer, HsmSigner Signer);
