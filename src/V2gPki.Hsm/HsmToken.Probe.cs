// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.LowLevelAPI80;

namespace V2gPki.Hsm;

/// <summary>The login probe behind <c>/ready</c> (docs/architecture.md §7: readiness = store recovered and HSM logged in).</summary>
public sealed partial class HsmToken
{
    private const int MaxProbeRepairs = 2;
    private readonly Lock _probeLock = new();
    private ulong _probeSession;

    /// <summary>
    /// Checks that the application is logged in to the token, on a session of its own (never one of the signing lanes',
    /// so a probe neither waits for nor delays a signature), and repairs what the signing path would repair: a dead
    /// session (token reset, <c>C_CloseAllSessions</c>) is reopened and logged in, a logged-out token is logged in again
    /// (PKCS#11 login state is per token, so this also serves the signing sessions). What cannot be repaired, such as a
    /// PIN changed on the token but not in the configuration, a locked PIN or a removed token, returns false with the
    /// reason. Cold path: a PKCS#11 round trip or two; call it from a timer, not per request.
    /// </summary>
    /// <param name="problem">Why the token is not usable, when it is not (PINs are never part of it).</param>
    /// <returns>True when the token is present and the application is logged in.</returns>
    public bool TryCheckLogin(out string? problem)
    {
        lock (_probeLock)
        {
            if (IsDisposed)
            {
                problem = $"{Context} is closed";
                return false;
            }

            try
            {
                return ProbeLocked(out problem);
            }
            catch (HsmException e)
            {
                problem = e.Message;
                return false;
            }
        }
    }

    private bool ProbeLocked(out string? problem)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (_probeSession == 0)
            {
                // Opens and logs in; throws HsmException (missing token, wrong or locked PIN) with a clear message.
                _probeSession = OpenSessionHandle();
            }

            var info = default(CK_SESSION_INFO);
            var rv = LowLevel.C_GetSessionInfo(_probeSession, ref info);
            if (rv == CKR.CKR_OK && info.State is (ulong)CKS.CKS_RO_USER_FUNCTIONS or (ulong)CKS.CKS_RW_USER_FUNCTIONS)
            {
                problem = null;
                return true;
            }

            if (attempt >= MaxProbeRepairs)
            {
                problem = rv == CKR.CKR_OK
                    ? $"{Context}: still not logged in after {MaxProbeRepairs} repairs (session state {info.State})"
                    : $"{Context}: C_GetSessionInfo failed with {rv}";
                return false;
            }

            switch (rv)
            {
                case CKR.CKR_OK:
                    // A public session: someone logged the token out (C_Logout, a token-side timeout).
                    Login(_probeSession);
                    break;
                case CKR.CKR_SESSION_HANDLE_INVALID or CKR.CKR_SESSION_CLOSED or CKR.CKR_TOKEN_NOT_PRESENT
                    or CKR.CKR_TOKEN_NOT_RECOGNIZED or CKR.CKR_DEVICE_REMOVED:
                    // The handle is dead already: do not close it, the module may have handed the number out again.
                    _probeSession = 0;
                    break;
                default:
                    problem = $"{Context}: C_GetSessionInfo failed with {rv}";
                    return false;
            }

            CountRecovery();
        }
    }

    /// <summary>Closes the probe session (from <see cref="Dispose"/>).</summary>
    private void CloseProbeSession()
    {
        lock (_probeLock)
        {
            if (_probeSession != 0)
            {
                LowLevel.C_CloseSession(_probeSession);
                _probeSession = 0;
            }
        }
    }

    /// <summary>The probe's session handle, 0 when none is open (tests close it underneath).</summary>
    internal ulong ProbeSessionHandle
    {
        get
        {
            lock (_probeLock)
            {
                return _probeSession;
            }
        }
    }
}
