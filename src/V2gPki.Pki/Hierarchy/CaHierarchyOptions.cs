// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Hsm;
using V2gPki.Pki.Profiles;

namespace V2gPki.Pki.Hierarchy;

/// <summary>
/// How a new hierarchy is set up (<c>v2gpki ca init</c>): ISO 15118 part and key type, AIA OCSP URL, subject O and C,
/// token labels and the environment variables their PINs come from. Plain settable properties for the configuration binder.
/// </summary>
public sealed class CaHierarchyOptions
{
    /// <summary>The demo's OCSP responder URL (docs/architecture.md §7: OCSP on plain HTTP).</summary>
    public const string DefaultOcspBaseUrl = "http://127.0.0.1:8080/";

    /// <summary>The default O.</summary>
    public const string DefaultOrganization = "V2gPki Demo";

    /// <summary>The default C.</summary>
    public const string DefaultCountry = "DE";

    /// <summary>The default environment variable of the root token's user PIN.</summary>
    public const string DefaultRootPinVariable = "V2GPKI_ROOT_PIN";

    /// <summary>The default environment variable of the online token's user PIN.</summary>
    public const string DefaultOnlinePinVariable = "V2GPKI_ONLINE_PIN";

    /// <summary>The environment variable of the security officer PIN used to initialise missing tokens.</summary>
    public const string SoPinVariable = "V2GPKI_SO_PIN";

    /// <summary>Gets or sets the ISO 15118 part (default -2).</summary>
    public Iso15118Version Version { get; set; } = Iso15118Version.Part2;

    /// <summary>Gets or sets the key type for ISO 15118-20 (<see cref="HsmKeyType.EcP521"/> by default, or <see cref="HsmKeyType.Ed448"/>); -2 always uses P-256.</summary>
    public HsmKeyType Part20KeyType { get; set; } = HsmKeyType.EcP521;

    /// <summary>Gets or sets the OCSP responder URL written into the AIA of every certificate below the root.</summary>
    public string OcspBaseUrl { get; set; } = DefaultOcspBaseUrl;

    /// <summary>Gets or sets the CRL base URL for cRLDistributionPoints; <see langword="null"/> (the default) leaves them out.</summary>
    public string? CrlBaseUrl { get; set; }

    /// <summary>Gets or sets the certificatePolicies OID of Sub-CA certificates.</summary>
    public string? CertificatePolicyOid { get; set; } = ProfileOptions.HubjectCertificatePolicyOid;

    /// <summary>Gets or sets a value indicating whether the MO branch gets its own root <c>mo-root</c>.</summary>
    public bool SeparateMoRoot { get; set; }

    /// <summary>Gets or sets a value indicating whether the OEM branch gets its own root <c>oem-root</c>.</summary>
    public bool SeparateOemRoot { get; set; }

    /// <summary>Gets or sets a value indicating whether roots and Sub-CA 1s are offline (production); the demo keeps both tokens online.</summary>
    public bool RootAndSubCa1Offline { get; set; } = true;

    /// <summary>Gets or sets the O of our own certificates' subjects.</summary>
    public string Organization { get; set; } = DefaultOrganization;

    /// <summary>Gets or sets the C of our own certificates' subjects.</summary>
    public string Country { get; set; } = DefaultCountry;

    /// <summary>Gets or sets the PKCS#11 module (SoftHSM2 by default; its configuration then lives under the data directory).</summary>
    public string ModulePath { get; set; } = HsmOptions.DefaultModulePath;

    /// <summary>Gets or sets the root token's label.</summary>
    public string RootTokenLabel { get; set; } = "v2gpki-root";

    /// <summary>Gets or sets the online token's label.</summary>
    public string OnlineTokenLabel { get; set; } = "v2gpki-online";

    /// <summary>Gets or sets the environment variable of the root token's user PIN.</summary>
    public string RootPinVariable { get; set; } = DefaultRootPinVariable;

    /// <summary>Gets or sets the environment variable of the online token's user PIN.</summary>
    public string OnlinePinVariable { get; set; } = DefaultOnlinePinVariable;

    /// <summary>Gets or sets lifetimes and other profile settings (its URL, policy and root settings are replaced by the ones above).</summary>
    public ProfileOptions? Profiles { get; set; }

    /// <summary>Gets the key type of every key of the hierarchy.</summary>
    public HsmKeyType KeyType => Version == Iso15118Version.Part2 ? HsmKeyType.EcP256 : Part20KeyType;

    /// <summary>Creates a manifest with these settings and no CAs yet.</summary>
    /// <returns>The manifest.</returns>
    /// <exception cref="ArgumentException">An ISO 15118-20 key type that is not P-521 or Ed448.</exception>
    public CaHierarchyManifest CreateManifest()
    {
        if (Version == Iso15118Version.Part20 && Part20KeyType is not (HsmKeyType.EcP521 or HsmKeyType.Ed448))
        {
            throw new ArgumentException($"ISO 15118-20 keys are EC P-521 or Ed448, not {Part20KeyType}");
        }

        return new CaHierarchyManifest
        {
            IsoVersion = (int)Version,
            KeyType = KeyType,
            Organization = Organization,
            Country = Country,
            OcspBaseUrl = OcspBaseUrl,
            CrlBaseUrl = CrlBaseUrl,
            CertificatePolicyOid = CertificatePolicyOid,
            SeparateMoRoot = SeparateMoRoot,
            SeparateOemRoot = SeparateOemRoot,
            RootAndSubCa1Offline = RootAndSubCa1Offline,
            Hsm = new CaManifestHsm
            {
                ModulePath = ModulePath,
                Tokens =
                [
                    new TokenManifestEntry { Role = HsmTokenRoles.Root, Label = RootTokenLabel, PinEnvironmentVariable = RootPinVariable },
                    new TokenManifestEntry { Role = HsmTokenRoles.Online, Label = OnlineTokenLabel, PinEnvironmentVariable = OnlinePinVariable },
                ],
            },
        };
    }
}
