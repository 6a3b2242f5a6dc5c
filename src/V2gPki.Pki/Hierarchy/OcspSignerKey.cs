// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using Org.BouncyCastle.X509;
using V2gPki.Hsm;
using V2gPki.Pki.Signing;

namespace V2gPki.Pki.Hierarchy;

/// <summary>
/// A delegated OCSP signer ready to sign: its HSM signer (online token), its certificate (spliced into every response it
/// signed), its signer id and the issuer id of the CA it answers for.
/// </summary>
public sealed class OcspSignerKey
{
    internal OcspSignerKey(string name, Issuance.IssuingCa ca, ushort signerId, byte[] certificateDer, X509Certificate certificate, HsmSigner signer)
    {
        Name = name;
        Ca = ca;
        SignerId = signerId;
        CertificateDer = certificateDer;
        Certificate = certificate;
        Signer = signer;
        NotBefore = new DateTimeOffset(DateTime.SpecifyKind(certificate.NotBefore, DateTimeKind.Utc));
        NotAfter = new DateTimeOffset(DateTime.SpecifyKind(certificate.NotAfter, DateTimeKind.Utc));
    }

    /// <summary>Gets the name (<c>cpo-sub2-ocsp</c>).</summary>
    public string Name { get; }

    /// <summary>Gets the CA it answers for.</summary>
    public Issuance.IssuingCa Ca { get; }

    /// <summary>Gets the issuer id of that CA (the store's key prefix).</summary>
    public ushort IssuerId => Ca.IssuerId;

    /// <summary>Gets the signer id the serving index records with each response.</summary>
    public ushort SignerId { get; }

    /// <summary>Gets the DER certificate.</summary>
    public ReadOnlyMemory<byte> CertificateDer { get; }

    /// <summary>Gets the parsed certificate.</summary>
    public X509Certificate Certificate { get; }

    /// <summary>Gets the HSM signer (priority lane with <c>Sign</c>, bulk lane with <c>SignBatchAsync</c>; wrap it in <see cref="HsmOcspSigner"/> for V2gPki.Ocsp).</summary>
    public HsmSigner Signer { get; }

    /// <summary>Gets the certificate's notBefore.</summary>
    public DateTimeOffset NotBefore { get; }

    /// <summary>Gets the certificate's notAfter (every response's nextUpdate must stay before it).</summary>
    public DateTimeOffset NotAfter { get; }
}
