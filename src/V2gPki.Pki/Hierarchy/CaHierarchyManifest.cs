// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Text.Json;
using V2gPki.Pki.Profiles;

namespace V2gPki.Pki.Hierarchy;

/// <summary>
/// The machine-readable description of a CA hierarchy (<c>&lt;data&gt;/ca/hierarchy.json</c>): the settings every
/// certificate of the hierarchy was built with, the HSM tokens, and every CA, delegated OCSP signer and own-key leaf with
/// its key location, certificate file and ids. Certificate paths are relative to the manifest's directory. No PIN is ever
/// written here: tokens name the environment variable their PIN comes from. Serialised with the source-generated
/// <see cref="CaHierarchyJsonContext"/> (NativeAOT).
/// </summary>
public sealed class CaHierarchyManifest
{
    /// <summary>The schema version this code writes and reads.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>Gets or sets the schema version.</summary>
    public int SchemaVersion { get; set; } = CurrentSchemaVersion;

    /// <summary>Gets or sets the ISO 15118 part of every profile in the hierarchy (2 or 20).</summary>
    public int IsoVersion { get; set; } = 2;

    /// <summary>Gets or sets the key type of the hierarchy's keys (EcP256 for ISO 15118-2; EcP521 or Ed448 for -20).</summary>
    public V2gPki.Hsm.HsmKeyType KeyType { get; set; } = V2gPki.Hsm.HsmKeyType.EcP256;

    /// <summary>Gets or sets the O of the subjects of our own keys' certificates (CAs, OCSP signers, CPS leaf).</summary>
    public string Organization { get; set; } = CaHierarchyOptions.DefaultOrganization;

    /// <summary>Gets or sets the C of those subjects.</summary>
    public string Country { get; set; } = CaHierarchyOptions.DefaultCountry;

    /// <summary>Gets or sets the OCSP responder URL written into the AIA of every certificate below the root.</summary>
    public string OcspBaseUrl { get; set; } = CaHierarchyOptions.DefaultOcspBaseUrl;

    /// <summary>Gets or sets the CRL base URL of cRLDistributionPoints; <see langword="null"/> (the default) for none.</summary>
    public string? CrlBaseUrl { get; set; }

    /// <summary>Gets or sets the certificatePolicies OID of Sub-CA certificates; <see langword="null"/> or empty for none.</summary>
    public string? CertificatePolicyOid { get; set; } = ProfileOptions.HubjectCertificatePolicyOid;

    /// <summary>Gets or sets a value indicating whether the MO branch has its own root <c>mo-root</c>.</summary>
    public bool SeparateMoRoot { get; set; }

    /// <summary>Gets or sets a value indicating whether the OEM branch has its own root <c>oem-root</c>.</summary>
    public bool SeparateOemRoot { get; set; }

    /// <summary>Gets or sets a value indicating whether roots and Sub-CA 1s are offline (production): their OCSP signers live a year.</summary>
    public bool RootAndSubCa1Offline { get; set; } = true;

    /// <summary>Gets or sets the HSM module and tokens.</summary>
    public CaManifestHsm Hsm { get; set; } = new();

    /// <summary>Gets or sets the CAs, parents before children.</summary>
    public List<CaManifestEntry> Cas { get; set; } = [];

    /// <summary>Gets or sets the delegated OCSP signers (their keys always live in the online token).</summary>
    public List<OcspSignerManifestEntry> OcspSigners { get; set; } = [];

    /// <summary>Gets or sets leaves whose key is one of ours (the CPS signing leaf).</summary>
    public List<LeafManifestEntry> Leaves { get; set; } = [];

    /// <summary>Gets the ISO 15118 part as the enum.</summary>
    /// <returns>The part.</returns>
    /// <exception cref="InvalidDataException">The manifest names another part.</exception>
    public Iso15118Version GetVersion() => IsoVersion switch
    {
        2 => Iso15118Version.Part2,
        20 => Iso15118Version.Part20,
        _ => throw new InvalidDataException($"the hierarchy manifest names ISO 15118-{IsoVersion}; only -2 and -20 exist"),
    };

    /// <summary>The profile options that reproduce the hierarchy's certificates: the manifest's URLs, policy and roots over <paramref name="baseOptions"/> (lifetimes).</summary>
    /// <param name="baseOptions">Lifetimes and other settings from the configuration; <see langword="null"/> for the defaults.</param>
    /// <returns>New options.</returns>
    public ProfileOptions ToProfileOptions(ProfileOptions? baseOptions = null)
    {
        var b = baseOptions ?? new ProfileOptions();
        return new ProfileOptions
        {
            CertificatePolicyOid = CertificatePolicyOid,
            CertificatePolicyCpsUri = b.CertificatePolicyCpsUri,
            OcspUrl = OcspBaseUrl,
            CrlBaseUrl = CrlBaseUrl,
            SeparateMoRoot = SeparateMoRoot,
            SeparateOemRoot = SeparateOemRoot,
            RootAndSubCa1Offline = RootAndSubCa1Offline,
            RootLifetime = b.RootLifetime,
            SubCa1Lifetime = b.SubCa1Lifetime,
            SubCa2Lifetime = b.SubCa2Lifetime,
            EvseLifetime = b.EvseLifetime,
            ContractLifetime = b.ContractLifetime,
            OemProvisioningLifetime = b.OemProvisioningLifetime,
            CpsLifetime = b.CpsLifetime,
            OcspSignerLifetime = b.OcspSignerLifetime,
            OfflineCaOcspSignerLifetime = b.OfflineCaOcspSignerLifetime,
        };
    }

    /// <summary>Finds a CA entry.</summary>
    /// <param name="name">The CA name.</param>
    /// <returns>The entry, or <see langword="null"/>.</returns>
    public CaManifestEntry? FindCa(string name)
    {
        foreach (var entry in Cas)
        {
            if (string.Equals(entry.Name, name, StringComparison.Ordinal))
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>Finds an OCSP signer entry by its name (<c>cpo-sub2-ocsp</c>).</summary>
    /// <param name="name">The signer name.</param>
    /// <returns>The entry, or <see langword="null"/>.</returns>
    public OcspSignerManifestEntry? FindOcspSigner(string name)
    {
        foreach (var entry in OcspSigners)
        {
            if (string.Equals(entry.Name, name, StringComparison.Ordinal))
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>Finds a leaf entry.</summary>
    /// <param name="name">The leaf name.</param>
    /// <returns>The entry, or <see langword="null"/>.</returns>
    public LeafManifestEntry? FindLeaf(string name)
    {
        foreach (var entry in Leaves)
        {
            if (string.Equals(entry.Name, name, StringComparison.Ordinal))
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>Reads a manifest file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The manifest.</returns>
    /// <exception cref="InvalidDataException">The file is not a manifest of a schema this code reads.</exception>
    public static CaHierarchyManifest Load(string path)
    {
        var json = File.ReadAllBytes(path);
        CaHierarchyManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize(json, CaHierarchyJsonContext.Default.CaHierarchyManifest);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a CA hierarchy manifest: {e.Message}", e);
        }

        if (manifest is null || manifest.SchemaVersion != CurrentSchemaVersion)
        {
            throw new InvalidDataException($"{path} has schema version {manifest?.SchemaVersion}; this build reads {CurrentSchemaVersion}");
        }

        manifest.GetVersion();
        return manifest;
    }

    /// <summary>Writes the manifest atomically (a temporary file renamed over the old one).</summary>
    /// <param name="path">The file.</param>
    public void Save(string path)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(this, CaHierarchyJsonContext.Default.CaHierarchyManifest);
        AtomicFile.Write(path, json);
    }
}
