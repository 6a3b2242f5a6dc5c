// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Security.Cryptography;
using V2gPki.Hsm;

namespace V2gPki.Issuer.Tests;

/// <summary>
/// One throw-away SoftHSM2 token directory per test run (docs/architecture.md §6; never C_Finalize mid-run), an online
/// token with the test hierarchy's CA and signer keys, and PEM files of the certificates for openssl.
/// </summary>
public sealed class IssuerFixture : IDisposable
{
    public IssuerFixture()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "v2gpki-issuer-tests-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6)));
        SoftHsm2Environment.Prepare(DataDirectory);
        var pin = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        var options = new HsmOptions { ModulePath = HsmOptions.DefaultModulePath };
        options.Tokens.Add(new HsmTokenOptions
        {
            Role = HsmTokenRoles.Online,
            Label = "issuer-tests",
            Pin = PinSource.FromValue(pin),
            SoPin = PinSource.FromValue(pin + "so"),
            InitializeIfMissing = true,
            PrioritySessions = 1,
            BulkSessions = 2,
            BulkMaxInFlight = 1024,
        });
        Tokens = HsmTokenSet.Open(options);
        Online = Tokens.GetToken(HsmTokenRoles.Online);
        Pki = new TestPki(Online, DateTimeOffset.UtcNow, "t-");
    }

    public string DataDirectory { get; }

    public HsmTokenSet Tokens { get; }

    public HsmToken Online { get; }

    internal TestPki Pki { get; }

    public void Dispose()
    {
        Tokens.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

[CollectionDefinition(Name)]
public sealed class IssuerCollection : ICollectionFixture<IssuerFixture>
{
    public const string Name = "issuer";
}
