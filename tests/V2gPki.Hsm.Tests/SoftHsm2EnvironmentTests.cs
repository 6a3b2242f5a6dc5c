// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Hsm.Tests;

/// <summary>The SoftHSM2 configuration file of a data directory (real files; no module is loaded by these tests).</summary>
public sealed class SoftHsm2EnvironmentTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("v2gpki-softhsm-conf-").FullName;

    [Fact]
    public void EnsureConfig_Missing_WritesOnePointingAtItsTokens()
    {
        var hsm = Path.Combine(_root, "hsm");
        Assert.True(SoftHsm2Environment.EnsureConfig(hsm));
        Assert.Contains("directories.tokendir = " + Path.Combine(hsm, "tokens") + "\n", File.ReadAllText(Path.Combine(hsm, "softhsm2.conf")), StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(hsm, "tokens")));

        // Already right: left as it is.
        Assert.False(SoftHsm2Environment.EnsureConfig(hsm));
    }

    [Fact]
    public void EnsureConfig_DirectoryMoved_RewritesTheTokenPath()
    {
        var old = Path.Combine(_root, "old", "hsm");
        SoftHsm2Environment.WriteConfig(old);
        File.WriteAllText(Path.Combine(old, "tokens", "marker"), "token files move with the directory");
        var moved = Path.Combine(_root, "new");
        Directory.Move(Path.Combine(_root, "old"), moved);
        var hsm = Path.Combine(moved, "hsm");
        Assert.Contains(old, File.ReadAllText(Path.Combine(hsm, "softhsm2.conf")), StringComparison.Ordinal);

        Assert.True(SoftHsm2Environment.EnsureConfig(hsm));

        var text = File.ReadAllText(Path.Combine(hsm, "softhsm2.conf"));
        Assert.Contains("directories.tokendir = " + Path.Combine(hsm, "tokens") + "\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain(old, text, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(hsm, "tokens", "marker")));
    }

    [Fact]
    public void EnsureConfig_OperatorsOwnFile_LeftAlone()
    {
        var hsm = Path.Combine(_root, "hsm");
        Directory.CreateDirectory(hsm);
        const string Own = "directories.tokendir = /var/lib/softhsm/tokens\nobjectstore.backend = file\n";
        File.WriteAllText(Path.Combine(hsm, "softhsm2.conf"), Own);

        Assert.False(SoftHsm2Environment.EnsureConfig(hsm));
        Assert.Equal(Own, File.ReadAllText(Path.Combine(hsm, "softhsm2.conf")));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
