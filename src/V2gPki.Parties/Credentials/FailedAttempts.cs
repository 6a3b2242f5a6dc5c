// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Collections.Concurrent;

namespace V2gPki.Parties.Credentials;

/// <summary>
/// Failed authentications per client address (docs/architecture.md §3 EST enrollment): a wrong password, a bad token or
/// a refused client certificate counts; a request without any credential does not (libest and BouncyCastle always send
/// one first, to fetch the challenge). An address with <see cref="Limit"/> failures inside a window of
/// <see cref="Window"/> is refused before its credential is even checked until the window of its first failure has
/// passed — a password guesser gets <see cref="Limit"/> tries per window, and the PBKDF2 work they cost is bounded too.
/// A success does not clear the count (a valid account cannot launder guesses at another). Bounded: at most
/// <see cref="Capacity"/> addresses are tracked; when full, windows that have passed are dropped, and if none has, every
/// address not yet tracked shares one overflow count with the same limit (failing closed under a flood of addresses
/// rather than forgetting them). Thread-safe.
/// </summary>
public sealed class FailedAttempts
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly Lock _sweep = new();
    private readonly Entry _overflow;

    /// <summary>Creates the counter.</summary>
    /// <param name="limit">Failures allowed per address and window (≥ 1).</param>
    /// <param name="window">The window (≥ 1 s).</param>
    /// <param name="time">The clock.</param>
    /// <param name="capacity">Addresses tracked at most.</param>
    /// <exception cref="ArgumentOutOfRangeException">A bound is out of range.</exception>
    public FailedAttempts(int limit, TimeSpan window, TimeProvider time, int capacity = 100_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, TimeSpan.FromSeconds(1));
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Limit = limit;
        Window = window;
        Capacity = capacity;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _overflow = new Entry(DateTimeOffset.MinValue);
    }

    /// <summary>Gets the failures allowed per address and window.</summary>
    public int Limit { get; }

    /// <summary>Gets the window.</summary>
    public TimeSpan Window { get; }

    /// <summary>Gets how many addresses are tracked at most.</summary>
    public int Capacity { get; }

    /// <summary>Gets how many addresses are tracked now.</summary>
    public int Count => _entries.Count;

    /// <summary>Whether an address is refused now, and for how long.</summary>
    /// <param name="address">The client address (e.g. the IP).</param>
    /// <param name="retryAfter">The time until its window ends; zero when not blocked.</param>
    /// <returns>Whether it has used up its failures.</returns>
    public bool IsBlocked(string address, out TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(address);
        retryAfter = TimeSpan.Zero;
        if (!_entries.TryGetValue(address, out var entry))
        {
            if (_entries.Count < Capacity)
            {
                return false;
            }

            entry = _overflow;
        }

        var now = _time.GetUtcNow();
        lock (entry)
        {
            var end = entry.Start + Window;
            if (now >= end || entry.Failures < Limit)
            {
                return false;
            }

            retryAfter = end - now;
            return true;
        }
    }

    /// <summary>Counts a failed authentication of an address.</summary>
    /// <param name="address">The client address.</param>
    /// <returns>Whether the address is blocked now (this failure used up its window).</returns>
    public bool RecordFailure(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var now = _time.GetUtcNow();
        if (!_entries.TryGetValue(address, out var entry))
        {
            if (_entries.Count >= Capacity)
            {
                Sweep(now);
            }

            entry = _entries.Count >= Capacity ? _overflow : _entries.GetOrAdd(address, static (_, start) => new Entry(start), now);
        }

        lock (entry)
        {
            if (now >= entry.Start + Window)
            {
                entry.Start = now;
                entry.Failures = 0;
            }

            entry.Failures++;
            return entry.Failures >= Limit;
        }
    }

    /// <summary>Drops the entries whose window has passed.</summary>
    private void Sweep(DateTimeOffset now)
    {
        lock (_sweep)
        {
            foreach (var pair in _entries)
            {
                bool expired;
                lock (pair.Value)
                {
                    expired = now >= pair.Value.Start + Window;
                }

                if (expired)
                {
                    _entries.TryRemove(pair);
                }
            }
        }
    }

    private sealed class Entry(DateTimeOffset start)
    {
        public DateTimeOffset Start { get; set; } = start;

        public int Failures { get; set; }
    }
}
