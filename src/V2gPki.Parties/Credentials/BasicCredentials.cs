// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Security.Cryptography;

namespace V2gPki.Parties.Credentials;

/// <summary>
/// HTTP Basic credentials (RFC 7617) of the accounts that have a password: each account id maps to a
/// <see cref="PasswordHash"/>, and <see cref="Authenticate"/> checks an <c>Authorization</c> header value against them.
/// HTTP-free: the listener passes the header value and maps the <see cref="CredentialStatus"/> to its answer.
/// </summary>
/// <remarks>
/// <para>
/// <b>Cache.</b> A PBKDF2 check costs a sizeable fraction of a second at the default iteration count, so a verified
/// credential is remembered: each account keeps at most one entry, the HMAC-SHA256 of the decoded
/// <c>user-id:password</c> under a random key made with this instance (never the password, nor a plain hash of it that
/// could be brute-forced without the key), with the time it was verified. A later request with the same credential
/// within the cache lifetime (<see cref="DefaultCacheLifetime"/> by default) is compared with that entry in constant
/// time and needs no PBKDF2. Failed attempts are never cached: a wrong password costs a full check every time, and the
/// listener rate-limits them. The cache therefore holds at most one entry per configured account, whatever is presented,
/// so its size is fixed by the configuration and cannot be grown by a client. An expired entry is dropped at the
/// account's next attempt. When the cache misses, concurrent requests with the same credential for the same account
/// wait for one check instead of each running PBKDF2 (a client that sends a burst of enrollments after an idle spell).
/// </para>
/// <para>
/// <b>Reconfiguration.</b> An instance is immutable once built; a new configuration builds a new instance (with the new
/// <see cref="PartyDirectory"/>) and the listener swaps it in. The new instance starts with an empty cache and a new
/// key, so a changed or removed password stops working at once; the cost is one PBKDF2 check per active account.
/// </para>
/// <para>
/// <b>Unknown users.</b> A user id that names no account with a password is checked against a hash no password matches,
/// at the highest configured iteration count, so the time of the answer does not tell which account ids exist.
/// </para>
/// <para>Thread-safe.</para>
/// </remarks>
public sealed partial class BasicCredentials
{
    private readonly Dictionary<string, Slot> _slots;
    private readonly Dictionary<string, Slot>.AlternateLookup<ReadOnlySpan<char>> _slotsBySpan;
    private readonly PasswordHash _unknownUser;
    private readonly byte[] _cacheKey = RandomNumberGenerator.GetBytes(32);
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _cacheLifetime;
    private long _passwordChecks;

    /// <summary>Builds the credentials from parsed hashes.</summary>
    /// <param name="directory">The accounts of the configuration; every account named in <paramref name="passwords"/> must be in it.</param>
    /// <param name="passwords">Each account id with its password hash.</param>
    /// <param name="timeProvider">The clock of the cache.</param>
    /// <param name="cacheLifetime">
    /// How long a verified credential is remembered, from the check that verified it: zero (no cache) to
    /// <see cref="MaxCacheLifetime"/>; <see cref="DefaultCacheLifetime"/> when null. Longer saves PBKDF2 checks (one per
    /// active account per lifetime); shorter limits how long a keyed hash of each active password stays in memory.
    /// </param>
    /// <exception cref="ArgumentException">An account id is not in <paramref name="directory"/>, is given twice, or has no hash.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cacheLifetime"/> is out of range.</exception>
    public BasicCredentials(
        PartyDirectory directory,
        IEnumerable<(string AccountId, PasswordHash Hash)> passwords,
        TimeProvider timeProvider,
        TimeSpan? cacheLifetime = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(passwords);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var lifetime = cacheLifetime ?? DefaultCacheLifetime;
        ArgumentOutOfRangeException.ThrowIfLessThan(lifetime, TimeSpan.Zero, nameof(cacheLifetime));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lifetime, MaxCacheLifetime, nameof(cacheLifetime));

        _slots = new Dictionary<string, Slot>(StringComparer.Ordinal);
        var highestIterations = 0;
        foreach (var (accountId, hash) in passwords)
        {
            if (hash is null)
            {
                throw new ArgumentException($"account '{accountId}' has no password hash", nameof(passwords));
            }

            if (accountId is null || !directory.TryGet(accountId, out var account))
            {
                throw new ArgumentException($"a password is configured for '{accountId}', which is not an account of the configuration", nameof(passwords));
            }

            if (!_slots.TryAdd(accountId, new Slot(account, hash)))
            {
                throw new ArgumentException($"account '{accountId}' has two passwords", nameof(passwords));
            }

            highestIterations = Math.Max(highestIterations, hash.Iterations);
        }

        _slotsBySpan = _slots.GetAlternateLookup<ReadOnlySpan<char>>();
        _unknownUser = PasswordHash.Unmatchable(highestIterations == 0 ? PasswordHash.DefaultIterations : highestIterations);
        _timeProvider = timeProvider;
        _cacheLifetime = lifetime;
    }

    /// <summary>Gets how long a verified credential is remembered by default: five minutes.</summary>
    public static TimeSpan DefaultCacheLifetime { get; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets the longest cache lifetime accepted: one hour.</summary>
    public static TimeSpan MaxCacheLifetime { get; } = TimeSpan.FromHours(1);

    /// <summary>Gets how many accounts have a password.</summary>
    public int Count => _slots.Count;

    /// <summary>Gets how many PBKDF2 checks have run (verifications and unknown-user checks; cache hits run none): a test hook.</summary>
    internal long PasswordChecks => Interlocked.Read(ref _passwordChecks);

    /// <summary>Gets how many accounts have a cache entry that has not expired: a test hook.</summary>
    internal int CachedCount
    {
        get
        {
            var now = _timeProvider.GetTimestamp();
            var count = 0;
            foreach (var slot in _slots.Values)
            {
                if (Volatile.Read(ref slot.Cached) is { } entry && !IsExpired(entry, now))
                {
                    count++;
                }
            }

            return count;
        }
    }

    /// <summary>Builds the credentials from the stored forms in a configuration.</summary>
    /// <param name="directory">The accounts of the configuration.</param>
    /// <param name="passwords">Each account id with the stored form of its password hash (<see cref="PasswordHash"/>).</param>
    /// <param name="timeProvider">The clock of the cache.</param>
    /// <param name="cacheLifetime">How long a verified credential is remembered (see the constructor).</param>
    /// <param name="credentials">The credentials; <see langword="null"/> when the method returns <see langword="false"/>.</param>
    /// <param name="error">Which account's entry is wrong and why, never quoting the hash; empty on success.</param>
    /// <returns>Whether every entry is well formed and names an account of <paramref name="directory"/>.</returns>
    public static bool TryCreate(
        PartyDirectory directory,
        IEnumerable<(string AccountId, string PasswordHash)> passwords,
        TimeProvider timeProvider,
        TimeSpan cacheLifetime,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out BasicCredentials? credentials,
        out string error)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(passwords);
        ArgumentNullException.ThrowIfNull(timeProvider);
        credentials = null;
        if (cacheLifetime < TimeSpan.Zero || cacheLifetime > MaxCacheLifetime)
        {
            error = $"the Basic credential cache lifetime is outside 0 to {MaxCacheLifetime}";
            return false;
        }

        var parsed = new List<(string AccountId, PasswordHash Hash)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (accountId, text) in passwords)
        {
            if (accountId is null || !directory.TryGet(accountId, out _))
            {
                error = $"a password is configured for '{accountId}', which is not an account of the configuration";
                return false;
            }

            if (!seen.Add(accountId))
            {
                error = $"account '{accountId}' has two passwords";
                return false;
            }

            if (!PasswordHash.TryParse(text, out var hash, out var hashError))
            {
                error = $"account '{accountId}': {hashError}";
                return false;
            }

            parsed.Add((accountId, hash));
        }

        credentials = new BasicCredentials(directory, parsed, timeProvider, cacheLifetime);
        error = string.Empty;
        return true;
    }

    /// <summary>Checks an <c>Authorization</c> header value: <c>Basic &lt;base64(user-id:password)&gt;</c> (RFC 7617 §2).</summary>
    /// <param name="authorizationHeader">The header value; empty when the header is absent.</param>
    /// <param name="account">The authenticated account; <see langword="null"/> unless the method returns <see cref="CredentialStatus.Authenticated"/>.</param>
    /// <returns>
    /// <see cref="CredentialStatus.Authenticated"/>; <see cref="CredentialStatus.Missing"/> (empty or blank value);
    /// <see cref="CredentialStatus.Malformed"/> (another scheme, not base64, no colon, an empty user id, not UTF-8, a
    /// control character, longer than <see cref="MaxCredentialsLength"/>); or <see cref="CredentialStatus.Invalid"/> (an
    /// unknown user id or a wrong password).
    /// </returns>
    public CredentialStatus Authenticate(ReadOnlySpan<char> authorizationHeader, out PartyAccount? account)
    {
        account = null;
        Span<byte> userPass = stackalloc byte[MaxDecodedLength];
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        try
        {
            if (!TryReadCredentials(authorizationHeader, userPass, out var length, out var colon, out var failure))
            {
                return failure;
            }

            userPass = userPass[..length];
            var password = userPass[(colon + 1)..];
            if (!TryFindSlot(userPass[..colon], out var slot))
            {
                if (PasswordHash.IsAcceptablePassword(password))
                {
                    Interlocked.Increment(ref _passwordChecks);
                    _ = _unknownUser.Verify(password);
                }

                return CredentialStatus.Invalid;
            }

            // Empty or longer than any configured password: no stored hash can match, so no check is needed.
            if (!PasswordHash.IsAcceptablePassword(password))
            {
                return CredentialStatus.Invalid;
            }

            // The user id is part of the key, so a cached credential of one account never vouches for another.
            HMACSHA256.HashData(_cacheKey, userPass, mac);
            if (!IsCached(slot, mac, _timeProvider.GetTimestamp()) && !CheckOnce(slot, mac, password))
            {
                return CredentialStatus.Invalid;
            }

            account = slot.Account;
            return CredentialStatus.Authenticated;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(userPass);
            CryptographicOperations.ZeroMemory(mac);
        }
    }

    private bool IsExpired(CacheEntry entry, long now) => _timeProvider.GetElapsedTime(entry.VerifiedAt, now) >= _cacheLifetime;

    private bool IsCached(Slot slot, ReadOnlySpan<byte> mac, long now)
    {
        var entry = Volatile.Read(ref slot.Cached);
        if (entry is null)
        {
            return false;
        }

        if (IsExpired(entry, now))
        {
            // Drop it (unless a fresh entry has replaced it meanwhile): the keyed hash does not outlive its lifetime by much.
            Interlocked.CompareExchange(ref slot.Cached, null, entry);
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(entry.Mac, mac);
    }

    private bool CheckOnce(Slot slot, ReadOnlySpan<byte> mac, ReadOnlySpan<byte> password)
    {
        var mine = new PendingCheck(mac.ToArray());
        var other = Interlocked.CompareExchange(ref slot.Pending, mine, null);
        if (other is not null)
        {
            // The same credential is being checked: share that result (a failure is shared only with requests already
            // waiting, never kept). Another credential of the account is being checked: check this one alone.
            return CryptographicOperations.FixedTimeEquals(other.Mac, mac) ? other.Wait() : Check(slot, mac, password);
        }

        var verified = false;
        try
        {
            // A check that finished between this caller's cache miss and now may have cached this very credential.
            verified = IsCached(slot, mac, _timeProvider.GetTimestamp()) || Check(slot, mac, password);
        }
        finally
        {
            // Cleared before waking the waiters, so a request that comes later reads the cache, not a finished check.
            Volatile.Write(ref slot.Pending, null);
            mine.Complete(verified);
        }

        return verified;
    }

    private bool Check(Slot slot, ReadOnlySpan<byte> mac, ReadOnlySpan<byte> password)
    {
        Interlocked.Increment(ref _passwordChecks);
        if (!slot.Hash.Verify(password))
        {
            return false;
        }

        if (_cacheLifetime > TimeSpan.Zero)
        {
            Volatile.Write(ref slot.Cached, new CacheEntry(mac.ToArray(), _timeProvider.GetTimestamp()));
        }

        return true;
    }

    /// <summary>One account's password hash and cache entry.</summary>
    /// <param name="account">The account.</param>
    /// <param name="hash">Its password hash.</param>
    private sealed class Slot(PartyAccount account, PasswordHash hash)
    {
        /// <summary>The verified credential, or null; read and replaced atomically.</summary>
        public CacheEntry? Cached;

        /// <summary>The check in flight for this account, or null.</summary>
        public PendingCheck? Pending;

        public PartyAccount Account { get; } = account;

        public PasswordHash Hash { get; } = hash;
    }

    /// <summary>A verified credential: its keyed hash and when it was verified (a <see cref="TimeProvider"/> timestamp).</summary>
    /// <param name="Mac">HMAC-SHA256 of <c>user-id:password</c> under the instance's key.</param>
    /// <param name="VerifiedAt">The timestamp of the check.</param>
    private sealed record CacheEntry(byte[] Mac, long VerifiedAt);

    /// <summary>A PBKDF2 check in flight that requests with the same credential wait for.</summary>
    /// <param name="mac">The keyed hash of the credential being checked.</param>
    private sealed class PendingCheck(byte[] mac)
    {
        private readonly object _gate = new();
        private bool _done;
        private bool _verified;

        public byte[] Mac { get; } = mac;

        public void Complete(bool verified)
        {
            lock (_gate)
            {
                _verified = verified;
                _done = true;
                Monitor.PulseAll(_gate);
            }
        }

        public bool Wait()
        {
            lock (_gate)
            {
                while (!_done)
                {
                    Monitor.Wait(_gate);
                }

                return _verified;
            }
        }
    }
}
