// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Net.Pkcs11Interop.Common;
using V2gPki.Edge.Runtime;
using V2gPki.Hsm;

namespace V2gPki.IntegrationTests.Serve;

/// <summary>
/// The listener binds before the PKI opens and the store recovers (docs/architecture.md §3: store not ready → tryLater;
/// §7: <c>/ready</c> = store recovered, HSM logged in). The fixture probed every stage while it started the server.
/// </summary>
[Collection(PkiServerCollection.Name)]
public class ReadinessTests(PkiServerFixture server)
{
    private static readonly byte[] TryLater = [0x30, 0x03, 0x0A, 0x01, 0x03];

    [Fact]
    public void Listener_BeforeThePkiIsOpen_NotReadyAndTryLater()
    {
        Assert.Equal(503, server.BeforeRuntime.Ready);
        Assert.Equal(TryLater, server.BeforeRuntime.Ocsp);
    }

    [Fact]
    public void Runtime_OpenButStoreNotRecovered_NotReadyAndTryLater()
    {
        Assert.Equal(503, server.BeforeRecovery.Ready);
        Assert.Equal(TryLater, server.BeforeRecovery.Ocsp);
    }

    [Fact]
    public async Task Runtime_AfterRecovery_ReadyAndAnswersFromTheStore()
    {
        Assert.Equal(200, server.AfterRecovery.Ready);
        Assert.Equal(0x30, server.AfterRecovery.Ocsp[0]);
        Assert.True(server.AfterRecovery.Ocsp.Length > 200, "a signed response");
        Assert.Equal(1, await server.MetricAsync("v2gpki_store_ready"));
    }

    [Fact]
    public async Task Runtime_HsmLoginProbe_ReadyCountsTheTokensAndExportsThem()
    {
        // §7: /ready = store recovered AND HSM logged in, from the probe's last result (never a hard-coded true).
        server.Runtime.HsmLogin.ProbeAll();
        Assert.True(server.Runtime.HsmLogin.AllLoggedIn);
        Assert.True(server.Runtime.Readiness.GetReadiness().HsmLoggedIn);
        Assert.Equal(1, await server.MetricAsync("v2gpki_hsm_logged_in{token=\"online\"}"));
        Assert.Equal(1, await server.MetricAsync("v2gpki_hsm_logged_in{token=\"root\"}"));
    }

    [Fact]
    public async Task HsmLoginMonitor_TokenThatCannotBeUsed_TurnsNotReadyOnItsOwn()
    {
        // A token of its own on the process's SoftHSM2 (the shared ones keep serving the other tests): closed = what a
        // removed token looks like to the probe.
        var tokens = OpenOwnToken(out _);
        var monitor = new HsmLoginMonitor(tokens.Tokens, TimeSpan.FromMilliseconds(50), TimeProvider.System, NullLogger.Instance);
        await using (monitor)
        {
            var readiness = new StoreReadinessProvider(server.Runtime.Store, monitor);
            monitor.Start();
            Assert.True(monitor.AllLoggedIn);
            Assert.True(readiness.GetReadiness().IsReady);

            tokens.Dispose();
            // The background loop (50 ms here, 5 s in the product) sees it without anyone asking.
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (monitor.AllLoggedIn && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }

            Assert.False(monitor.AllLoggedIn);
            Assert.False(monitor.IsLoggedIn(0));
            var notReady = readiness.GetReadiness();
            Assert.True(notReady.StoreReady);
            Assert.False(notReady.HsmLoggedIn);
            Assert.False(notReady.IsReady);
        }
    }

    [Fact]
    public async Task HsmLoginMonitor_PinRotatedOnTheTokenThenBack_NotReadyThenReadyAgain()
    {
        // The operator changes the token's user PIN but not the configuration: the probe cannot log in again after the
        // next logout. Putting the configured PIN back makes the process ready again, without a restart.
        using var tokens = OpenOwnToken(out var pin);
        var token = tokens.Tokens[0];
        var monitor = new HsmLoginMonitor(tokens.Tokens, TimeSpan.FromHours(1), TimeProvider.System, NullLogger.Instance);
        await using (monitor)
        {
            var readiness = new StoreReadinessProvider(server.Runtime.Store, monitor);
            monitor.ProbeAll();
            Assert.True(readiness.GetReadiness().IsReady);

            var rotated = Encoding.ASCII.GetBytes("rotated-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)));
            ChangePin(tokens, token, pin, rotated, loginFirst: false);
            monitor.ProbeAll();
            Assert.False(monitor.AllLoggedIn);
            Assert.False(readiness.GetReadiness().IsReady);

            ChangePin(tokens, token, rotated, pin, loginFirst: true);
            monitor.ProbeAll();
            Assert.True(monitor.AllLoggedIn);
            Assert.True(readiness.GetReadiness().IsReady);
        }
    }

    /// <summary>C_SetPIN on a read-write session, then C_Logout (which logs every session of the token out).</summary>
    private static void ChangePin(HsmTokenSet tokens, HsmToken token, byte[] oldPin, byte[] newPin, bool loginFirst)
    {
        var library = tokens.Module.LowLevel;
        ulong session = 0;
        Assert.Equal(CKR.CKR_OK, library.C_OpenSession(token.SlotId, Pkcs11Constants.CkfSerialSession | Pkcs11Constants.CkfRwSession, IntPtr.Zero, IntPtr.Zero, ref session));
        try
        {
            if (loginFirst)
            {
                Assert.Equal(CKR.CKR_OK, library.C_Login(session, CKU.CKU_USER, oldPin, (ulong)oldPin.Length));
            }

            Assert.Equal(CKR.CKR_OK, library.C_SetPIN(session, oldPin, (ulong)oldPin.Length, newPin, (ulong)newPin.Length));
            Assert.Equal(CKR.CKR_OK, library.C_Logout(session));
        }
        finally
        {
            library.C_CloseSession(session);
        }
    }

    private static HsmTokenSet OpenOwnToken(out byte[] pin)
    {
        var userPin = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        pin = Encoding.ASCII.GetBytes(userPin);
        var options = new HsmOptions { ModulePath = HsmOptions.DefaultModulePath };
        options.Tokens.Add(new HsmTokenOptions
        {
            Role = "online",
            Label = "ready-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant(),
            Pin = PinSource.FromValue(userPin),
            SoPin = PinSource.FromValue(Convert.ToHexString(RandomNumberGenerator.GetBytes(8))),
            InitializeIfMissing = true,
            PrioritySessions = 1,
            BulkSessions = 1,
        });
        return HsmTokenSet.Open(options);
    }

    [Fact]
    public async Task Health_AlwaysOk()
    {
        using var http = new HttpClient();
        Assert.Equal("ok\n", await http.GetStringAsync(new Uri(server.BaseAddress, "health")));
    }
}
