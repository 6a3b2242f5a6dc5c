// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Text.Json;
using V2gPki.Hsm;

namespace V2gPki.Pki.Hierarchy;

/// <summary>
/// Opens the HSM tokens a manifest names: the module (with the data directory's SoftHSM2 configuration when the manifest
/// has one), and each token with its PIN from the environment variable the manifest names, falling back to the demo PIN
/// file <c>hsm/demo-pins.json</c> when it exists. PINs are never logged or passed on a command line.
/// </summary>
public static class CaHierarchyTokens
{
    /// <summary>Builds the HSM options of a manifest.</summary>
    /// <param name="manifest">The manifest.</param>
    /// <param name="layout">The data directory layout.</param>
    /// <param name="initializeIfMissing">Initialise missing tokens (<c>ca init</c>); needs the SO PIN from <see cref="CaHierarchyOptions.SoPinVariable"/> or the demo PIN file.</param>
    /// <param name="bulkSessions">Bulk-lane sessions per token (OCSP pre-signing); the CLI needs 1.</param>
    /// <returns>The options.</returns>
    public static HsmOptions CreateOptions(CaHierarchyManifest manifest, CaDataLayout layout, bool initializeIfMissing = false, int bulkSessions = 1)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(layout);
        var demo = ReadDemoPins(layout);
        var options = new HsmOptions
        {
            ModulePath = manifest.Hsm.ModulePath,
            SoftHsm2ConfigPath = manifest.Hsm.SoftHsm2Config is null ? null : layout.ResolveData(manifest.Hsm.SoftHsm2Config),
        };
        foreach (var token in manifest.Hsm.Tokens)
        {
            var demoPin = demo is null ? null : token.Role == HsmTokenRoles.Root ? demo.RootPin : demo.OnlinePin;
            options.Tokens.Add(new HsmTokenOptions
            {
                Role = token.Role,
                Label = token.Label,
                Pin = new PinSource { EnvironmentVariable = token.PinEnvironmentVariable, Value = demoPin },
                SoPin = initializeIfMissing ? new PinSource { EnvironmentVariable = CaHierarchyOptions.SoPinVariable, Value = demo?.SoPin } : null,
                InitializeIfMissing = initializeIfMissing,
                PrioritySessions = 1,
                BulkSessions = bulkSessions,
            });
        }

        return options;
    }

    /// <summary>Opens the tokens of a manifest.</summary>
    /// <param name="manifest">The manifest.</param>
    /// <param name="layout">The data directory layout.</param>
    /// <param name="initializeIfMissing">Initialise missing tokens.</param>
    /// <param name="bulkSessions">Bulk-lane sessions per token.</param>
    /// <returns>The open tokens.</returns>
    /// <exception cref="HsmException">The module or a token could not be opened (a missing PIN says which variable to set).</exception>
    public static HsmTokenSet Open(CaHierarchyManifest manifest, CaDataLayout layout, bool initializeIfMissing = false, int bulkSessions = 1) =>
        HsmTokenSet.Open(CreateOptions(manifest, layout, initializeIfMissing, bulkSessions));

    /// <summary>
    /// Opens the tokens of <paramref name="options"/> the way every command of a data directory does: its SoftHSM2
    /// configuration is written when missing or pointed at the tokens beside it (a moved or restored directory), and
    /// dropped when a module is already loaded in this process (one module instance per process: whoever loaded it
    /// first chose its configuration; tests share one).
    /// </summary>
    /// <param name="options">The module and token options, e.g. from <see cref="CreateOptions"/>.</param>
    /// <returns>The open tokens.</returns>
    /// <exception cref="HsmException">The module or a token could not be opened.</exception>
    public static HsmTokenSet OpenForDataDirectory(HsmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.SoftHsm2ConfigPath is string config)
        {
            SoftHsm2Environment.EnsureConfig(Path.GetDirectoryName(config)!);
        }

        if (Pkcs11Module.IsAnyLoaded)
        {
            options.SoftHsm2ConfigPath = null;
        }

        return HsmTokenSet.Open(options);
    }

    /// <summary>Reads the demo PIN file, if there is one.</summary>
    /// <param name="layout">The layout.</param>
    /// <returns>The PINs, or <see langword="null"/>.</returns>
    /// <exception cref="InvalidDataException">The file exists but is not a PIN file.</exception>
    public static DemoPins? ReadDemoPins(CaDataLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        if (!File.Exists(layout.DemoPinsPath))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(layout.DemoPinsPath), CaHierarchyJsonContext.Default.DemoPins);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{layout.DemoPinsPath} is not a demo PIN file: {e.Message}", e);
        }
    }

    /// <summary>Writes the demo PIN file (mode 0600).</summary>
    /// <param name="layout">The layout.</param>
    /// <param name="pins">The PINs.</param>
    public static void WriteDemoPins(CaDataLayout layout, DemoPins pins)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(pins);
        Directory.CreateDirectory(layout.HsmDirectory);
        AtomicFile.Write(layout.DemoPinsPath, JsonSerializer.SerializeToUtf8Bytes(pins, CaHierarchyJsonContext.Default.DemoPins), ownerOnly: true);
    }
}
