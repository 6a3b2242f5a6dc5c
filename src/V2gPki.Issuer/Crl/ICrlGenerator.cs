// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Issuer.Crl;

/// <summary>Builds and signs an online CA's CRL (V2gPki.Pki's <c>CrlBuilder</c> behind <see cref="PkiCrlGenerator"/>).</summary>
public interface ICrlGenerator
{
    /// <summary>Whether this generator can sign CRLs for the CA (its key is ours and online).</summary>
    /// <param name="caName">The CA.</param>
    /// <returns>True when <see cref="Generate"/> works for it.</returns>
    bool CanGenerate(string caName);

    /// <summary>Builds and signs a CRL.</summary>
    /// <param name="caName">The CA.</param>
    /// <param name="revoked">Every revoked or held certificate the CA issued.</param>
    /// <param name="thisUpdate">thisUpdate.</param>
    /// <param name="nextUpdate">nextUpdate.</param>
    /// <returns>The DER CRL.</returns>
    byte[] Generate(string caName, IReadOnlyList<RevokedCertificate> revoked, DateTimeOffset thisUpdate, DateTimeOffset nextUpdate);
}
