// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Hsm;
using V2gPki.Pki.Issuance;
using V2gPki.Pki.Profiles;
using V2gPki.Pki.Signing;

namespace V2gPki.Pki.Hierarchy;

/// <summary>
/// Creates the complete demo hierarchy of docs/architecture.md §2 (<c>v2gpki ca init --demo</c>): V2G-rooted for every
/// branch (or with separate MO/OEM roots by configuration), root and Sub-CA 1 keys in the <c>root</c> token, Sub-CA 2
/// keys, every delegated OCSP signer key and the CPS leaf key in the <c>online</c> token (docs/architecture.md §4
/// invariant 1), every certificate issued through <see cref="CertificateIssuer"/> (linted, HSM-signed, verified),
/// written as <c>&lt;name&gt;.pem</c> with the manifest <c>hierarchy.json</c>.
/// </summary>
public static class CaHierarchyBuilder
{
    /// <summary>The name of the CPS signing leaf and its key label.</summary>
    public const string CpsLeafName = "cps";

    /// <summary>The key label of the CPS signing leaf.</summary>
    public const string CpsLeafKeyLabel = "cps-leaf";

    /// <summary>Creates the demo hierarchy.</summary>
    /// <param name="manifest">A manifest with the settings and tokens (<see cref="CaHierarchyOptions.CreateManifest"/>) and no CAs.</param>
    /// <param name="layout">Where the certificates and the manifest go.</param>
    /// <param name="tokens">The open tokens: roles <c>root</c> and <c>online</c> (both online in the demo).</param>
    /// <param name="time">The clock.</param>
    /// <param name="baseOptions">Lifetimes; <see langword="null"/> for the docs/architecture.md §10 defaults.</param>
    /// <returns>The manifest, filled and saved.</returns>
    /// <exception cref="InvalidOperationException">The manifest already has CAs, or a certificate could not be issued.</exception>
    /// <exception cref="HsmException">A token failed.</exception>
    public static CaHierarchyManifest CreateDemo(CaHierarchyManifest manifest, CaDataLayout layout, HsmTokenSet tokens, TimeProvider time, ProfileOptions? baseOptions = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(time);
        if (manifest.Cas.Count != 0)
        {
            throw new InvalidOperationException($"the hierarchy in {layout.ManifestPath} already has CAs");
        }

        var version = manifest.GetVersion();
        var catalog = new CertificateProfileCatalog(manifest.ToProfileOptions(baseOptions));
        var issuer = new CertificateIssuer(time);
        var rootToken = tokens.GetToken(HsmTokenRoles.Root);
        var onlineToken = tokens.GetToken(HsmTokenRoles.Online);
        Directory.CreateDirectory(layout.CaDirectory);

        var cas = new Dictionary<CertificateKind, IssuingCa>();
        var order = new List<IssuingCa>();
        foreach (var profile in catalog.All)
        {
            if (profile.Version != version || profile.Role is not (CertificateRole.Root or CertificateRole.SubCa1 or CertificateRole.SubCa2))
            {
                continue;
            }

            var token = profile.Role == CertificateRole.SubCa2 ? onlineToken : rootToken;
            var key = token.GetOrGenerateKey(profile.Name, manifest.KeyType);
            var signer = new HsmCertificateSigner(key.CreateSigner());
            var subject = new SubjectValues(CaCommonNames.For(profile.Name), manifest.Organization, manifest.Country);
            var parent = profile.IssuerKind == CertificateKind.None ? null : cas[profile.IssuerKind];
            var result = parent is null
                ? issuer.IssueSelfSigned(profile, signer, subject)
                : issuer.IssueForKey(profile, key.SubjectPublicKeyInfo, subject, parent);
            var certificate = Require(result, profile.Name);
            var issuerId = CaIds.NewIssuerId(manifest, profile.Kind);
            var file = WriteCertificate(layout, profile.Name, certificate.Der);
            cas[profile.Kind] = new IssuingCa(profile.Name, profile, certificate.Der, signer, issuerId);
            order.Add(cas[profile.Kind]);
            manifest.Cas.Add(new CaManifestEntry
            {
                Name = profile.Name,
                Parent = parent?.Name,
                TokenRole = token.Role,
                KeyLabel = key.Label,
                KeyType = key.KeyType,
                IsoVersion = (int)version,
                CertificatePath = file,
                OcspSigner = profile.Name + "-ocsp",
                IssuerId = issuerId,
                OcspUrl = manifest.OcspBaseUrl,
            });
        }

        foreach (var ca in order)
        {
            IssueOcspSigner(manifest, layout, onlineToken, issuer, catalog, ca);
        }

        var cpsProfile = catalog.Get(CertificateKind.Cps, version);
        var cpsKey = onlineToken.GetOrGenerateKey(CpsLeafKeyLabel, manifest.KeyType);
        var cps = Require(
            issuer.IssueForKey(cpsProfile, cpsKey.SubjectPublicKeyInfo, new SubjectValues(CaCommonNames.For(CpsLeafName), manifest.Organization, manifest.Country), cas[cpsProfile.IssuerKind]),
            CpsLeafName);
        manifest.Leaves.Add(new LeafManifestEntry
        {
            Name = CpsLeafName,
            Profile = cpsProfile.Name,
            Ca = cas[cpsProfile.IssuerKind].Name,
            TokenRole = onlineToken.Role,
            KeyLabel = cpsKey.Label,
            KeyType = cpsKey.KeyType,
            CertificatePath = WriteCertificate(layout, CpsLeafName, cps.Der),
        });

        manifest.Save(layout.ManifestPath);
        return manifest;
    }

    /// <summary>
    /// Issues (or re-issues) the delegated OCSP signer certificate of a CA whose key is ours: the signer key
    /// <c>&lt;ca&gt;-ocsp</c> lives in the online token; the manifest entry is added or updated (not saved).
    /// </summary>
    /// <param name="manifest">The manifest.</param>
    /// <param name="layout">Where the certificate goes.</param>
    /// <param name="onlineToken">The online token.</param>
    /// <param name="issuer">The certificate issuer.</param>
    /// <param name="catalog">The profiles.</param>
    /// <param name="ca">The CA (must be able to sign).</param>
    /// <returns>The signer certificate.</returns>
    /// <exception cref="InvalidOperationException">The certificate could not be issued.</exception>
    public static IssuedCertificate IssueOcspSigner(CaHierarchyManifest manifest, CaDataLayout layout, HsmToken onlineToken, CertificateIssuer issuer, CertificateProfileCatalog catalog, IssuingCa ca)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(onlineToken);
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(ca);
        var name = ca.Name + "-ocsp";
        var profile = catalog.TryGet(name, ca.Profile.Version, out var p)
            ? p
            : throw new InvalidOperationException($"no profile {name}");
        var entry = manifest.FindOcspSigner(name);
        var key = onlineToken.GetOrGenerateKey(entry?.KeyLabel ?? name, entry?.KeyType ?? manifest.KeyType);
        var certificate = Require(
            issuer.IssueForKey(profile, key.SubjectPublicKeyInfo, new SubjectValues(CaCommonNames.For(name), manifest.Organization, manifest.Country), ca),
            name);
        var file = WriteCertificate(layout, name, certificate.Der);
        if (entry is null)
        {
            manifest.OcspSigners.Add(new OcspSignerManifestEntry
            {
                Name = name,
                Ca = ca.Name,
                TokenRole = onlineToken.Role,
                KeyLabel = key.Label,
                KeyType = key.KeyType,
                CertificatePath = file,
                SignerId = CaIds.NewSignerId(manifest, profile.Kind),
            });
        }
        else
        {
            entry.CertificatePath = file;
        }

        return certificate;
    }

    /// <summary>Writes <c>&lt;name&gt;.pem</c> into the CA directory.</summary>
    /// <param name="layout">The layout.</param>
    /// <param name="name">The name.</param>
    /// <param name="der">The certificate.</param>
    /// <returns>The file name relative to the CA directory.</returns>
    internal static string WriteCertificate(CaDataLayout layout, string name, ReadOnlySpan<byte> der)
    {
        var file = name + ".pem";
        Directory.CreateDirectory(layout.CaDirectory);
        AtomicFile.Write(Path.Combine(layout.CaDirectory, file), System.Text.Encoding.ASCII.GetBytes(Pem.Encode(Pem.CertificateLabel, der)));
        return file;
    }

    private static IssuedCertificate Require(IssuanceResult result, string name) =>
        result.IsIssued ? result.Certificate : throw new InvalidOperationException($"{name}: {result}");
}
