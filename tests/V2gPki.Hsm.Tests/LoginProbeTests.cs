// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Security.Cryptography;
using System.Text;
using Net.Pkcs11Interop.Common;

namespace V2gPki.Hsm.Tests;

/// <summary>
/// <see cref="HsmToken.TryCheckLogin"/>, the probe behind <c>/ready</c>, against real SoftHSM2 tokens: it repairs what
/// can be repaired (a dead session, a logged-out token) and reports what cannot (a PIN changed on the token).
/// </summary>
[Collection(SoftHsmCollection.Name)]
public class LoginProbeTests(SoftHsmFixture fixture)
{
    [Fact]
    public void TryCheckLogin_OpenToken_LoggedIn()
    {
        Assert.True(fixture.Online.TryCheckLogin(out var problem), problem);
        Assert.Null(problem);
        Assert.NotEqual(0UL, fixture.Online.ProbeSessionHandle);
    }

    [Fact]
    public void TryCheckLogin_ProbeSessionClosedUnderneath_ReopensAndCountsARecovery()
    {
        Assert.True(fixture.Online.TryCheckLogin(out _));
        var recoveries = fixture.Online.SessionRecoveries;
        var closed = fixture.Module.LowLevel.C_CloseSession(fixture.Online.ProbeSessionHandle);
        Assert.Equal(CKR.CKR_OK, closed);

        Assert.True(fixture.Online.TryCheckLogin(out var problem), problem);
        Assert.True(fixture.Online.SessionRecoveries > recoveries);
    }

    [Fact]
    public void TryCheckLogin_TokenLoggedOut_LogsInAgainForTheSigningSessionsToo()
    {
        var token = OpenFreshToken("probe-logout", out _);
        using (token)
        {
            var signer = token.GenerateKey(HsmTokenTests.UniqueLabel("probe"), HsmKeyType.EcP256).CreateSigner();
            Assert.True(token.TryCheckLogin(out _));

            // C_Logout on any session logs the whole application out of the token (PKCS#11 §5.6).
            Assert.Equal(CKR.CKR_OK, fixture.Module.LowLevel.C_Logout(token.ProbeSessionHandle));
            var info = default(Net.Pkcs11Interop.LowLevelAPI80.CK_SESSION_INFO);
            Assert.Equal(CKR.CKR_OK, fixture.Module.LowLevel.C_GetSessionInfo(token.ProbeSessionHandle, ref info));
            Assert.Equal((ulong)CKS.CKS_RO_PUBLIC_SESSION, info.State);

            Assert.True(token.TryCheckLogin(out var problem), problem);
            Assert.Equal(CKR.CKR_OK, fixture.Module.LowLevel.C_GetSessionInfo(token.ProbeSessionHandle, ref info));
            Assert.Equal((ulong)CKS.CKS_RO_USER_FUNCTIONS, info.State);
            var data = RandomNumberGenerator.GetBytes(32);
            Assert.True(SignatureVerifier.VerifyEcdsa(signer.SubjectPublicKeyInfo.Span, signer.Algorithm, data, signer.Sign(data)));
        }
    }

    [Fact]
    public void TryCheckLogin_AllSessionsClosed_ReopensAndLogsIn()
    {
        var token = OpenFreshToken("probe-reset", out _);
        using (token)
        {
            Assert.True(token.TryCheckLogin(out _));
            Assert.Equal(CKR.CKR_OK, fixture.Module.LowLevel.C_CloseAllSessions(token.SlotId));
            Assert.True(token.TryCheckLogin(out var problem), problem);
        }
    }

    [Fact]
    public void TryCheckLogin_PinChangedOnTheToken_FalseWithAReasonAndNoPin()
    {
        var token = OpenFreshToken("probe-pin", out var pin);
        using (token)
        {
            Assert.True(token.TryCheckLogin(out _));
            var newPin = Encoding.ASCII.GetBytes("rotated-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)));
            var library = fixture.Module.LowLevel;
            ulong session = 0;
            Assert.Equal(CKR.CKR_OK, library.C_OpenSession(token.SlotId, Pkcs11Constants.CkfSerialSession | Pkcs11Constants.CkfRwSession, IntPtr.Zero, IntPtr.Zero, ref session));
            Assert.Equal(CKR.CKR_OK, library.C_SetPIN(session, pin, (ulong)pin.Length, newPin, (ulong)newPin.Length));
            Assert.Equal(CKR.CKR_OK, library.C_Logout(session));
            Assert.Equal(CKR.CKR_OK, library.C_CloseSession(session));

            Assert.False(token.TryCheckLogin(out var problem));
            Assert.NotNull(problem);
            Assert.Contains("probe-pin", problem, StringComparison.Ordinal);
            Assert.DoesNotContain(Encoding.ASCII.GetString(pin), problem, StringComparison.Ordinal);
            Assert.DoesNotContain(Encoding.ASCII.GetString(newPin), problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TryCheckLogin_Disposed_False()
    {
        var token = OpenFreshToken("probe-disposed", out _);
        Assert.True(token.TryCheckLogin(out _));
        token.Dispose();
        Assert.False(token.TryCheckLogin(out var problem));
        Assert.Contains("closed", problem, StringComparison.Ordinal);
    }

    private HsmToken OpenFreshToken(string prefix, out byte[] pin)
    {
        var label = HsmTokenTests.UniqueLabel(prefix);
        var userPin = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        pin = Encoding.ASCII.GetBytes(userPin);
        fixture.Module.InitializeToken(label, SoftHsmFixture.SoPin, pin);
        return fixture.Module.OpenToken(SoftHsmFixture.TokenOptions("probe", label, userPin));
    }
}
