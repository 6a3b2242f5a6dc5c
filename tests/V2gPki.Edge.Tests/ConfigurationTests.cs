// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Edge.Configuration;

namespace V2gPki.Edge.Tests;

public class ConfigurationTests
{
    private static string WriteTemp(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"v2gpki-config-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void TryLoad_JsonWithCommentsAndTrailingCommas_BindsAndKeepsDefaults()
    {
        var path = WriteTemp("""
            {
              // the OCSP listener
              "Listeners": { "Ocsp": { "Port": 9090, "Limits": { "MaxRequestBodyBytes": 4096, }, }, },
              /* policy */
              "Ocsp": { "HashAlgorithms": [ "sha256", "sha384" ], "NeverIssuedPolicy": "unauthorized" },
              "Hsm": { "Tokens": [ { "Label": "online", "PinFile": "online.pin" } ] },
            }
            """);
        try
        {
            Assert.True(ConfigLoader.TryLoad(path, out var options, out var error), error);

            Assert.Equal(9090, options.Listeners.Ocsp.Port);
            Assert.Equal(4096, options.Listeners.Ocsp.Limits.MaxRequestBodyBytes);
            Assert.Equal(8192, options.Listeners.Ocsp.Limits.MaxRequestHeadersTotalBytes);
            Assert.Equal(["sha256", "sha384"], OptionsValidator.EffectiveHashAlgorithms(options.Ocsp));
            Assert.Equal("online", Assert.Single(options.Hsm.Tokens!).Label);
            Assert.True(OptionsValidator.TryParseNeverIssuedPolicy(options.Ocsp.NeverIssuedPolicy, out var policy));
            Assert.Equal(NeverIssuedPolicy.Unauthorized, policy);
            Assert.Empty(OptionsValidator.Validate(options));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void TryLoad_MissingFileOrUnknownKey_FailsWithAMessage()
    {
        Assert.False(ConfigLoader.TryLoad("/nonexistent/v2gpki.json", out _, out var missing));
        Assert.Contains("does not exist", missing, StringComparison.Ordinal);

        var path = WriteTemp("""{ "Listeners": { "Ocsp": { "Prot": 1 } } }""");
        try
        {
            Assert.False(ConfigLoader.TryLoad(path, out _, out var unknown));
            Assert.Contains("Prot", unknown, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Defaults_AreValidAndMatchDesign()
    {
        var options = new V2gPkiOptions();

        Assert.Empty(OptionsValidator.Validate(options));
        Assert.Equal(8 * 1024, options.Listeners.Ocsp.Limits.MaxRequestBodyBytes);
        Assert.Equal(10, options.Ocsp.ValidityDays);
        Assert.Equal(8, options.Ocsp.ResignFloorDays);
        Assert.Equal(["sha1", "sha256"], OptionsValidator.EffectiveHashAlgorithms(options.Ocsp));
        Assert.Equal(8080, options.Listeners.Ocsp.Port);
        Assert.Equal(8081, options.Listeners.Admin.Port);
        Assert.Null(options.Listeners.Crl);
    }

    [Fact]
    public void Validate_EveryProblem_NamedWithItsKey()
    {
        var options = new V2gPkiOptions();
        options.Listeners.Ocsp.Address = "not-an-ip";
        options.Listeners.Ocsp.Port = 70000;
        options.Listeners.Ocsp.Limits.MaxRequestBodyBytes = 0;
        options.Listeners.Ocsp.Limits.MinRequestBodyGraceSeconds = 1;
        options.Ocsp.ResignFloorDays = 7; // 168 h < 167 h + 24 h
        options.Ocsp.NoncePolicy = "sometimes";
        options.Ocsp.HashAlgorithms = ["md5"];
        options.Hsm.Tokens = [new HsmTokenOptions { Label = "", PinFile = "", Role = "cold" }];

        var errors = OptionsValidator.Validate(options);

        foreach (var key in new[]
        {
            "Listeners:Ocsp:Address", "Listeners:Ocsp:Port", "Listeners:Ocsp:Limits:MaxRequestBodyBytes", "Ocsp:ResignFloorDays",
            "Listeners:Ocsp:Limits:MinRequestBodyGraceSeconds",
            "Ocsp:NoncePolicy", "Ocsp:HashAlgorithms", "Hsm:Tokens:0:Label", "Hsm:Tokens:0:PinFile", "Hsm:Tokens:0:Role",
        })
        {
            Assert.Contains(errors, e => e.StartsWith(key, StringComparison.Ordinal));
        }
    }
}
