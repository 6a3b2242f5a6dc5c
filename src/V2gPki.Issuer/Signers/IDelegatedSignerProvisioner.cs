// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Issuer.Signers;

/// <summary>
/// Issues a new delegated OCSP signer certificate at rollover (V2gPki.Pki's issuance behind it): a new key in the online
/// token and a certificate from the CA's key (EKU id-kp-OCSPSigning, id-pkix-ocsp-nocheck, docs/architecture.md §3).
/// </summary>
public interface IDelegatedSignerProvisioner
{
    /// <summary>Issues a signer for a CA.</summary>
    /// <param name="ca">The CA.</param>
    /// <param name="notBefore">notBefore of the new certificate.</param>
    /// <param name="notAfter">notAfter of the new certificate (capped at the CA's notAfter by the issuer).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The signer, or null when the CA cannot sign online (an offline CA: its signer comes from a ceremony).</returns>
    ValueTask<ProvisionedSigner?> ProvisionAsync(IssuerEntry ca, DateTimeOffset notBefore, DateTimeOffset notAfter, CancellationToken cancellationToken);
}
