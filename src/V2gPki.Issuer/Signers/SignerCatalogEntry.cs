// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Issuer.Signers;

/// <summary>One delegated signer known to the <see cref="SignerCatalog"/>.</summary>
/// <param name="Id">The signer id recorded with the responses it signs.</param>
/// <param name="CaName">The CA it signs for.</param>
/// <param name="KeyLabel">The label of its key in the online token.</param>
/// <param name="CertificateDer">Its certificate.</param>
public sealed record SignerCatalogEntry(ushort Id, string CaName, string KeyLabel, byte[] CertificateDer);
