// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Diagnostics.CodeAnalysis;
using Org.BouncyCastle.X509;
using V2gPki.Hsm;
using V2gPki.Pki.Issuance;
using V2gPki.Pki.Profiles;
using V2gPki.Pki.Signing;

namespace V2gPki.Pki.Hierarchy;

/// <summary>
/// An existing CA hierarchy opened from its manifest and tokens: every CA as an <see cref="IssuingCa"/> (with its HSM
/// signer when the key is ours), every delegated OCSP signer as an <see cref="OcspSignerKey"/>, and own-key leaves (CPS).
/// Loading checks what it loads: each certificate's public key is the HSM key the manifest names, and each certificate
/// verifies with its parent's key. Does not own the tokens.
/// </summary>
public sealed class CaHierarchy
{
    private readonly Dictionary<string, IssuingCa> _cas = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OcspSignerKey> _signersByCa = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OwnKeyCertificate> _leaves = new(StringComparer.Ordinal);
    private readonly List<IssuingCa> _caList = [];
    private readonly List<OcspSignerKey> _signerList = [];
    private readonly List<string> _pending = [];

    private CaHierarchy(CaHierarchyManifest manifest, CaDataLayout layout, CertificateProfileCatalog catalog)
    {
        Manifest = manifest;
        Layout = layout;
        Catalog = catalog;
        Version = manifest.GetVersion();
    }

    /// <summary>Gets the manifest.</summary>
    public CaHierarchyManifest Manifest { get; }

    /// <summary>Gets the data directory layout.</summary>
    public CaDataLayout Layout { get; }

    /// <summary>Gets the profiles the hierarchy's certificates follow (the manifest's URLs and policy).</summary>
    public CertificateProfileCatalog Catalog { get; }

    /// <summary>Gets the ISO 15118 part.</summary>
    public Iso15118Version Version { get; }

    /// <summary>Gets every CA with a certificate, parents first.</summary>
    public IReadOnlyList<IssuingCa> Cas => _caList;

    /// <summary>Gets every OCSP signer with a certificate.</summary>
    public IReadOnlyList<OcspSignerKey> OcspSigners => _signerList;

    /// <summary>Gets the names of CAs, signers and leaves whose certificate is still pending (a CSR is out).</summary>
    public IReadOnlyList<string> Pending => _pending;

    /// <summary>Opens the hierarchy of a data directory: reads the manifest, opens nothing else (the tokens are given).</summary>
    /// <param name="layout">The data directory layout.</param>
    /// <param name="tokens">The open tokens (<see cref="CaHierarchyTokens.Open"/>).</param>
    /// <param name="baseOptions">Lifetimes and other profile settings; <see langword="null"/> for the defaults.</param>
    /// <returns>The hierarchy.</returns>
    /// <exception cref="InvalidDataException">The manifest or a certificate is broken, a key does not match, or a chain does not verify.</exception>
    /// <exception cref="HsmException">A key the manifest names is missing from its token.</exception>
    public static CaHierarchy Load(CaDataLayout layout, HsmTokenSet tokens, ProfileOptions? baseOptions = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return Load(CaHierarchyManifest.Load(layout.ManifestPath), layout, tokens, baseOptions);
    }

    /// <summary>Opens a hierarchy from a manifest already read.</summary>
    /// <param name="manifest">The manifest.</param>
    /// <param name="layout">The data directory layout (certificate files are relative to its CA directory).</param>
    /// <param name="tokens">The open tokens.</param>
    /// <param name="baseOptions">Lifetimes and other profile settings; <see langword="null"/> for the defaults.</param>
    /// <returns>The hierarchy.</returns>
    /// <exception cref="InvalidDataException">A certificate is broken, a key does not match, or a chain does not verify.</exception>
    /// <exception cref="HsmException">A key the manifest names is missing from its token.</exception>
    public static CaHierarchy Load(CaHierarchyManifest manifest, CaDataLayout layout, HsmTokenSet tokens, ProfileOptions? baseOptions = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(tokens);
        var hierarchy = new CaHierarchy(manifest, layout, new CertificateProfileCatalog(manifest.ToProfileOptions(baseOptions)));
        foreach (var entry in manifest.Cas)
        {
            hierarchy.LoadCa(entry, tokens);
        }

        foreach (var entry in manifest.OcspSigners)
        {
            hierarchy.LoadSigner(entry, tokens);
        }

        foreach (var entry in manifest.Leaves)
        {
            hierarchy.LoadLeaf(entry, tokens);
        }

        return hierarchy;
    }

    /// <summary>Gets a CA by name.</summary>
    /// <param name="name">The name (<c>cpo-sub2</c>).</param>
    /// <returns>The CA.</returns>
    /// <exception cref="KeyNotFoundException">No CA of that name has a certificate.</exception>
    public IssuingCa GetCa(string name) =>
        _cas.TryGetValue(name, out var ca) ? ca : throw new KeyNotFoundException($"the hierarchy has no certified CA '{name}'");

    /// <summary>Looks a CA up by name.</summary>
    /// <param name="name">The name.</param>
    /// <param name="ca">The CA.</param>
    /// <returns>Whether it exists with a certificate.</returns>
    public bool TryGetCa(string name, [NotNullWhen(true)] out IssuingCa? ca) => _cas.TryGetValue(name, out ca);

    /// <summary>Looks a CA up by its issuer id.</summary>
    /// <param name="issuerId">The id.</param>
    /// <param name="ca">The CA.</param>
    /// <returns>Whether a CA has that id.</returns>
    public bool TryGetCa(ushort issuerId, [NotNullWhen(true)] out IssuingCa? ca)
    {
        foreach (var candidate in _caList)
        {
            if (candidate.IssuerId == issuerId)
            {
                ca = candidate;
                return true;
            }
        }

        ca = null;
        return false;
    }

    /// <summary>The CA that issues a kind of certificate (<c>evse</c> → <c>cpo-sub2</c>).</summary>
    /// <param name="kind">The kind to issue.</param>
    /// <param name="ca">The issuing CA.</param>
    /// <returns>Whether the hierarchy has that CA with a certificate.</returns>
    public bool TryGetIssuerFor(CertificateKind kind, [NotNullWhen(true)] out IssuingCa? ca)
    {
        ca = null;
        if (!Catalog.TryGet(kind, Version, out var profile))
        {
            return false;
        }

        foreach (var candidate in _caList)
        {
            if (candidate.Kind == profile.IssuerKind)
            {
                ca = candidate;
                return true;
            }
        }

        return false;
    }

    /// <summary>Gets the profile of a kind in this hierarchy's ISO 15118 part.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The profile.</returns>
    public CertificateProfile GetProfile(CertificateKind kind) => Catalog.Get(kind, Version);

    /// <summary>Gets the delegated OCSP signer of a CA.</summary>
    /// <param name="caName">The CA name (<c>cpo-sub2</c>).</param>
    /// <param name="signer">The signer.</param>
    /// <returns>Whether the CA's signer has a certificate.</returns>
    public bool TryGetOcspSigner(string caName, [NotNullWhen(true)] out OcspSignerKey? signer) => _signersByCa.TryGetValue(caName, out signer);

    /// <summary>Gets the delegated OCSP signer of a CA.</summary>
    /// <param name="caName">The CA name.</param>
    /// <returns>The signer.</returns>
    /// <exception cref="KeyNotFoundException">The CA has no certified signer.</exception>
    public OcspSignerKey GetOcspSigner(string caName) =>
        _signersByCa.TryGetValue(caName, out var signer) ? signer : throw new KeyNotFoundException($"CA '{caName}' has no certified OCSP signer");

    /// <summary>Gets an own-key leaf (<c>cps</c>).</summary>
    /// <param name="name">The leaf name.</param>
    /// <param name="leaf">The leaf.</param>
    /// <returns>Whether it exists with a certificate.</returns>
    public bool TryGetLeaf(string name, [NotNullWhen(true)] out OwnKeyCertificate? leaf) => _leaves.TryGetValue(name, out leaf);

    /// <summary>The chain of a CA up to its root, the CA first.</summary>
    /// <param name="name">The CA name.</param>
    /// <returns>The CAs.</returns>
    public IReadOnlyList<IssuingCa> ChainOf(string name)
    {
        var chain = new List<IssuingCa>();
        var current = name;
        while (current is not null)
        {
            var ca = GetCa(current);
            chain.Add(ca);
            current = Manifest.FindCa(current)?.Parent;
        }

        return chain;
    }

    private void LoadCa(CaManifestEntry entry, HsmTokenSet tokens)
    {
        if (entry.CertificatePath is null)
        {
            _pending.Add(entry.Name);
            return;
        }

        if (!Catalog.TryGet(entry.Name, Version, out var profile) || profile.Role is not (CertificateRole.Root or CertificateRole.SubCa1 or CertificateRole.SubCa2))
        {
            throw new InvalidDataException($"the manifest lists CA '{entry.Name}', which is not a CA of {Version}");
        }

        var der = ReadCertificate(entry.CertificatePath, entry.Name);
        ICertificateSigner? signer = null;
        if (entry.TokenRole is not null)
        {
            var key = tokens.GetToken(entry.TokenRole).GetKey(entry.KeyLabel ?? entry.Name);
            signer = new HsmCertificateSigner(key.CreateSigner());
        }

        IssuingCa ca;
        try
        {
            ca = new IssuingCa(entry.Name, profile, der, signer, entry.IssuerId);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"CA '{entry.Name}': {e.Message}", e);
        }

        IssuingCa? parent = null;
        if (entry.Parent is not null && !_cas.TryGetValue(entry.Parent, out parent))
        {
            throw new InvalidDataException($"CA '{entry.Name}' names parent '{entry.Parent}', which has no certificate earlier in the manifest");
        }

        RequireSignedBy(ca.Certificate, parent?.Certificate ?? ca.Certificate, entry.Name);
        _cas.Add(entry.Name, ca);
        _caList.Add(ca);
    }

    private void LoadSigner(OcspSignerManifestEntry entry, HsmTokenSet tokens)
    {
        if (entry.CertificatePath is null)
        {
            _pending.Add(entry.Name);
            return;
        }

        if (!_cas.TryGetValue(entry.Ca, out var ca))
        {
            throw new InvalidDataException($"OCSP signer '{entry.Name}' answers for '{entry.Ca}', which has no certificate");
        }

        var der = ReadCertificate(entry.CertificatePath, entry.Name);
        var certificate = Parse(der, entry.Name);
        var key = tokens.GetToken(entry.TokenRole).GetKey(entry.KeyLabel);
        RequireKey(certificate, key, entry.Name);
        RequireSignedBy(certificate, ca.Certificate, entry.Name);
        var signer = new OcspSignerKey(entry.Name, ca, entry.SignerId, der, certificate, key.CreateSigner());
        _signersByCa[entry.Ca] = signer;
        _signerList.Add(signer);
    }

    private void LoadLeaf(LeafManifestEntry entry, HsmTokenSet tokens)
    {
        if (entry.CertificatePath is null)
        {
            _pending.Add(entry.Name);
            return;
        }

        if (!_cas.TryGetValue(entry.Ca, out var ca) || !Catalog.TryGet(entry.Profile, Version, out var profile))
        {
            throw new InvalidDataException($"leaf '{entry.Name}' names CA '{entry.Ca}' and profile '{entry.Profile}', which do not both exist");
        }

        var der = ReadCertificate(entry.CertificatePath, entry.Name);
        var certificate = Parse(der, entry.Name);
        var key = tokens.GetToken(entry.TokenRole).GetKey(entry.KeyLabel);
        RequireKey(certificate, key, entry.Name);
        RequireSignedBy(certificate, ca.Certificate, entry.Name);
        _leaves[entry.Name] = new OwnKeyCertificate(entry.Name, profile, ca, der, certificate, key.CreateSigner());
    }

    private byte[] ReadCertificate(string relativePath, string name)
    {
        var path = Layout.ResolveCa(relativePath);
        List<byte[]> items;
        try
        {
            items = Pem.DecodeAll(File.ReadAllBytes(path), Pem.CertificateLabel);
        }
        catch (FormatException e)
        {
            throw new InvalidDataException($"{path} ({name}) is not a PEM certificate: {e.Message}", e);
        }

        return items.Count == 1 ? items[0] : throw new InvalidDataException($"{path} ({name}) holds {items.Count} certificates, expected 1");
    }

    private static X509Certificate Parse(byte[] der, string name)
    {
        try
        {
            return new X509Certificate(der);
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidCastException or Org.BouncyCastle.Security.Certificates.CertificateException)
        {
            throw new InvalidDataException($"the certificate of '{name}' does not parse: {e.Message}", e);
        }
    }

    private static void RequireKey(X509Certificate certificate, HsmKey key, string name)
    {
        if (!key.SubjectPublicKeyInfo.Span.SequenceEqual(certificate.CertificateStructure.SubjectPublicKeyInfo.GetDerEncoded()))
        {
            throw new InvalidDataException($"the certificate of '{name}' certifies another key than '{key.Label}' on token '{key.Token.Label}'");
        }
    }

    private static void RequireSignedBy(X509Certificate certificate, X509Certificate issuer, string name)
    {
        if (!CertificateChecks.IsSignedBy(certificate, issuer))
        {
            throw new InvalidDataException($"the certificate of '{name}' does not verify with the key of '{issuer.SubjectDN}'");
        }
    }
}
