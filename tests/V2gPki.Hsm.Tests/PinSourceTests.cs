// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Hsm.Tests;

public class PinSourceTests
{
    [Fact]
    public void Resolve_EnvironmentVariableSet_ReturnsItsValue()
    {
        var name = "V2GPKI_TEST_PIN_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(name, "4711");
        try
        {
            Assert.Equal("4711"u8.ToArray(), PinSource.FromEnvironment(name).Resolve("user PIN"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Fact]
    public void Resolve_EnvironmentVariableUnsetWithoutFallback_ThrowsPinUnavailableNamingTheVariable()
    {
        var name = "V2GPKI_TEST_PIN_" + Guid.NewGuid().ToString("N");

        var e = Assert.Throws<HsmException>(() => PinSource.FromEnvironment(name).Resolve("user PIN of token 'x'"));

        Assert.Equal(HsmError.PinUnavailable, e.Error);
        Assert.Contains(name, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_NothingConfigured_ThrowsPinUnavailable()
    {
        Assert.Equal(HsmError.PinUnavailable, Assert.Throws<HsmException>(() => new PinSource().Resolve("PIN")).Error);
    }

    [Fact]
    public void ToString_ConfiguredValue_DoesNotRevealThePin()
    {
        var text = PinSource.FromValue("secret-1234").ToString();

        Assert.DoesNotContain("secret-1234", text, StringComparison.Ordinal);
        Assert.Equal("config value", text);
    }
}
