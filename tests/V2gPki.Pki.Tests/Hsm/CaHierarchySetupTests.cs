// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Hsm;
using V2gPki.Pki.Hierarchy;

namespace V2gPki.Pki.Tests.Hsm;

/// <summary>
/// What `v2gpki ca init` runs, in process (the fixture's SoftHSM2 instance is already loaded, so the data directory's
/// SoftHSM2 configuration is written but not switched to).
/// </summary>
[Collection(PkiHsmCollection.Name)]
public sealed class CaHierarchySetupTests(PkiHsmFixture fixture)
{
    [Fact]
    public void InitDemo_NoPinVariables_GeneratesPinFileBuildsAndReopens()
    {
        var layout = new CaDataLayout(fixture.NewDirectory("setup"));
        var options = fixture.NewHierarchyOptions("setup");
        options.RootPinVariable = "V2GPKI_TEST_UNSET_ROOT_PIN";
        options.OnlinePinVariable = "V2GPKI_TEST_UNSET_ONLINE_PIN";

        var manifest = CaHierarchySetup.InitDemo(layout, options, TimeProvider.System, out var generated);

        Assert.True(generated);
        Assert.True(File.Exists(layout.DemoPinsPath));
        Assert.False(manifest.RootAndSubCa1Offline);
        Assert.Equal("hsm/softhsm2.conf", manifest.Hsm.SoftHsm2Config);
        Assert.Equal(9, manifest.Cas.Count);
        var pins = CaHierarchyTokens.ReadDemoPins(layout)!;
        Assert.DoesNotContain(pins.RootPin, File.ReadAllText(layout.ManifestPath), StringComparison.Ordinal);

        var hierarchy = CaHierarchySetup.Open(layout, out var tokens);
        using (tokens)
        {
            Assert.Equal(9, hierarchy.Cas.Count);
            Assert.Equal(9, hierarchy.OcspSigners.Count);
        }

        Assert.Throws<InvalidOperationException>(() => CaHierarchySetup.InitDemo(layout, options, TimeProvider.System, out _));
    }

    [Fact]
    public void InitEmpty_PinsFromEnvironment_TokensAndEmptyManifest()
    {
        var layout = new CaDataLayout(fixture.NewDirectory("setup-empty"));
        var options = fixture.NewHierarchyOptions("empty");
        var suffix = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        options.RootPinVariable = "V2GPKI_TEST_ROOT_PIN_" + suffix;
        options.OnlinePinVariable = "V2GPKI_TEST_ONLINE_PIN_" + suffix;
        Environment.SetEnvironmentVariable(options.RootPinVariable, "root-" + suffix);
        Environment.SetEnvironmentVariable(options.OnlinePinVariable, "online-" + suffix);
        Environment.SetEnvironmentVariable(CaHierarchyOptions.SoPinVariable, "so-" + suffix);
        try
        {
            var manifest = CaHierarchySetup.InitEmpty(layout, options);

            Assert.Empty(manifest.Cas);
            Assert.False(File.Exists(layout.DemoPinsPath));
            Assert.Empty(CaHierarchyManifest.Load(layout.ManifestPath).Cas);
            using var tokens = CaHierarchySetup.OpenTokens(layout, manifest);
            Assert.Equal([options.RootTokenLabel, options.OnlineTokenLabel], tokens.Tokens.Select(t => t.Label).ToArray());
        }
        finally
        {
            Environment.SetEnvironmentVariable(options.RootPinVariable, null);
            Environment.SetEnvironmentVariable(options.OnlinePinVariable, null);
            Environment.SetEnvironmentVariable(CaHierarchyOptions.SoPinVariable, null);
        }
    }

    [Fact]
    public void InitEmpty_PinVariableUnset_FailsNamingTheVariable()
    {
        var layout = new CaDataLayout(fixture.NewDirectory("setup-nopin"));
        var options = fixture.NewHierarchyOptions("nopin");
        options.RootPinVariable = "V2GPKI_TEST_NEVER_SET_PIN";

        var e = Assert.Throws<HsmException>(() => CaHierarchySetup.InitEmpty(layout, options));
        Assert.Equal(HsmError.PinUnavailable, e.Error);
        Assert.Contains("environment variable", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(layout.ManifestPath));
    }
}
