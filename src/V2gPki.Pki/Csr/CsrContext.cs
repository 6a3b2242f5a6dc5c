// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Pkcs;
using V2gPki.Pki.Identifiers;
using V2gPki.Pki.Profiles;

namespace V2gPki.Pki.Csr;

/// <summary>
/// What the CSR rules share while they run: the input, the profile and policy, and what earlier rules have parsed.
/// Each rule may rely on the fields set by the rules before it in <see cref="CsrValidator.DefaultRules"/>.
/// </summary>
public sealed class CsrContext
{
    /// <summary>Creates a context for one CSR.</summary>
    /// <param name="input">The CSR as received (PEM or DER).</param>
    /// <param name="profile">The profile of the certificate requested.</param>
    /// <param name="policy">The CSR policy.</param>
    public CsrContext(ReadOnlyMemory<byte> input, CertificateProfile profile, CsrPolicy policy)
    {
        Input = input;
        Profile = profile ?? throw new ArgumentNullException(nameof(profile));
        Policy = policy ?? throw new ArgumentNullException(nameof(policy));
    }

    /// <summary>The CSR as received.</summary>
    public ReadOnlyMemory<byte> Input { get; }

    /// <summary>The profile of the certificate requested.</summary>
    public CertificateProfile Profile { get; }

    /// <summary>The CSR policy.</summary>
    public CsrPolicy Policy { get; }

    /// <summary>The DER of the CSR (after PEM decoding); set by <see cref="Rules.EncodingRule"/>.</summary>
    public byte[]? Der { get; internal set; }

    /// <summary>The parsed CSR; set by <see cref="Rules.EncodingRule"/>.</summary>
    public Pkcs10CertificationRequest? Request { get; internal set; }

    /// <summary>The certificationRequestInfo; set by <see cref="Rules.EncodingRule"/>.</summary>
    public CertificationRequestInfo? Info { get; internal set; }

    /// <summary>The subject key's algorithm; set by <see cref="Rules.KeyAlgorithmRule"/>.</summary>
    public KeyAlgorithm KeyAlgorithm { get; internal set; }

    /// <summary>The CN: the normalised identifier, or the free name for kinds without an ID type; set by <see cref="Rules.CommonNameRule"/>.</summary>
    public string? CommonName { get; internal set; }

    /// <summary>The parsed identifier for kinds with an ID type; set by <see cref="Rules.CommonNameRule"/>.</summary>
    public Iso15118Id? SubjectId { get; internal set; }

    /// <summary>The O; set by <see cref="Rules.OrganizationRule"/>.</summary>
    public string? Organization { get; internal set; }

    /// <summary>The C, upper case, or <see langword="null"/>; set by <see cref="Rules.CountryRule"/>.</summary>
    public string? Country { get; internal set; }

    /// <summary>The subject DN of the CSR, once parsed.</summary>
    internal X509Name? Subject => Info?.Subject;
}
