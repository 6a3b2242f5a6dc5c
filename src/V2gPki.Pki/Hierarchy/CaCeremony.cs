// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Text;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.X509;
using V2gPki.Hsm;
using V2gPki.Pki.Issuance;
using V2gPki.Pki.Lint;
using V2gPki.Pki.Profiles;
using V2gPki.Pki.Signing;

namespace V2gPki.Pki.Hierarchy;

/// <summary>
/// The production path of a hierarchy (a ceremony with an offline or external CA): <see cref="CreateCsr"/> creates a
/// Sub-CA 2 key (online token), a Sub-CA 1 key (root token), a delegated OCSP signer key or the CPS leaf key (online
/// token) and exports a PKCS#10 CSR signed by that key through the HSM; <see cref="Import"/> takes the certificate the
/// external CA issued, checks that it certifies that very HSM key and that it chains — signature, names and key
/// identifiers, link by link up to a self-signed root taken from the hierarchy or from the chain given — and records it.
/// Importing an external V2G root and Sub-CA 1 chain (certificates whose keys are not ours) is the normal production case.
/// When a CA whose key is ours is imported, its delegated OCSP signer certificate is issued right away.
/// </summary>
public sealed class CaCeremony
{
    private readonly CaDataLayout _layout;
    private readonly CaHierarchyManifest _manifest;
    private readonly HsmTokenSet _tokens;
    private readonly TimeProvider _time;
    private readonly CertificateProfileCatalog _catalog;
    private readonly Iso15118Version _version;

    /// <summary>Creates a ceremony over a hierarchy.</summary>
    /// <param name="layout">The data directory layout.</param>
    /// <param name="manifest">The manifest (changed and saved by each successful step).</param>
    /// <param name="tokens">The open tokens.</param>
    /// <param name="time">The clock.</param>
    /// <param name="baseOptions">Lifetimes; <see langword="null"/> for the defaults.</param>
    public CaCeremony(CaDataLayout layout, CaHierarchyManifest manifest, HsmTokenSet tokens, TimeProvider time, ProfileOptions? baseOptions = null)
    {
        _layout = layout ?? throw new ArgumentNullException(nameof(layout));
        _manifest = manifest ?? throw new ArgumentNullException(nameof(manifest));
        _tokens = tokens ?? throw new ArgumentNullException(nameof(tokens));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _version = manifest.GetVersion();
        _catalog = new CertificateProfileCatalog(manifest.ToProfileOptions(baseOptions));
    }

    /// <summary>Creates (or reuses) the key of a CA, signer or CPS leaf and exports its CSR to <c>ca/csr/&lt;name&gt;.csr.pem</c>.</summary>
    /// <param name="name">A Sub-CA 1 or 2 (<c>cpo-sub2</c>), a signer (<c>cpo-sub1-ocsp</c>) or <c>cps</c>.</param>
    /// <returns>The CSR, or why not.</returns>
    /// <exception cref="HsmException">The token failed.</exception>
    public CaCeremonyResult CreateCsr(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!_catalog.TryGet(name, _version, out var profile))
        {
            return CaCeremonyResult.Fail(CaImportStatus.UnknownName, $"'{name}' is not a CA, OCSP signer or leaf of ISO 15118-{(int)_version} in this hierarchy");
        }

        string tokenRole;
        var label = name;
        switch (profile.Role)
        {
            case CertificateRole.Root:
                return CaCeremonyResult.Fail(CaImportStatus.NotAllowed, $"{name} is a root: it is self-signed, not requested; import the external root certificate with 'ca import {name} <cert.pem>'");
            case CertificateRole.SubCa1:
                tokenRole = HsmTokenRoles.Root;
                break;
            case CertificateRole.SubCa2 or CertificateRole.OcspSigner:
                tokenRole = HsmTokenRoles.Online;
                break;
            case CertificateRole.Leaf when profile.Kind == CertificateKind.Cps:
                tokenRole = HsmTokenRoles.Online;
                label = CaHierarchyBuilder.CpsLeafKeyLabel;
                break;
            default:
                return CaCeremonyResult.Fail(CaImportStatus.NotAllowed, $"{name} certificates are issued from their owners' CSRs; only CA, OCSP signer and CPS keys are created here");
        }

        var caEntry = _manifest.FindCa(name);
        if (caEntry is { IsExternal: true, CertificatePath: not null })
        {
            return CaCeremonyResult.Fail(CaImportStatus.NotAllowed, $"{name} is imported as an external CA; its key is not ours");
        }

        var token = _tokens.GetToken(caEntry?.TokenRole ?? tokenRole);
        var keyLabel = caEntry?.KeyLabel ?? _manifest.FindOcspSigner(name)?.KeyLabel ?? _manifest.FindLeaf(name)?.KeyLabel ?? label;
        var key = token.GetOrGenerateKey(keyLabel, _manifest.KeyType);
        var signer = new HsmCertificateSigner(key.CreateSigner());
        var subject = SubjectNameBuilder.Build(profile, CaCommonNames.For(name), _manifest.Organization, _manifest.Country);
        var spki = SubjectPublicKeyInfo.GetInstance(Asn1Object.FromByteArray(key.SubjectPublicKeyInfo.ToArray()));

        // RFC 2986 §4.1: attributes [0] present and empty; the external CA applies its own (our) profile, not requested extensions.
        var csr = new Pkcs10CertificationRequest(new HsmSignatureFactory(signer), subject, spki, new DerSet());
        if (!csr.Verify())
        {
            throw new InvalidOperationException($"the CSR of {name} signed by {signer.Description} does not verify");
        }

        var pem = Pem.Encode(Pem.CertificateRequestLabel, csr.GetDerEncoded());
        Directory.CreateDirectory(_layout.CsrDirectory);
        var path = Path.Combine(_layout.CsrDirectory, name + ".csr.pem");
        AtomicFile.Write(path, Encoding.ASCII.GetBytes(pem));
        RecordKey(name, profile, token.Role, key);
        _manifest.Save(_layout.ManifestPath);
        return new CaCeremonyResult(CaImportStatus.Done, $"key '{key.Label}' ({key.KeyType}) on token '{token.Label}'; CSR written to {path}", [], [name], pem, path);
    }

    /// <summary>Imports a certificate issued in a ceremony (PEM or DER), with the issuer certificates it needs.</summary>
    /// <param name="name">The CA, signer or leaf name.</param>
    /// <param name="certificate">The certificate; further certificates in the same input are used as chain.</param>
    /// <param name="chain">Issuer certificates (PEM), any order; those not yet in the hierarchy are imported as external CAs.</param>
    /// <returns>What was imported, or why not; nothing is written unless every check passed.</returns>
    /// <exception cref="HsmException">The token failed (issuing the imported CA's OCSP signer).</exception>
    public CaCeremonyResult Import(string name, ReadOnlySpan<byte> certificate, ReadOnlySpan<byte> chain = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!_catalog.TryGet(name, _version, out var profile))
        {
            return CaCeremonyResult.Fail(CaImportStatus.UnknownName, $"'{name}' is not a CA, OCSP signer or leaf of ISO 15118-{(int)_version} in this hierarchy");
        }

        List<X509Certificate> given, pool;
        try
        {
            given = ParseAll(certificate);
            pool = ParseAll(chain);
        }
        catch (Exception e) when (e is FormatException or IOException or ArgumentException or InvalidCastException or Org.BouncyCastle.Security.Certificates.CertificateException)
        {
            return CaCeremonyResult.Fail(CaImportStatus.Malformed, $"a certificate does not parse: {e.Message}");
        }

        if (given.Count == 0)
        {
            return CaCeremonyResult.Fail(CaImportStatus.Malformed, "the input holds no certificate (PEM -----BEGIN CERTIFICATE----- or DER)");
        }

        pool.AddRange(given.Skip(1));
        var plan = new Plan();
        var failure = profile.Role switch
        {
            CertificateRole.Root or CertificateRole.SubCa1 or CertificateRole.SubCa2 => PlanCa(name, profile, given[0], pool, plan),
            CertificateRole.OcspSigner => PlanOwnKeyCertificate(name, profile, given[0], plan, _manifest.FindOcspSigner(name)?.TokenRole, _manifest.FindOcspSigner(name)?.KeyLabel, name[..^"-ocsp".Length]),
            CertificateRole.Leaf when profile.Kind == CertificateKind.Cps => PlanOwnKeyCertificate(name, profile, given[0], plan, _manifest.FindLeaf(name)?.TokenRole, _manifest.FindLeaf(name)?.KeyLabel, NameOf(profile.IssuerKind)),
            _ => CaCeremonyResult.Fail(CaImportStatus.NotAllowed, $"{name} certificates are issued here from CSRs, not imported"),
        };
        return failure ?? Apply(plan);
    }

    private CaCeremonyResult? PlanCa(string name, CertificateProfile profile, X509Certificate certificate, List<X509Certificate> pool, Plan plan)
    {
        if (certificate.GetBasicConstraints() < 0)
        {
            return CaCeremonyResult.Fail(CaImportStatus.WrongType, $"the certificate for {name} ({certificate.SubjectDN}) is not a CA certificate");
        }

        if (CheckKeyAndTime(name, profile, certificate) is CaCeremonyResult bad)
        {
            return bad;
        }

        var entry = _manifest.FindCa(name);
        var own = entry is { TokenRole: not null, KeyLabel: not null };
        if (own && CheckOwnKey(name, certificate, entry!.TokenRole!, entry.KeyLabel!) is CaCeremonyResult mismatch)
        {
            return mismatch;
        }

        if (!own && profile.Role == CertificateRole.SubCa2)
        {
            return CaCeremonyResult.Fail(CaImportStatus.NotAllowed, $"{name} is a Sub-CA 2: its key is created here; run 'ca csr {name}' and have its CSR signed");
        }

        X509Certificate issuer;
        if (profile.Role == CertificateRole.Root)
        {
            if (!CertificateChecks.IsSignedBy(certificate, certificate))
            {
                return CaCeremonyResult.Fail(CaImportStatus.ChainInvalid, $"the certificate for root {name} is not self-signed");
            }

            issuer = certificate;
        }
        else
        {
            var parentName = NameOf(profile.IssuerKind);
            var parent = FindIssuer(certificate, parentName, pool, out var parentKnown);
            if (parent is null)
            {
                return CaCeremonyResult.Fail(CaImportStatus.ChainIncomplete,
                    $"the issuer '{certificate.IssuerDN}' of {name} is neither the imported {parentName} nor a certificate in the chain given that verifies its signature");
            }

            if (!parentKnown && PlanCa(parentName, _catalog.Get(profile.IssuerKind, _version), parent, pool, plan) is CaCeremonyResult parentFailure)
            {
                return parentFailure;
            }

            byte[]? aki = CertificateChecks.AuthorityKeyId(certificate), parentSki = CertificateChecks.SubjectKeyId(parent);
            if (aki is not null && parentSki is not null && !aki.AsSpan().SequenceEqual(parentSki))
            {
                return CaCeremonyResult.Fail(CaImportStatus.ChainInvalid, $"the authorityKeyIdentifier of {name} is not the subjectKeyIdentifier of {parentName}");
            }

            if (certificate.NotAfter > parent.NotAfter)
            {
                plan.Warnings.Add($"{name}: notAfter {certificate.NotAfter:O} is after {parentName}'s notAfter {parent.NotAfter:O}");
            }

            issuer = parent;
        }

        Lint(name, profile, certificate, issuer, plan);
        plan.Steps.Add(new Step(name, profile, certificate, own, profile.Role == CertificateRole.Root ? null : NameOf(profile.IssuerKind)));
        return null;
    }

    private CaCeremonyResult? PlanOwnKeyCertificate(string name, CertificateProfile profile, X509Certificate certificate, Plan plan, string? tokenRole, string? keyLabel, string caName)
    {
        if (tokenRole is null || keyLabel is null)
        {
            return CaCeremonyResult.Fail(CaImportStatus.NotAllowed, $"no key for {name} was created here; run 'ca csr {name}' and have its CSR signed");
        }

        if (_manifest.FindCa(caName)?.CertificatePath is null)
        {
            return CaCeremonyResult.Fail(CaImportStatus.ChainIncomplete, $"{caName}, the issuer of {name}, is not imported yet");
        }

        X509Certificate ca = new(ReadCertificate(_manifest.FindCa(caName)!.CertificatePath!));
        if ((CheckKeyAndTime(name, profile, certificate) ?? CheckOwnKey(name, certificate, tokenRole, keyLabel)) is CaCeremonyResult bad)
        {
            return bad;
        }

        if (!CertificateChecks.IsSignedBy(certificate, ca))
        {
            return CaCeremonyResult.Fail(CaImportStatus.ChainInvalid, $"the certificate for {name} is not signed by {caName} ('{ca.SubjectDN}')");
        }

        if (profile.Role == CertificateRole.OcspSigner && !CertificateChecks.HasExtendedKeyUsage(certificate, CertificateProfileCatalog.OcspSigningOid))
        {
            return CaCeremonyResult.Fail(CaImportStatus.WrongType, $"the certificate for {name} lacks extKeyUsage id-kp-OCSPSigning (RFC 6960 §4.2.2.2)");
        }

        Lint(name, profile, certificate, ca, plan);
        plan.Steps.Add(new Step(name, profile, certificate, Own: true, caName));
        return null;
    }

    private CaCeremonyResult? CheckKeyAndTime(string name, CertificateProfile profile, X509Certificate certificate)
    {
        var key = KeyAlgorithms.Identify(certificate.CertificateStructure.SubjectPublicKeyInfo);
        if (!profile.AllowsKey(key))
        {
            return CaCeremonyResult.Fail(CaImportStatus.WrongType, $"the certificate for {name} certifies a {KeyAlgorithms.Describe(key)} key; {profile.Name} of ISO 15118-{(int)_version} needs {KeyAlgorithms.Describe(profile.AllowedKeyAlgorithms)}");
        }

        var now = _time.GetUtcNow();
        return certificate.NotAfter <= now.UtcDateTime
            ? CaCeremonyResult.Fail(CaImportStatus.Expired, $"the certificate for {name} expired on {certificate.NotAfter:O}")
            : null;
    }

    private CaCeremonyResult? CheckOwnKey(string name, X509Certificate certificate, string tokenRole, string keyLabel)
    {
        var key = _tokens.GetToken(tokenRole).GetKey(keyLabel);
        return key.SubjectPublicKeyInfo.Span.SequenceEqual(certificate.CertificateStructure.SubjectPublicKeyInfo.GetDerEncoded())
            ? null
            : CaCeremonyResult.Fail(CaImportStatus.KeyMismatch, $"the certificate for {name} certifies another public key than the HSM key '{keyLabel}' on token '{key.Token.Label}' (its CSR's key)");
    }

    // The imported parent when it verifies the certificate; otherwise a certificate of the pool that does.
    private X509Certificate? FindIssuer(X509Certificate certificate, string parentName, List<X509Certificate> pool, out bool known)
    {
        known = false;
        if (_manifest.FindCa(parentName)?.CertificatePath is string path)
        {
            var imported = new X509Certificate(ReadCertificate(path));
            if (CertificateChecks.IsSignedBy(certificate, imported))
            {
                known = true;
                return imported;
            }
        }

        foreach (var candidate in pool)
        {
            if (!candidate.Equals(certificate) && CertificateChecks.IsSignedBy(certificate, candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    // An external CA decides its own profile; deviations from ours are reported, not refused.
    private static void Lint(string name, CertificateProfile profile, X509Certificate certificate, X509Certificate issuer, Plan plan)
    {
        var selfSigned = ReferenceEquals(certificate, issuer);
        var context = new LintContext
        {
            IssuerName = issuer.SubjectDN,
            IssuerKeyAlgorithm = KeyAlgorithms.Identify(issuer.CertificateStructure.SubjectPublicKeyInfo),
            IssuerKeyId = selfSigned ? null : CertificateChecks.SubjectKeyId(issuer) ?? KeyIdentifiers.Compute(issuer.CertificateStructure.SubjectPublicKeyInfo),
            IssuerNotBefore = selfSigned ? null : ToOffset(issuer.NotBefore),
            IssuerNotAfter = selfSigned ? null : ToOffset(issuer.NotAfter),
        };
        foreach (var finding in PreIssuanceLint.Check(certificate.CertificateStructure.TbsCertificate.GetDerEncoded(), profile, context))
        {
            plan.Warnings.Add($"{name}: {finding.Code}: {finding.Message}");
        }
    }

    private CaCeremonyResult Apply(Plan plan)
    {
        var written = new List<string>();
        IssuingCa? ownCa = null;
        foreach (var step in plan.Steps)
        {
            var der = step.Certificate.GetEncoded();
            var file = CaHierarchyBuilder.WriteCertificate(_layout, step.Name, der);
            written.Add(step.Name);
            switch (step.Profile.Role)
            {
                case CertificateRole.OcspSigner:
                    var signer = _manifest.FindOcspSigner(step.Name)!;
                    signer.CertificatePath = file;
                    if (signer.SignerId == 0)
                    {
                        signer.SignerId = CaIds.NewSignerId(_manifest, step.Profile.Kind);
                    }

                    break;
                case CertificateRole.Leaf:
                    _manifest.FindLeaf(step.Name)!.CertificatePath = file;
                    break;
                default:
                    var entry = _manifest.FindCa(step.Name) ?? AddCa(step.Name);
                    entry.CertificatePath = file;
                    entry.Parent = step.Profile.Role == CertificateRole.Root ? null : step.Parent;
                    entry.IsoVersion = (int)_version;
                    entry.OcspSigner = step.Name + "-ocsp";
                    entry.OcspUrl = _manifest.OcspBaseUrl;
                    if (entry.IssuerId == 0)
                    {
                        entry.IssuerId = CaIds.NewIssuerId(_manifest, step.Profile.Kind);
                    }

                    if (step.Own)
                    {
                        var hsm = _tokens.GetToken(entry.TokenRole!).GetKey(entry.KeyLabel!).CreateSigner();
                        ownCa = new IssuingCa(step.Name, step.Profile, der, new HsmCertificateSigner(hsm), entry.IssuerId);
                    }

                    break;
            }
        }

        SortCas();

        // A CA whose key is ours answers OCSP through its own delegated signer, issued right here.
        if (ownCa is not null && _manifest.FindOcspSigner(ownCa.Name + "-ocsp")?.CertificatePath is null)
        {
            CaHierarchyBuilder.IssueOcspSigner(_manifest, _layout, _tokens.GetToken(HsmTokenRoles.Online), new CertificateIssuer(_time), _catalog, ownCa);
            written.Add(ownCa.Name + "-ocsp");
        }

        _manifest.Save(_layout.ManifestPath);
        return new CaCeremonyResult(CaImportStatus.Done, $"imported {string.Join(", ", written)}", plan.Warnings, written);
    }

    private CaManifestEntry AddCa(string name)
    {
        var entry = new CaManifestEntry { Name = name };
        _manifest.Cas.Add(entry);
        return entry;
    }

    private void RecordKey(string name, CertificateProfile profile, string tokenRole, HsmKey key)
    {
        switch (profile.Role)
        {
            case CertificateRole.OcspSigner when _manifest.FindOcspSigner(name) is null:
                _manifest.OcspSigners.Add(new OcspSignerManifestEntry
                {
                    Name = name,
                    Ca = name[..^"-ocsp".Length],
                    TokenRole = tokenRole,
                    KeyLabel = key.Label,
                    KeyType = key.KeyType,
                    SignerId = CaIds.NewSignerId(_manifest, profile.Kind),
                });
                break;
            case CertificateRole.Leaf when _manifest.FindLeaf(name) is null:
                _manifest.Leaves.Add(new LeafManifestEntry
                {
                    Name = name,
                    Profile = profile.Name,
                    Ca = NameOf(profile.IssuerKind),
                    TokenRole = tokenRole,
                    KeyLabel = key.Label,
                    KeyType = key.KeyType,
                });
                break;
            case CertificateRole.SubCa1 or CertificateRole.SubCa2 when _manifest.FindCa(name) is null:
                _manifest.Cas.Add(new CaManifestEntry
                {
                    Name = name,
                    Parent = NameOf(profile.IssuerKind),
                    TokenRole = tokenRole,
                    KeyLabel = key.Label,
                    KeyType = key.KeyType,
                    IsoVersion = (int)_version,
                    OcspSigner = name + "-ocsp",
                    IssuerId = CaIds.NewIssuerId(_manifest, profile.Kind),
                    OcspUrl = _manifest.OcspBaseUrl,
                });
                break;
        }
    }

    // Parents before children: the loader reads the CAs in order.
    private void SortCas()
    {
        var sorted = new List<CaManifestEntry>(_manifest.Cas.Count);
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var rest = new List<CaManifestEntry>(_manifest.Cas);
        while (rest.Count > 0)
        {
            var before = rest.Count;
            for (var i = 0; i < rest.Count; i++)
            {
                var entry = rest[i];
                if (entry.Parent is null || placed.Contains(entry.Parent) || _manifest.FindCa(entry.Parent) is null)
                {
                    sorted.Add(entry);
                    placed.Add(entry.Name);
                    rest.RemoveAt(i--);
                }
            }

            if (rest.Count == before)
            {
                sorted.AddRange(rest);
                break;
            }
        }

        _manifest.Cas = sorted;
    }

    private string NameOf(CertificateKind kind) => _catalog.Get(kind, _version).Name;

    private byte[] ReadCertificate(string relativePath)
    {
        var items = Pem.DecodeAll(File.ReadAllBytes(_layout.ResolveCa(relativePath)), Pem.CertificateLabel);
        return items.Count == 1 ? items[0] : throw new InvalidDataException($"{relativePath} holds {items.Count} certificates, expected 1");
    }

    private static List<X509Certificate> ParseAll(ReadOnlySpan<byte> input)
    {
        var certificates = new List<X509Certificate>();
        foreach (var der in Pem.DecodeAll(input, Pem.CertificateLabel))
        {
            certificates.Add(new X509Certificate(der));
        }

        return certificates;
    }

    private static DateTimeOffset ToOffset(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));

    private sealed class Plan
    {
        public List<Step> Steps { get; } = [];

        public List<string> Warnings { get; } = [];
    }

    private sealed record Step(string Name, CertificateProfile Profile, X509Certificate Certificate, bool Own, string? Parent);
}
