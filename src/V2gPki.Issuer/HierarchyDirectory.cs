// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Hsm;
using V2gPki.Issuer.Signers;
using V2gPki.Pki.Hierarchy;

namespace V2gPki.Issuer;

/// <summary>Builds the <see cref="IssuerDirectory"/> from the loaded CA hierarchy (V2gPki.Pki's manifest and loader).</summary>
public static class HierarchyDirectory
{
    /// <summary>
    /// Creates the directory: every CA of the hierarchy with its issuer id and parent, online when its key is in the
    /// online token, and every delegated OCSP signer of the manifest under the signer id the manifest gives it (signers
    /// added later by rollover come from the catalog).
    /// </summary>
    /// <param name="hierarchy">The loaded hierarchy.</param>
    /// <param name="tokens">The HSM tokens (to resolve signer keys recorded in the catalog by label).</param>
    /// <param name="options">Hash algorithms.</param>
    /// <param name="catalog">The signer catalog (under the data directory).</param>
    /// <param name="time">The clock.</param>
    /// <param name="noncePolicyCas">Names of CAs whose nonce requests are signed live, or null.</param>
    /// <returns>The directory.</returns>
    public static IssuerDirectory Create(CaHierarchy hierarchy, HsmTokenSet tokens, IssuerOptions options, SignerCatalog catalog, TimeProvider time, IReadOnlyCollection<string>? noncePolicyCas = null)
    {
        ArgumentNullException.ThrowIfNull(hierarchy);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(options);
        var definitions = new List<IssuerCaDefinition>();
        foreach (var ca in hierarchy.Cas)
        {
            var entry = hierarchy.Manifest.FindCa(ca.Name);
            definitions.Add(new IssuerCaDefinition
            {
                Name = ca.Name,
                IssuerId = ca.IssuerId,
                ParentName = entry?.Parent,
                CertificateDer = ca.CertificateDer,
                IsOnline = ca.CanSign && entry?.TokenRole == HsmTokenRoles.Online,
                NoncePolicy = noncePolicyCas?.Contains(ca.Name) == true,
            });
        }

        tokens.TryGetToken(HsmTokenRoles.Online, out var online);
        var directory = IssuerDirectory.Create(definitions, options.HashAlgorithms.ToArray(), catalog,
            label => online is not null && online.TryGetKey(label, out var key) ? key.CreateSigner() : null, time);
        foreach (var signer in hierarchy.OcspSigners)
        {
            var label = hierarchy.Manifest.FindOcspSigner(signer.Name)?.KeyLabel ?? signer.Name;
            directory.AddSigner(signer.Ca.Name, label, signer.CertificateDer, signer.Signer, makeCurrent: false, signer.SignerId);
        }

        directory.SelectCurrentSigners(time.GetUtcNow());
        return directory;
    }
}
