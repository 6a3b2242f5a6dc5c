// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Diagnostics.CodeAnalysis;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.LowLevelAPI80;

namespace V2gPki.Hsm;

/// <summary>
/// One PKCS#11 session of a token's pool with its own input and output buffers, used by one thread at a time.
/// Signing calls <c>C_SignInit</c> + <c>C_Sign</c> directly on the low-level API (no allocation); a broken session is
/// reopened and logged in again, and a stale key handle looked up again, before the call is retried.
/// </summary>
internal sealed class PooledSession : IDisposable
{
    // Up to two repairs per signature: e.g. a reopened session, then a key handle looked up again.
    private const int MaxRecoveries = 2;

    private readonly HsmToken _token;
    private readonly SigningCounters _counters;
    private readonly byte[] _raw = new byte[256];
    private byte[] _input = new byte[512];
    private ulong _handle;

    /// <summary>Opens the session (logging in if needed).</summary>
    /// <param name="token">The token.</param>
    /// <param name="counters">The counters of the lane the session belongs to.</param>
    public PooledSession(HsmToken token, SigningCounters counters)
    {
        _token = token;
        _counters = counters;
        _handle = token.OpenSessionHandle();
    }

    /// <summary>The current session handle (0 while closed); tests close it underneath the pool.</summary>
    internal ulong Handle => Volatile.Read(ref _handle);

    /// <summary>Signs and encodes one signature.</summary>
    /// <param name="signer">The signer (key and algorithm).</param>
    /// <param name="data">The message, or the digest when <paramref name="isHash"/>.</param>
    /// <param name="isHash">Whether <paramref name="data"/> is a digest.</param>
    /// <param name="destination">At least <see cref="HsmSigner.MaxSignatureLength"/> bytes.</param>
    /// <returns>The signature length.</returns>
    /// <exception cref="HsmException">The token failed to sign and the session could not be repaired.</exception>
    public int Sign(HsmSigner signer, ReadOnlySpan<byte> data, bool isHash, Span<byte> destination)
    {
        var inputLength = signer.PrepareInput(data, isHash, ref _input);
        int rawLength;
        try
        {
            rawLength = SignRaw(signer.Key, signer.Mechanism, inputLength);
        }
        catch (HsmException)
        {
            _counters.Failed();
            throw;
        }

        _counters.Signed();
        return signer.EncodeSignature(_raw.AsSpan(0, rawLength), destination);
    }

    /// <summary>Closes the session.</summary>
    public void Dispose()
    {
        var handle = Interlocked.Exchange(ref _handle, 0);
        if (handle != 0)
        {
            _token.LowLevel.C_CloseSession(handle);
        }
    }

    private int SignRaw(HsmKey key, ulong mechanism, int inputLength)
    {
        for (var attempt = 0; ; attempt++)
        {
            var rv = SignOnce(key.PrivateKeyHandle, mechanism, inputLength, out var rawLength, out var atInit);
            if (rv == CKR.CKR_OK)
            {
                return rawLength;
            }

            if (attempt >= MaxRecoveries || !TryRecover(rv, key))
            {
                ThrowSignFailed(atInit ? "C_SignInit" : "C_Sign", rv, key);
            }
        }
    }

    private CKR SignOnce(ulong keyHandle, ulong mechanism, int inputLength, out int rawLength, out bool atInit)
    {
        rawLength = 0;
        atInit = true;
        var session = _handle;
        if (session == 0)
        {
            return CKR.CKR_SESSION_HANDLE_INVALID;
        }

        var library = _token.LowLevel;
        var ckMechanism = new CK_MECHANISM { Mechanism = mechanism, Parameter = IntPtr.Zero, ParameterLen = 0 };
        var rv = library.C_SignInit(session, ref ckMechanism, keyHandle);
        if (rv != CKR.CKR_OK)
        {
            return rv;
        }

        atInit = false;
        var length = (ulong)_raw.Length;
        rv = library.C_Sign(session, _input, (ulong)inputLength, _raw, ref length);
        rawLength = (int)length;
        return rv;
    }

    private bool TryRecover(CKR rv, HsmKey key)
    {
        switch (rv)
        {
            case CKR.CKR_SESSION_HANDLE_INVALID or CKR.CKR_SESSION_CLOSED or CKR.CKR_TOKEN_NOT_PRESENT
                or CKR.CKR_TOKEN_NOT_RECOGNIZED or CKR.CKR_DEVICE_REMOVED:
                // The handle is dead already: do not close it, a module may have handed the number to another session.
                Reopen(closeOld: false);
                break;
            case CKR.CKR_OPERATION_ACTIVE:
                // A signing operation was left open (e.g. an earlier call died half-way): start over on a new session.
                Reopen(closeOld: true);
                break;
            case CKR.CKR_USER_NOT_LOGGED_IN:
                _token.Login(_handle);
                break;
            case CKR.CKR_KEY_HANDLE_INVALID or CKR.CKR_OBJECT_HANDLE_INVALID:
                key.Refresh();
                break;
            default:
                return false;
        }

        _token.CountRecovery();
        return true;
    }

    private void Reopen(bool closeOld)
    {
        var old = Interlocked.Exchange(ref _handle, 0);
        if (closeOld && old != 0)
        {
            _token.LowLevel.C_CloseSession(old);
        }

        Volatile.Write(ref _handle, _token.OpenSessionHandle());
    }

    [DoesNotReturn]
    private void ThrowSignFailed(string function, CKR rv, HsmKey key) =>
        Pkcs11Errors.Throw(function, rv, $"key '{key.Label}' on {_token.Context}");
}
