// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Collections.Concurrent;
using System.Security.Cryptography;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace V2gPki.Hsm;

/// <summary>
/// An open token in a role: logged in once, with a pool of sessions split into a priority lane (reserved sessions,
/// signing on the caller's thread) and a bulk lane (worker sessions, batch signing). Keys are looked up by label and
/// their handles cached. Sessions that break (<c>CKR_SESSION_HANDLE_INVALID</c>, <c>CKR_USER_NOT_LOGGED_IN</c>, a
/// token reset) are reopened and logged in again on their next use.
/// </summary>
public sealed partial class HsmToken : IDisposable
{
    private readonly Pkcs11Module _module;
    private readonly byte[] _pin;
    private readonly ConcurrentDictionary<string, HsmKey> _keys = new(StringComparer.Ordinal);
    private readonly Lock _keyLock = new();
    private ulong _slotId;
    private long _sessionRecoveries;
    private int _disposed;

    internal HsmToken(Pkcs11Module module, HsmTokenOptions options, string role, string label, ulong slotId)
    {
        _module = module;
        Role = role;
        Label = label;
        _slotId = slotId;
        Context = $"token '{label}' (role {role})";
        ITokenFlags flags;
        try
        {
            flags = module.GetSlot(slotId).GetTokenInfo().TokenFlags;
        }
        catch (Pkcs11Exception e)
        {
            throw Pkcs11Errors.From(e, Context);
        }

        if (flags.UserPinLocked)
        {
            throw new HsmException(HsmError.PinLocked, $"The user PIN of {Context} is locked; unlock it with the security officer PIN.");
        }

        if (!flags.UserPinInitialized)
        {
            throw new HsmException(HsmError.PinUnavailable, $"The user PIN of {Context} was never initialised (C_InitPIN).");
        }

        _pin = options.Pin.Resolve($"user PIN of {Context}");
        var opened = new List<PooledSession>();
        try
        {
            // The first session logs the application in; PKCS#11 login state is per token, so the others share it.
            var priority = new PooledSession[options.PrioritySessions];
            for (var i = 0; i < priority.Length; i++)
            {
                priority[i] = new PooledSession(this, PriorityCounters);
                opened.Add(priority[i]);
            }

            var bulk = new PooledSession[options.BulkSessions];
            for (var i = 0; i < bulk.Length; i++)
            {
                bulk[i] = new PooledSession(this, BulkCounters);
                opened.Add(bulk[i]);
            }

            PriorityLane = new PrioritySigningLane(this, priority);
            BulkLane = new BulkSigningLane(this, bulk, options.BulkMaxInFlight, PriorityLane.Gate);
        }
        catch
        {
            foreach (var session in opened)
            {
                session.Dispose();
            }

            CryptographicOperations.ZeroMemory(_pin);
            throw;
        }
    }

    /// <summary>The role of the token in the configuration.</summary>
    public string Role { get; }

    /// <summary>The token label.</summary>
    public string Label { get; }

    /// <summary>The current slot ID (it may change if the token is found again after a reset).</summary>
    public ulong SlotId => Volatile.Read(ref _slotId);

    /// <summary>The module the token belongs to.</summary>
    public Pkcs11Module Module => _module;

    /// <summary>The priority lane: revocation, issuance and other work bulk signing must not starve.</summary>
    public PrioritySigningLane PriorityLane { get; }

    /// <summary>The bulk lane: batch signing across the bulk sessions.</summary>
    public BulkSigningLane BulkLane { get; }

    /// <summary>Signatures and errors of the priority lane's sessions.</summary>
    public SigningCounters PriorityCounters { get; } = new();

    /// <summary>Signatures and errors of the bulk lane's sessions.</summary>
    public SigningCounters BulkCounters { get; } = new();

    /// <summary>How often a session was reopened, logged in again or a key handle looked up again (a metrics counter).</summary>
    public long SessionRecoveries => Interlocked.Read(ref _sessionRecoveries);

    /// <summary>"token 'label' (role r)", for messages.</summary>
    internal string Context { get; }

    /// <summary>The low-level library (hot path).</summary>
    internal Net.Pkcs11Interop.LowLevelAPI80.Pkcs11Library LowLevel => _module.LowLevel;

    /// <summary>Whether the token was disposed.</summary>
    internal bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>Closes every session of the token (the module stays loaded).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        BulkLane.Dispose();
        PriorityLane.Dispose();
        CloseProbeSession();
        CryptographicOperations.ZeroMemory(_pin);
    }

    /// <summary>
    /// Opens a session on the token and makes sure the application is logged in. When the slot has gone (token reset,
    /// renumbered slot) the token is looked up again by label first.
    /// </summary>
    /// <returns>The session handle.</returns>
    internal ulong OpenSessionHandle()
    {
        ulong handle = 0;
        var rv = LowLevel.C_OpenSession(SlotId, Pkcs11Constants.CkfSerialSession, IntPtr.Zero, IntPtr.Zero, ref handle);
        if (rv is CKR.CKR_SLOT_ID_INVALID or CKR.CKR_TOKEN_NOT_PRESENT or CKR.CKR_TOKEN_NOT_RECOGNIZED or CKR.CKR_DEVICE_REMOVED)
        {
            if (!_module.TryFindToken(Label, out var slotId))
            {
                throw new HsmException(HsmError.TokenUnavailable, $"{Context} is no longer present in module '{_module.ModulePath}'.", (ulong)rv);
            }

            Volatile.Write(ref _slotId, slotId);
            rv = LowLevel.C_OpenSession(slotId, Pkcs11Constants.CkfSerialSession, IntPtr.Zero, IntPtr.Zero, ref handle);
        }

        if (rv != CKR.CKR_OK)
        {
            Pkcs11Errors.Throw("C_OpenSession", rv, Context);
        }

        try
        {
            Login(handle);
        }
        catch
        {
            LowLevel.C_CloseSession(handle);
            throw;
        }

        return handle;
    }

    /// <summary>Logs the application in through <paramref name="sessionHandle"/> unless it already is.</summary>
    /// <param name="sessionHandle">An open session of this token.</param>
    internal void Login(ulong sessionHandle)
    {
        var rv = LowLevel.C_Login(sessionHandle, CKU.CKU_USER, _pin, (ulong)_pin.Length);
        if (rv is not (CKR.CKR_OK or CKR.CKR_USER_ALREADY_LOGGED_IN))
        {
            Pkcs11Errors.Throw("C_Login", rv, Context);
        }
    }

    /// <summary>Counts one recovery of a session or key handle.</summary>
    internal void CountRecovery() => Interlocked.Increment(ref _sessionRecoveries);

    /// <summary>Opens a read-write management session (cold path: key generation, lookup, attributes), logged in.</summary>
    /// <returns>The session; dispose it to close it.</returns>
    private ISession OpenManagementSession()
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        ISlot slot;
        try
        {
            slot = _module.GetSlot(SlotId);
        }
        catch (HsmException)
        {
            if (!_module.TryFindToken(Label, out var slotId))
            {
                throw;
            }

            Volatile.Write(ref _slotId, slotId);
            slot = _module.GetSlot(slotId);
        }

        ISession session;
        try
        {
            session = slot.OpenSession(SessionType.ReadWrite);
        }
        catch (Pkcs11Exception e)
        {
            throw Pkcs11Errors.From(e, Context);
        }

        try
        {
            session.Login(CKU.CKU_USER, _pin);
        }
        catch (Pkcs11Exception e) when (e.RV == CKR.CKR_USER_ALREADY_LOGGED_IN)
        {
        }
        catch (Pkcs11Exception e)
        {
            session.Dispose();
            throw Pkcs11Errors.From(e, Context);
        }

        return session;
    }
}
