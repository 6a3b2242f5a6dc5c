// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Security.Cryptography;

namespace V2gPki.Hsm.Tests;

/// <summary>
/// One throw-away SoftHSM2 token directory per test run (docs/architecture.md §6): SOFTHSM2_CONF is set through libc
/// before the module loads, and the module is never finalised mid-run. Tokens: <c>online</c> and <c>root</c> opened by
/// role, and <c>pin-test</c>, initialised but never logged in, for the wrong-PIN test (a token the process is logged in
/// to answers any PIN with CKR_USER_ALREADY_LOGGED_IN).
/// </summary>
public sealed class SoftHsmFixture : IDisposable
{
    public SoftHsmFixture()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "v2gpki-hsm-tests-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6)));
        ConfigPath = SoftHsm2Environment.Prepare(DataDirectory);
        var options = new HsmOptions { ModulePath = HsmOptions.DefaultModulePath };
        options.Tokens.Add(TokenOptions(HsmTokenRoles.Online, "test-online", UserPin));
        options.Tokens.Add(TokenOptions(HsmTokenRoles.Root, "test-root", UserPin));
        Tokens = HsmTokenSet.Open(options);
        Module = Tokens.Module;
        Online = Tokens.GetToken(HsmTokenRoles.Online);
        Root = Tokens.GetToken(HsmTokenRoles.Root);
        Module.InitializeToken(PinTestLabel, SoPin, PinTestUserPin);
    }

    public const string PinTestLabel = "test-pin";

    public static readonly byte[] SoPin = System.Text.Encoding.ASCII.GetBytes(Convert.ToHexString(RandomNumberGenerator.GetBytes(8)));

    public static readonly string UserPin = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));

    public static readonly byte[] PinTestUserPin = "correct-pin"u8.ToArray();

    public string DataDirectory { get; }

    public string ConfigPath { get; }

    public HsmTokenSet Tokens { get; }

    public Pkcs11Module Module { get; }

    public HsmToken Online { get; }

    public HsmToken Root { get; }

    public static HsmTokenOptions TokenOptions(string role, string label, string userPin) => new()
    {
        Role = role,
        Label = label,
        Pin = PinSource.FromValue(userPin),
        SoPin = PinSource.FromValue(System.Text.Encoding.ASCII.GetString(SoPin)),
        InitializeIfMissing = true,
        PrioritySessions = 1,
        BulkSessions = 4,
        BulkMaxInFlight = 1024,
    };

    public void Dispose()
    {
        // Sessions close; the module stays initialised until the test host exits (no C_Finalize mid-run).
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
