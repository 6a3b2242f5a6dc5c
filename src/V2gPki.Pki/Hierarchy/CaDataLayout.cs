// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Pki.Hierarchy;

/// <summary>
/// Where a hierarchy lives under a data directory: <c>hsm/</c> (SoftHSM2 configuration and tokens, demo PINs),
/// <c>ca/</c> (<c>&lt;name&gt;.pem</c> certificates and <c>hierarchy.json</c>), <c>ca/csr/</c> (ceremony CSRs) and
/// <c>crl/</c> (CRL numbers).
/// </summary>
public sealed class CaDataLayout
{
    /// <summary>Creates the layout of a data directory.</summary>
    /// <param name="dataDirectory">The data directory.</param>
    public CaDataLayout(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);
        DataDirectory = Path.GetFullPath(dataDirectory);
    }

    /// <summary>Gets the data directory.</summary>
    public string DataDirectory { get; }

    /// <summary>Gets the HSM directory (SoftHSM2 configuration and token files).</summary>
    public string HsmDirectory => Path.Combine(DataDirectory, "hsm");

    /// <summary>Gets the SoftHSM2 configuration file, relative to the data directory as the manifest records it.</summary>
    public static string SoftHsm2ConfigRelativePath => Path.Combine("hsm", "softhsm2.conf");

    /// <summary>Gets the demo PIN file.</summary>
    public string DemoPinsPath => Path.Combine(HsmDirectory, "demo-pins.json");

    /// <summary>Gets the certificate directory.</summary>
    public string CaDirectory => Path.Combine(DataDirectory, "ca");

    /// <summary>Gets the manifest file.</summary>
    public string ManifestPath => Path.Combine(CaDirectory, "hierarchy.json");

    /// <summary>Gets the directory of ceremony CSRs.</summary>
    public string CsrDirectory => Path.Combine(CaDirectory, "csr");

    /// <summary>Gets the CRL directory (CRL numbers; the issuing worker may publish CRLs here).</summary>
    public string CrlDirectory => Path.Combine(DataDirectory, "crl");

    /// <summary>Resolves a path the manifest holds relative to the data directory.</summary>
    /// <param name="relative">The relative (or absolute) path.</param>
    /// <returns>The full path.</returns>
    public string ResolveData(string relative) => Path.GetFullPath(Path.Combine(DataDirectory, relative));

    /// <summary>Resolves a certificate path the manifest holds relative to the CA directory.</summary>
    /// <param name="relative">The relative (or absolute) path.</param>
    /// <returns>The full path.</returns>
    public string ResolveCa(string relative) => Path.GetFullPath(Path.Combine(CaDirectory, relative));
}
