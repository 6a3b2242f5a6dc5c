// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Security.Cryptography;
using V2gPki.Hsm;
using V2gPki.Pki.Profiles;

namespace V2gPki.Pki.Hierarchy;

/// <summary>
/// Sets a data directory up for a hierarchy (<c>v2gpki ca init</c>) and opens it again (<c>ca csr</c>, <c>ca
/// import</c>, the host): SoftHSM2 configuration under <c>hsm/</c> (set through libc before the module loads,
/// docs/architecture.md §6), tokens initialised in process, PINs from the environment or — demo only — from a generated
/// 0600 PIN file. One call per process: SoftHSM2 reads its configuration once.
/// </summary>
public static class CaHierarchySetup
{
    /// <summary>Creates the complete demo hierarchy under a data directory (both tokens online).</summary>
    /// <param name="layout">The data directory layout.</param>
    /// <param name="options">The hierarchy settings; <see cref="CaHierarchyOptions.RootAndSubCa1Offline"/> is forced off (the demo keeps every key online).</param>
    /// <param name="time">The clock.</param>
    /// <param name="pinsGenerated">Whether PINs were generated into <see cref="CaDataLayout.DemoPinsPath"/> (the environment variables were unset).</param>
    /// <returns>The manifest, saved.</returns>
    /// <exception cref="InvalidOperationException">The data directory already holds a hierarchy.</exception>
    /// <exception cref="HsmException">The module or a token failed.</exception>
    public static CaHierarchyManifest InitDemo(CaDataLayout layout, CaHierarchyOptions options, TimeProvider time, out bool pinsGenerated)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(options);
        options.RootAndSubCa1Offline = false;
        var manifest = NewManifest(layout, options);
        pinsGenerated = false;
        if (!HasEnvironmentPins(manifest))
        {
            CaHierarchyTokens.WriteDemoPins(layout, new DemoPins { RootPin = NewPin(), OnlinePin = NewPin(), SoPin = NewPin() });
            pinsGenerated = true;
        }

        using var tokens = OpenTokens(layout, manifest, initializeIfMissing: true);
        return CaHierarchyBuilder.CreateDemo(manifest, layout, tokens, time, options.Profiles);
    }

    /// <summary>
    /// Sets up an empty production hierarchy: tokens initialised when missing (user PINs from the manifest's variables, SO
    /// PIN from <see cref="CaHierarchyOptions.SoPinVariable"/>), the manifest saved without CAs. Next: import the external
    /// root and Sub-CA 1 chain, create Sub-CA 2 CSRs.
    /// </summary>
    /// <param name="layout">The data directory layout.</param>
    /// <param name="options">The hierarchy settings.</param>
    /// <returns>The manifest, saved.</returns>
    /// <exception cref="InvalidOperationException">The data directory already holds a hierarchy.</exception>
    /// <exception cref="HsmException">The module or a token failed (an unset PIN variable is named in the message).</exception>
    public static CaHierarchyManifest InitEmpty(CaDataLayout layout, CaHierarchyOptions options)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(options);
        var manifest = NewManifest(layout, options);
        using (OpenTokens(layout, manifest, initializeIfMissing: true))
        {
        }

        manifest.Save(layout.ManifestPath);
        return manifest;
    }

    /// <summary>
    /// Opens the tokens of a data directory's hierarchy, pointing SoftHSM2 at the data directory's configuration first when
    /// the manifest has one. When a PKCS#11 module is already loaded in this process, that instance is used as it is.
    /// </summary>
    /// <param name="layout">The data directory layout.</param>
    /// <param name="manifest">The manifest.</param>
    /// <param name="initializeIfMissing">Initialise missing tokens.</param>
    /// <param name="bulkSessions">Bulk-lane sessions per token.</param>
    /// <returns>The open tokens.</returns>
    /// <exception cref="HsmException">The module or a token failed.</exception>
    public static HsmTokenSet OpenTokens(CaDataLayout layout, CaHierarchyManifest manifest, bool initializeIfMissing = false, int bulkSessions = 1)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(manifest);
        return CaHierarchyTokens.OpenForDataDirectory(CaHierarchyTokens.CreateOptions(manifest, layout, initializeIfMissing, bulkSessions));
    }

    /// <summary>Reads the manifest of a data directory and opens its hierarchy with its tokens.</summary>
    /// <param name="layout">The data directory layout.</param>
    /// <param name="tokens">The open tokens (the caller disposes them).</param>
    /// <param name="baseOptions">Lifetimes; <see langword="null"/> for the defaults.</param>
    /// <returns>The hierarchy.</returns>
    public static CaHierarchy Open(CaDataLayout layout, out HsmTokenSet tokens, ProfileOptions? baseOptions = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var manifest = CaHierarchyManifest.Load(layout.ManifestPath);
        tokens = OpenTokens(layout, manifest);
        try
        {
            return CaHierarchy.Load(manifest, layout, tokens, baseOptions);
        }
        catch
        {
            tokens.Dispose();
            throw;
        }
    }

    private static CaHierarchyManifest NewManifest(CaDataLayout layout, CaHierarchyOptions options)
    {
        if (File.Exists(layout.ManifestPath))
        {
            throw new InvalidOperationException($"{layout.ManifestPath} already exists: the data directory holds a hierarchy");
        }

        var manifest = options.CreateManifest();
        if (string.Equals(manifest.Hsm.ModulePath, HsmOptions.DefaultModulePath, StringComparison.Ordinal))
        {
            manifest.Hsm.SoftHsm2Config = CaDataLayout.SoftHsm2ConfigRelativePath;
            if (!Pkcs11Module.IsAnyLoaded)
            {
                SoftHsm2Environment.Prepare(layout.HsmDirectory);
            }
        }

        Directory.CreateDirectory(layout.CaDirectory);
        return manifest;
    }

    private static bool HasEnvironmentPins(CaHierarchyManifest manifest)
    {
        foreach (var token in manifest.Hsm.Tokens)
        {
            if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(token.PinEnvironmentVariable)))
            {
                return false;
            }
        }

        return !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(CaHierarchyOptions.SoPinVariable));
    }

    private static string NewPin() => Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
}
