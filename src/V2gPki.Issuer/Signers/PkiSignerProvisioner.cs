// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Globalization;
using V2gPki.Hsm;
using V2gPki.Pki.Hierarchy;
using V2gPki.Pki.Issuance;

namespace V2gPki.Issuer.Signers;

/// <summary>
/// Signer rollover through V2gPki.Pki: a new P-256/P-521/Ed448 key (the old signer's type) in the online token and a
/// certificate from the CA's own key by <see cref="CertificateIssuer.IssueForKey"/> with the CA's <c>&lt;ca&gt;-ocsp</c>
/// profile (lint, HSM signature, verification). Offline CAs (key not online) get null: their signers come from a ceremony.
/// </summary>
public sealed class PkiSignerProvisioner : IDelegatedSignerProvisioner
{
    private readonly CaHierarchy _hierarchy;
    private readonly HsmToken _online;
    private readonly CertificateIssuer _issuer;

    /// <summary>Creates the provisioner.</summary>
    /// <param name="hierarchy">The loaded hierarchy (CAs, profiles).</param>
    /// <param name="online">The online token, where signer keys live.</param>
    /// <param name="issuer">The certificate issuer.</param>
    public PkiSignerProvisioner(CaHierarchy hierarchy, HsmToken online, CertificateIssuer issuer)
    {
        ArgumentNullException.ThrowIfNull(hierarchy);
        ArgumentNullException.ThrowIfNull(online);
        ArgumentNullException.ThrowIfNull(issuer);
        _hierarchy = hierarchy;
        _online = online;
        _issuer = issuer;
    }

    /// <inheritdoc />
    public ValueTask<ProvisionedSigner?> ProvisionAsync(IssuerEntry ca, DateTimeOffset notBefore, DateTimeOffset notAfter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ca);
        if (!ca.IsOnline || !_hierarchy.TryGetCa(ca.Name, out var issuingCa) || !issuingCa.CanSign
            || !_hierarchy.Catalog.TryGet(ca.Name + "-ocsp", _hierarchy.Version, out var profile))
        {
            return ValueTask.FromResult<ProvisionedSigner?>(null);
        }

        var keyType = ca.CurrentSigner?.Signer?.Key.KeyType ?? HsmKeyType.EcP256;
        var label = ca.Name + "-ocsp-" + notBefore.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var key = _online.GetOrGenerateKey(label, keyType);
        var subject = new SubjectValues(ca.Name + "-ocsp", _hierarchy.Manifest.Organization, _hierarchy.Manifest.Country);
        var result = _issuer.IssueForKey(profile, key.SubjectPublicKeyInfo, subject, issuingCa, notAfter);
        if (!result.IsIssued)
        {
            throw new InvalidOperationException($"Issuing a delegated OCSP signer for {ca.Name} failed: {result}");
        }

        return ValueTask.FromResult<ProvisionedSigner?>(new ProvisionedSigner(label, result.Certificate!.Der, key.CreateSigner()));
    }
}
