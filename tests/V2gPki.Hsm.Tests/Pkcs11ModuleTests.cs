// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Text;

namespace V2gPki.Hsm.Tests;

[Collection(SoftHsmCollection.Name)]
public partial class Pkcs11ModuleTests(SoftHsmFixture fixture)
{
    [Fact]
    public void Load_MissingFile_ThrowsModuleNotFoundNamingThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid().ToString("N"), "libpkcs11.so");

        var e = Assert.Throws<HsmException>(() => Pkcs11Module.Load(path));

        Assert.Equal(HsmError.ModuleNotFound, e.Error);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FileIsNotAModule_ThrowsModuleLoadFailed()
    {
        var path = Path.Combine(Path.GetTempPath(), "not-a-module-" + Guid.NewGuid().ToString("N") + ".so");
        File.WriteAllText(path, "this is not a shared object");
        try
        {
            var e = Assert.Throws<HsmException>(() => Pkcs11Module.Load(path));

            Assert.Equal(HsmError.ModuleLoadFailed, e.Error);
            Assert.Contains(path, e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_SamePathTwice_ReturnsTheLoadedInstance()
    {
        Assert.Same(fixture.Module, Pkcs11Module.Load(HsmOptions.DefaultModulePath));
        Assert.Contains("SoftHSM", fixture.Module.Description, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void GetTokens_AfterFixture_ListsInitialisedTokensAndAFreeSlot()
    {
        var tokens = fixture.Module.GetTokens();

        Assert.Contains(tokens, t => t.Label == "test-online" && t.IsInitialized && t.IsUserPinInitialized);
        Assert.Contains(tokens, t => t.Label == "test-root" && t.IsInitialized);
        Assert.Contains(tokens, t => t.Label == SoftHsmFixture.PinTestLabel && t.IsInitialized);
        Assert.Contains(tokens, t => !t.IsInitialized);
    }

    [Fact]
    public void InitializeToken_LabelExists_ThrowsTokenExists()
    {
        var e = Assert.Throws<HsmException>(() => fixture.Module.InitializeToken("test-online", "1234"u8, "5678"u8));

        Assert.Equal(HsmError.TokenExists, e.Error);
    }

    [Fact]
    public void OpenToken_WrongPin_ThrowsPinIncorrectWithoutThePin()
    {
        const string wrongPin = "wrong-pin-31337";
        var options = SoftHsmFixture.TokenOptions("pin-test", SoftHsmFixture.PinTestLabel, wrongPin);
        options.InitializeIfMissing = false;

        var e = Assert.Throws<HsmException>(() => fixture.Module.OpenToken(options));

        Assert.Equal(HsmError.PinIncorrect, e.Error);
        Assert.Contains("incorrect", e.Message, StringComparison.Ordinal);
        Assert.Contains(SoftHsmFixture.PinTestLabel, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongPin, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenToken_UnknownLabel_ThrowsTokenNotFound()
    {
        var options = SoftHsmFixture.TokenOptions("nowhere", "no-such-token", "1234");
        options.InitializeIfMissing = false;

        Assert.Equal(HsmError.TokenNotFound, Assert.Throws<HsmException>(() => fixture.Module.OpenToken(options)).Error);
    }

    [Fact]
    public void OpenToken_PinFromUnsetEnvironmentVariable_ThrowsPinUnavailable()
    {
        var options = SoftHsmFixture.TokenOptions("env", "test-online", "unused");
        options.Pin = PinSource.FromEnvironment("V2GPKI_UNSET_" + Guid.NewGuid().ToString("N"));

        Assert.Equal(HsmError.PinUnavailable, Assert.Throws<HsmException>(() => fixture.Module.OpenToken(options)).Error);
    }

    [Fact]
    public void SetConfigPath_AfterModuleLoaded_OtherPathThrows()
    {
        Assert.Throws<InvalidOperationException>(() => SoftHsm2Environment.SetConfigPath("/tmp/other-softhsm2.conf"));
        SoftHsm2Environment.SetConfigPath(fixture.ConfigPath);
    }

    [Fact]
    [SupportedOSPlatform("linux")]
    public void Prepare_Fixture_CEnvironmentSeesConfigAndFileNamesTokenDirectory()
    {
        // SoftHSM2 reads SOFTHSM2_CONF with the C library's getenv, which must see what Prepare set.
        Assert.Equal(fixture.ConfigPath, Marshal.PtrToStringUTF8(GetEnv(SoftHsm2Environment.ConfigVariable)));
        var text = File.ReadAllText(fixture.ConfigPath, Encoding.UTF8);
        Assert.Contains("directories.tokendir = " + Path.Combine(fixture.DataDirectory, "tokens"), text, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(fixture.ConfigPath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
            File.GetUnixFileMode(Path.Combine(fixture.DataDirectory, "tokens")));
    }

    [LibraryImport("libc.so.6", EntryPoint = "getenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr GetEnv(string name);
}
