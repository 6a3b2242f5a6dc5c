// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Security.Cryptography;
using System.Text;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace V2gPki.Hsm;

/// <summary>
/// A loaded PKCS#11 module (SoftHSM2 by default). A module is loaded once per process and path: <see cref="Load"/>
/// returns the same instance on later calls, because a second <c>C_Initialize</c>/<c>C_Finalize</c> pair would pull the
/// module out from under the first user. Dispose it only when the process is done with every token.
/// </summary>
public sealed class Pkcs11Module : IDisposable
{
    private static readonly Lock RegistryLock = new();
    private static readonly Dictionary<string, Pkcs11Module> Loaded = new(StringComparer.Ordinal);

    private readonly InteropLibrary _library;
    private readonly Lock _slotLock = new();
    private int _disposed;

    private Pkcs11Module(InteropLibrary library, string modulePath, string description)
    {
        _library = library;
        ModulePath = modulePath;
        Description = description;
    }

    /// <summary>Whether any module is loaded in this process.</summary>
    public static bool IsAnyLoaded
    {
        get
        {
            lock (RegistryLock)
            {
                return Loaded.Count > 0;
            }
        }
    }

    /// <summary>The full path of the module.</summary>
    public string ModulePath { get; }

    /// <summary>The module's manufacturer and library description from <c>C_GetInfo</c>.</summary>
    public string Description { get; }

    /// <summary>The high-level library (management calls).</summary>
    internal InteropLibrary Library => _library;

    /// <summary>The low-level library (the signing hot path).</summary>
    internal Net.Pkcs11Interop.LowLevelAPI80.Pkcs11Library LowLevel => _library.LowLevel;

    /// <summary>
    /// Loads and initialises the module at <paramref name="modulePath"/> with OS locking, or returns the instance already
    /// loaded from that path. For SoftHSM2, call <see cref="SoftHsm2Environment.Prepare"/> first.
    /// </summary>
    /// <param name="modulePath">The module path, e.g. <see cref="HsmOptions.DefaultModulePath"/>.</param>
    /// <returns>The module.</returns>
    /// <exception cref="HsmException">
    /// <see cref="HsmError.ModuleNotFound"/>, <see cref="HsmError.ModuleLoadFailed"/> or <see cref="HsmError.UnsupportedPlatform"/>.
    /// </exception>
    public static Pkcs11Module Load(string modulePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(modulePath);
        var full = Path.GetFullPath(modulePath);
        lock (RegistryLock)
        {
            if (Loaded.TryGetValue(full, out var loaded))
            {
                return loaded;
            }

            if (!File.Exists(full))
            {
                throw new HsmException(HsmError.ModuleNotFound,
                    $"PKCS#11 module not found at '{full}'. Set Hsm:ModulePath to the module of your HSM, or install SoftHSM2 (Debian: apt-get install softhsm2).");
            }

            // LowLevelAPI80 = CK_ULONG of 8 bytes, unpacked structs: 64-bit Linux and macOS. The rd.xml covers only it.
            if (Platform.NativeULongSize != 8 || Platform.StructPackingSize != 0)
            {
                throw new HsmException(HsmError.UnsupportedPlatform,
                    "V2gPki.Hsm supports 64-bit Unix only (Pkcs11Interop LowLevelAPI80).");
            }

            Pkcs11InteropNativeResolver.EnsureInstalled();
            InteropLibrary library;
            try
            {
                library = new InteropLibrary(new Pkcs11InteropFactories(), full);
            }
            catch (Pkcs11Exception e)
            {
                throw new HsmException(HsmError.ModuleLoadFailed,
                    $"PKCS#11 module '{full}' loaded but {e.Method} failed ({e.RV}). For SoftHSM2, check SOFTHSM2_CONF and its token directory.",
                    (ulong)e.RV, e);
            }
            catch (Exception e) when (e is UnmanagedException or LibraryArchitectureException or DllNotFoundException
                or EntryPointNotFoundException or BadImageFormatException)
            {
                throw new HsmException(HsmError.ModuleLoadFailed,
                    $"'{full}' could not be loaded as a PKCS#11 module: {e.Message}", null, e);
            }

            string description;
            try
            {
                var info = library.GetInfo();
                description = info.ManufacturerId.TrimEnd() + " " + info.LibraryDescription.TrimEnd() + " " + info.LibraryVersion;
            }
            catch (Pkcs11Exception e)
            {
                library.Dispose();
                throw new HsmException(HsmError.ModuleLoadFailed, $"C_GetInfo failed for '{full}' ({e.RV}).", (ulong)e.RV, e);
            }

            var module = new Pkcs11Module(library, full, description);
            Loaded.Add(full, module);
            return module;
        }
    }

    /// <summary>Lists the slots that hold a token.</summary>
    /// <returns>One entry per slot with a token present, initialised or not.</returns>
    public IReadOnlyList<HsmTokenInfo> GetTokens()
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var result = new List<HsmTokenInfo>();
        lock (_slotLock)
        {
            try
            {
                foreach (var slot in _library.GetSlotList(SlotsType.WithTokenPresent))
                {
                    var info = slot.GetTokenInfo();
                    result.Add(new HsmTokenInfo(slot.SlotId, info.Label.TrimEnd(), info.SerialNumber.TrimEnd(),
                        info.TokenFlags.TokenInitialized, info.TokenFlags.UserPinInitialized, info.TokenFlags.UserPinLocked));
                }
            }
            catch (Pkcs11Exception e)
            {
                throw Pkcs11Errors.From(e, $"module '{ModulePath}'");
            }
        }

        return result;
    }

    /// <summary>Finds the slot of the initialised token labelled <paramref name="label"/>.</summary>
    /// <param name="label">The token label.</param>
    /// <param name="slotId">The slot ID when found.</param>
    /// <returns>Whether exactly one such token exists.</returns>
    /// <exception cref="HsmException"><see cref="HsmError.TokenExists"/> when two tokens carry the label.</exception>
    public bool TryFindToken(string label, out ulong slotId)
    {
        ArgumentNullException.ThrowIfNull(label);
        slotId = 0;
        var found = false;
        foreach (var token in GetTokens())
        {
            if (token.IsInitialized && string.Equals(token.Label, label, StringComparison.Ordinal))
            {
                if (found)
                {
                    throw new HsmException(HsmError.TokenExists, $"More than one token is labelled '{label}'; labels must be unique.");
                }

                slotId = token.SlotId;
                found = true;
            }
        }

        return found;
    }

    /// <summary>
    /// Initialises a new token on a free slot: <c>C_InitToken</c> with the SO PIN and label, then <c>C_InitPIN</c> for
    /// the user PIN (PINs are passed in memory only, never on a command line). SoftHSM2 always offers one free slot
    /// and renumbers the slot on initialisation, so the returned slot ID is the token's new one.
    /// </summary>
    /// <param name="label">The token label, at most 32 UTF-8 bytes.</param>
    /// <param name="soPin">The security officer PIN.</param>
    /// <param name="userPin">The user PIN.</param>
    /// <returns>The slot ID of the new token.</returns>
    /// <exception cref="HsmException"><see cref="HsmError.TokenExists"/>, <see cref="HsmError.NoFreeSlot"/>, or a PKCS#11 failure.</exception>
    public ulong InitializeToken(string label, ReadOnlySpan<byte> soPin, ReadOnlySpan<byte> userPin)
    {
        ArgumentException.ThrowIfNullOrEmpty(label);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var labelBytes = Encoding.UTF8.GetBytes(label);
        if (labelBytes.Length > 32 || label.Trim().Length != label.Length)
        {
            throw new ArgumentException("A token label has at most 32 UTF-8 bytes and no leading or trailing blanks.", nameof(label));
        }

        var paddedLabel = new byte[32];
        paddedLabel.AsSpan().Fill((byte)' ');
        labelBytes.CopyTo(paddedLabel, 0);
        var so = soPin.ToArray();
        var user = userPin.ToArray();
        var context = $"new token '{label}'";
        try
        {
            lock (_slotLock)
            {
                if (TryFindTokenLocked(label, out _))
                {
                    throw new HsmException(HsmError.TokenExists, $"A token labelled '{label}' already exists.");
                }

                ISlot? free = null;
                foreach (var slot in _library.GetSlotList(SlotsType.WithTokenPresent))
                {
                    if (!slot.GetTokenInfo().TokenFlags.TokenInitialized)
                    {
                        free = slot;
                        break;
                    }
                }

                if (free is null)
                {
                    throw new HsmException(HsmError.NoFreeSlot, $"No slot with an uninitialised token is free for token '{label}'.");
                }

                free.InitToken(so, paddedLabel);
                if (!TryFindTokenLocked(label, out var slotId))
                {
                    throw new HsmException(HsmError.TokenNotFound, $"Token '{label}' was initialised but is not listed afterwards.");
                }

                using var session = GetSlotLocked(slotId).OpenSession(SessionType.ReadWrite);
                session.Login(CKU.CKU_SO, so);
                try
                {
                    session.InitPin(user);
                }
                finally
                {
                    session.Logout();
                }

                return slotId;
            }
        }
        catch (Pkcs11Exception e)
        {
            throw Pkcs11Errors.From(e, context);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(so);
            CryptographicOperations.ZeroMemory(user);
        }
    }

    /// <summary>
    /// Opens a token: finds it by label (or slot), optionally initialises it, logs in once and opens its session pool
    /// (<see cref="HsmTokenOptions.PrioritySessions"/> + <see cref="HsmTokenOptions.BulkSessions"/>).
    /// </summary>
    /// <param name="options">The token configuration.</param>
    /// <returns>The open token; dispose it to close its sessions.</returns>
    /// <exception cref="HsmException">
    /// <see cref="HsmError.TokenNotFound"/>, <see cref="HsmError.PinIncorrect"/>, <see cref="HsmError.PinLocked"/>,
    /// <see cref="HsmError.PinUnavailable"/>, or another PKCS#11 failure.
    /// </exception>
    public HsmToken OpenToken(HsmTokenOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PrioritySessions, 1, nameof(options.PrioritySessions));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BulkSessions, 1, nameof(options.BulkSessions));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BulkMaxInFlight, 1, nameof(options.BulkMaxInFlight));
        var role = string.IsNullOrEmpty(options.Role) ? "(no role)" : options.Role;
        ulong slotId;
        string label;
        if (options.SlotId is ulong fixedSlot)
        {
            HsmTokenInfo? info = null;
            foreach (var token in GetTokens())
            {
                if (token.SlotId == fixedSlot && token.IsInitialized)
                {
                    info = token;
                }
            }

            if (info is null || (options.Label is not null && !string.Equals(info.Label, options.Label, StringComparison.Ordinal)))
            {
                throw new HsmException(HsmError.TokenNotFound,
                    $"No initialised token{(options.Label is null ? "" : " labelled '" + options.Label + "'")} in slot {fixedSlot} (role {role}).");
            }

            slotId = fixedSlot;
            label = info.Label;
        }
        else
        {
            if (string.IsNullOrEmpty(options.Label))
            {
                throw new ArgumentException($"Token of role {role}: configure Label or SlotId.", nameof(options));
            }

            label = options.Label;
            if (!TryFindToken(label, out slotId))
            {
                if (!options.InitializeIfMissing)
                {
                    throw new HsmException(HsmError.TokenNotFound,
                        $"No initialised token labelled '{label}' (role {role}) in module '{ModulePath}'.");
                }

                if (options.SoPin is null)
                {
                    throw new HsmException(HsmError.PinUnavailable,
                        $"Token '{label}' (role {role}) is to be initialised but no SO PIN source is configured.");
                }

                var so = options.SoPin.Resolve($"SO PIN of token '{label}' (role {role})");
                var user = options.Pin.Resolve($"user PIN of token '{label}' (role {role})");
                try
                {
                    slotId = InitializeToken(label, so, user);
                }
                finally
                {
                    CryptographicOperations.ZeroMemory(so);
                    CryptographicOperations.ZeroMemory(user);
                }
            }
        }

        return new HsmToken(this, options, role, label, slotId);
    }

    /// <summary>Finds the slot object of a slot ID (management calls).</summary>
    /// <param name="slotId">The slot ID.</param>
    /// <returns>The slot.</returns>
    internal ISlot GetSlot(ulong slotId)
    {
        lock (_slotLock)
        {
            try
            {
                return GetSlotLocked(slotId);
            }
            catch (Pkcs11Exception e)
            {
                throw Pkcs11Errors.From(e, $"slot {slotId} of module '{ModulePath}'");
            }
        }
    }

    /// <summary>Finalises the module (<c>C_Finalize</c>) and unloads it. Only at process end: every token becomes unusable.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        lock (RegistryLock)
        {
            Loaded.Remove(ModulePath);
        }

        _library.Dispose();
    }

    private bool TryFindTokenLocked(string label, out ulong slotId)
    {
        foreach (var slot in _library.GetSlotList(SlotsType.WithTokenPresent))
        {
            var info = slot.GetTokenInfo();
            if (info.TokenFlags.TokenInitialized && string.Equals(info.Label.TrimEnd(), label, StringComparison.Ordinal))
            {
                slotId = slot.SlotId;
                return true;
            }
        }

        slotId = 0;
        return false;
    }

    private ISlot GetSlotLocked(ulong slotId)
    {
        foreach (var slot in _library.GetSlotList(SlotsType.WithTokenPresent))
        {
            if (slot.SlotId == slotId)
            {
                return slot;
            }
        }

        throw new HsmException(HsmError.TokenUnavailable, $"Slot {slotId} holds no token any more.");
    }
}
