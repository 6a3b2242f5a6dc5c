// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Security.Cryptography;
using Net.Pkcs11Interop.Common;

namespace V2gPki.Hsm.Tests;

[Collection(SoftHsmCollection.Name)]
public class SessionRecoveryTests(SoftHsmFixture fixture)
{
    [Fact]
    public void PrioritySign_SessionClosedUnderneath_ReopensAndSigns()
    {
        var signer = NewSigner("prio-closed");
        var session = fixture.Online.PriorityLane.Pool.Sessions[0];
        var recoveries = fixture.Online.SessionRecoveries;

        Assert.Equal(CKR.CKR_OK, fixture.Module.LowLevel.C_CloseSession(session.Handle));

        AssertSigns(signer);
        Assert.True(fixture.Online.SessionRecoveries > recoveries);
    }

    [Fact]
    public async Task BulkSign_EverySessionClosedUnderneath_BatchCompletesAndVerifies()
    {
        var signer = NewSigner("bulk-closed");
        foreach (var session in fixture.Online.BulkLane.SessionList)
        {
            // A session may already be dead: Sign_AllSessionsOfTokenClosed (same fixture) closes every session of the
            // token, and a bulk worker that got no chunk since then still holds its old handle. Either way it is
            // closed underneath the pool, which is the situation under test.
            var closed = fixture.Module.LowLevel.C_CloseSession(session.Handle);
            Assert.True(closed is CKR.CKR_OK or CKR.CKR_SESSION_HANDLE_INVALID, closed.ToString());
        }

        var batch = new SigningBatch(signer, 200);
        for (var i = 0; i < batch.Capacity; i++)
        {
            batch.Add(BitConverter.GetBytes(i));
        }

        await signer.SignBatchAsync(batch);

        for (var i = 0; i < batch.Count; i++)
        {
            Assert.True(SignatureVerifier.VerifyEcdsa(signer.SubjectPublicKeyInfo.Span, signer.Algorithm, BitConverter.GetBytes(i), batch.GetSignature(i)));
        }
    }

    [Fact]
    public async Task Sign_AllSessionsOfTokenClosed_LogsInAgainAndSigns()
    {
        // C_CloseAllSessions is what a token reset looks like to the application: every handle dies and the login
        // state goes with the last session (PKCS#11 §5.6), so the next use must reopen and log in again.
        var signer = NewSigner("reset");
        var recoveries = fixture.Online.SessionRecoveries;

        Assert.Equal(CKR.CKR_OK, fixture.Module.LowLevel.C_CloseAllSessions(fixture.Online.SlotId));

        AssertSigns(signer);
        var batch = new SigningBatch(signer, 64);
        for (var i = 0; i < batch.Capacity; i++)
        {
            batch.Add(BitConverter.GetBytes(i));
        }

        await signer.SignBatchAsync(batch);
        Assert.True(SignatureVerifier.VerifyEcdsa(signer.SubjectPublicKeyInfo.Span, signer.Algorithm, BitConverter.GetBytes(63), batch.GetSignature(63)));
        Assert.True(fixture.Online.SessionRecoveries > recoveries);
        Assert.NotNull(fixture.Online.GetKey(signer.Key.Label));
    }

    [Fact]
    public void PrioritySign_StaleKeyHandle_LooksKeyUpAgainByLabel()
    {
        var signer = NewSigner("stale");
        var handle = signer.Key.PrivateKeyHandle;
        signer.Key.OverrideHandle(0x7FFF_FFF0);

        AssertSigns(signer);

        Assert.Equal(handle, signer.Key.PrivateKeyHandle);
    }

    private HsmSigner NewSigner(string prefix) =>
        fixture.Online.GenerateKey(HsmTokenTests.UniqueLabel(prefix), HsmKeyType.EcP256).CreateSigner();

    private static void AssertSigns(HsmSigner signer)
    {
        var data = RandomNumberGenerator.GetBytes(64);
        Assert.True(SignatureVerifier.VerifyEcdsa(signer.SubjectPublicKeyInfo.Span, signer.Algorithm, data, signer.Sign(data)));
    }
}
