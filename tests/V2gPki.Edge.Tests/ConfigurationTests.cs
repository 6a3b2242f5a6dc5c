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
              "Hsm": { "Tokens": [ { "Role": "online", "PinFile": "online.pin", "BulkSessions": 4 } ] },
              "Issuer": { "MaxLiveCertificatesPerSubject": 2, "SupersedeAfterDays": 0 },
            }
            """);
        try
        {
            Assert.True(ConfigLoader.TryLoad(path, out var options, out var error), error);

            Assert.Equal(9090, options.Listeners.Ocsp.Port);
            Assert.Equal(4096, options.Listeners.Ocsp.Limits.MaxRequestBodyBytes);
            Assert.Equal(8192, options.Listeners.Ocsp.Limits.MaxRequestHeadersTotalBytes);
            Assert.Equal(["sha256", "sha384"], OptionsValidator.EffectiveHashAlgorithms(options.Ocsp));
            var token = Assert.Single(options.Hsm.Tokens!);
            Assert.Equal(("online", "online.pin", 4), (token.Role, token.PinFile, token.BulkSessions));
            Assert.True(OptionsValidator.TryParseNeverIssuedPolicy(options.Ocsp.NeverIssuedPolicy, out var policy));
            Assert.Equal(NeverIssuedPolicy.Unauthorized, policy);
            Assert.Equal((2, 0d, 3600d), (options.Issuer.MaxLiveCertificatesPerSubject, options.Issuer.SupersedeAfterDays, options.Issuer.SupersedeScanIntervalSeconds));
            Assert.Null(new V2gPkiOptions().Issuer.SupersedeAfterDays); // supersede is off unless configured
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
    public void Defaults_AreValidAndMatchTheDocumentedValues()
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
        options.Hsm.Tokens = [new HsmTokenOptions { PinFile = " ", Role = "cold", BulkSessions = 0 }];
        options.Ocsp.SingleCertIdPerResponse = true;
        options.Store.Capacity = 0;
        options.Crl.DebounceMilliseconds = 5000;
        options.Issuer.MaxLiveCertificatesPerSubject = 513;
        options.Issuer.SupersedeAfterDays = -1;
        options.Issuer.SupersedeScanIntervalSeconds = 0;

        var errors = OptionsValidator.Validate(options);

        foreach (var key in new[]
        {
            "Listeners:Ocsp:Address", "Listeners:Ocsp:Port", "Listeners:Ocsp:Limits:MaxRequestBodyBytes", "Ocsp:ResignFloorDays",
            "Listeners:Ocsp:Limits:MinRequestBodyGraceSeconds",
            "Ocsp:NoncePolicy", "Ocsp:HashAlgorithms", "Hsm:Tokens:0:PinFile", "Hsm:Tokens:0:Role", "Hsm:Tokens:0:BulkSessions",
            "Ocsp:SingleCertIdPerResponse", "Store:Capacity", "Crl:DebounceMilliseconds",
            "Issuer:MaxLiveCertificatesPerSubject", "Issuer:SupersedeAfterDays", "Issuer:SupersedeScanIntervalSeconds",
        })
        {
            Assert.Contains(errors, e => e.StartsWith(key, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Validate_EstProxyAndFailureLimits_EveryProblemNamedWithItsKey()
    {
        var options = new V2gPkiOptions();
        options.Listeners.Est = new EstListenerOptions
        {
            HttpsCertificateFile = "est/tls/server.pem",
            ForwardedClientCertificateHeader = "X-SSL-Client-Cert",
            FailedAuthenticationLimit = 0,
            FailedAuthenticationWindowSeconds = 0,
        };

        var errors = OptionsValidator.Validate(options);

        Assert.Contains(errors, e => e.StartsWith("Listeners:Est:ForwardedClientCertificateHeader: needs Listeners:Est:TrustedProxies", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Listeners:Est:FailedAuthenticationLimit", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Listeners:Est:FailedAuthenticationWindowSeconds", StringComparison.Ordinal));

        options.Listeners.Est.TrustedProxies = ["10.0.0.1", "proxy.example"];
        Assert.Contains(OptionsValidator.Validate(options), e => e.StartsWith("Listeners:Est:TrustedProxies:1: 'proxy.example' is not an IP address", StringComparison.Ordinal));
    }

    [Fact]
    public void PartiesSetup_ClientCertificateAuthorities_MissingFileOrEndEntityNamedWithItsKey()
    {
        var directory = Directory.CreateTempSubdirectory("v2gpki-parties-");
        try
        {
            var options = new PartiesOptions { ClientCertificateAuthorities = ["ca/none.pem", " "] };
            Assert.False(Runtime.PartiesSetup.TryBuild(options, directory.FullName, TimeProvider.System, out _, out var errors));
            Assert.Contains(errors, e => e.StartsWith("Parties:ClientCertificateAuthorities:0: cannot read", StringComparison.Ordinal));
            Assert.Contains(errors, e => e.StartsWith("Parties:ClientCertificateAuthorities:1: must name a PEM file", StringComparison.Ordinal));

            // Validation without the data directory checks the shape only (a demo writes its CA file after validating).
            Assert.True(Runtime.PartiesSetup.TryBuild(new PartiesOptions { ClientCertificateAuthorities = ["ca/none.pem"] }, directory.FullName, TimeProvider.System, out var setup, out _, readClientCertificateAuthorities: false));
            Assert.Null(setup!.Certificates);

            using var key = System.Security.Cryptography.ECDsa.Create();
            using var leaf = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=leaf", key, System.Security.Cryptography.HashAlgorithmName.SHA256)
                .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            File.WriteAllText(Path.Combine(directory.FullName, "leaf.pem"), leaf.ExportCertificatePem());
            Assert.False(Runtime.PartiesSetup.TryBuild(new PartiesOptions { ClientCertificateAuthorities = ["leaf.pem"] }, directory.FullName, TimeProvider.System, out _, out errors));
            Assert.Contains(errors, e => e.Contains("not a CA certificate", StringComparison.Ordinal));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Validate_JwtIssuers_BoundFromJsonAndEveryProblemNamedWithItsKey()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"v2gpki-jwt-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        try
        {
            File.WriteAllText(Path.Combine(directory, "jwks.json"), """{"keys":[{"kty":"EC","kid":"k1","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}]}""");
            File.WriteAllText(Path.Combine(directory, "empty.json"), """{"keys":[]}""");
            var path = Path.Combine(directory, "config.json");
            File.WriteAllText(path, """
                {
                  "DataDir": ".",
                  "Parties": {
                    "JwtIssuers": [
                      { "Issuer": "https://auth.example/", "Audience": "https://pki.example", "JwksFile": "jwks.json" },
                      { "Issuer": "https://auth.example/", "Audience": "https://pki.example", "JwksFile": "jwks.json" },
                      { "Issuer": "", "Audience": "https://pki.example", "JwksFile": "jwks.json" },
                      { "Issuer": "https://b.example/", "Audience": "https://pki.example", "JwksFile": "missing.json" },
                      { "Issuer": "https://c.example/", "Audience": "https://pki.example", "JwksFile": "empty.json" },
                      { "Issuer": "https://d.example/", "Audience": "https://pki.example", "JwksFile": "jwks.json", "ClockSkewSeconds": 900 },
                    ],
                  },
                }
                """);

            Assert.True(ConfigLoader.TryLoad(path, out var options, out var error), error);
            var errors = OptionsValidator.Validate(options);

            Assert.Equal(5, errors.Count);
            Assert.Contains(errors, e => e.StartsWith("Parties:JwtIssuers:1:Issuer: 'https://auth.example/' is configured twice", StringComparison.Ordinal));
            Assert.Contains(errors, e => e.StartsWith("Parties:JwtIssuers:2:Issuer:", StringComparison.Ordinal));
            Assert.Contains(errors, e => e.StartsWith("Parties:JwtIssuers:3:JwksFile: cannot read", StringComparison.Ordinal) && e.Contains("missing.json", StringComparison.Ordinal));
            Assert.Contains(errors, e => e.StartsWith("Parties:JwtIssuers:4:JwksFile:", StringComparison.Ordinal) && e.Contains("no signing key", StringComparison.Ordinal));
            Assert.Contains(errors, e => e.StartsWith("Parties:JwtIssuers:5:ClockSkewSeconds:", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void TryLoad_RelativeDataDir_ResolvedAgainstTheConfigFilesDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"v2gpki-config-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "config.json");
        File.WriteAllText(path, """{ "DataDir": "." }""");
        try
        {
            Assert.True(ConfigLoader.TryLoad(path, out var options, out var error), error);
            Assert.Equal(directory, options.DataDir);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void TryLoad_PinVariablesInTheEnvironment_AreNotTakenForConfigKeys()
    {
        // V2GPKI_ROOT_PIN & co. share the override prefix; binding them would fail as unknown keys (and show in --check-config).
        Environment.SetEnvironmentVariable("V2GPKI_ROOT_PIN", "1234");
        Environment.SetEnvironmentVariable("V2GPKI_Store__Capacity", "4242");
        try
        {
            Assert.True(ConfigLoader.TryLoad(null, out var options, out var error), error);
            Assert.Equal(4242, options.Store.Capacity);
        }
        finally
        {
            Environment.SetEnvironmentVariable("V2GPKI_ROOT_PIN", null);
            Environment.SetEnvironmentVariable("V2GPKI_Store__Capacity", null);
        }
    }
}
