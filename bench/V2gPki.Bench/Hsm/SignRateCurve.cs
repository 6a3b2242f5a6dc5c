// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.LowLevelAPI80;
using V2gPki.Hsm;

namespace V2gPki.Bench.Hsm;

/// <summary>
/// What the HSM and issuer harnesses share to report a rate as a curve over 1, 2, 4 and 8 sessions against the raw
/// PKCS#11 rate of the same key (docs/architecture.md §6, §8): one opening of the token per bulk-session count, the raw
/// <c>C_SignInit</c> + <c>C_Sign</c> rate, rounds interleaved with the order alternating, and per-round paired ratios.
/// </summary>
internal static class SignRateCurve
{
    /// <summary>The session counts of the curve.</summary>
    public static readonly int[] SessionCounts = [1, 2, 4, 8];

    /// <summary>Opens token <c>bench</c> once per session count: one reserved priority session, that many bulk sessions.</summary>
    /// <param name="module">The loaded module, token <c>bench</c> initialised.</param>
    /// <param name="pin">The user PIN.</param>
    /// <returns>The openings by bulk-session count.</returns>
    public static Dictionary<int, HsmToken> OpenTokens(Pkcs11Module module, string pin)
    {
        var tokens = new Dictionary<int, HsmToken>();
        foreach (var n in SessionCounts)
        {
            tokens[n] = module.OpenToken(new HsmTokenOptions
            {
                Role = "bench-" + n.ToString(CultureInfo.InvariantCulture),
                Label = "bench",
                Pin = PinSource.FromValue(pin),
                PrioritySessions = 1,
                BulkSessions = n,
                BulkMaxInFlight = 4096,
            });
        }

        return tokens;
    }

    /// <summary>N threads, one session each, C_SignInit + C_Sign (CKM_ECDSA over a SHA-256 digest) in a loop.</summary>
    /// <param name="token">The token.</param>
    /// <param name="keyHandle">The private key's handle.</param>
    /// <param name="threads">Threads (sessions).</param>
    /// <param name="duration">How long to sign.</param>
    /// <returns>Signatures per second.</returns>
    public static double RawRate(HsmToken token, ulong keyHandle, int threads, TimeSpan duration)
    {
        var library = token.Module.LowLevel;
        var digest = SHA256.HashData("raw C_Sign benchmark"u8);
        long total = 0;
        using var ready = new Barrier(threads + 1);
        long deadline = 0;
        var workers = new Thread[threads];
        for (var t = 0; t < threads; t++)
        {
            workers[t] = new Thread(() =>
            {
                var session = token.OpenSessionHandle();
                var signature = new byte[256];
                var mechanism = new CK_MECHANISM { Mechanism = (ulong)CKM.CKM_ECDSA };
                long count = 0;
                ready.SignalAndWait();
                var end = Volatile.Read(ref deadline);
                while (Stopwatch.GetTimestamp() < end)
                {
                    if (library.C_SignInit(session, ref mechanism, keyHandle) != CKR.CKR_OK)
                    {
                        throw new InvalidOperationException("C_SignInit failed");
                    }

                    var length = (ulong)signature.Length;
                    if (library.C_Sign(session, digest, (ulong)digest.Length, signature, ref length) != CKR.CKR_OK)
                    {
                        throw new InvalidOperationException("C_Sign failed");
                    }

                    count++;
                }

                Interlocked.Add(ref total, count);
                library.C_CloseSession(session);
            });
            workers[t].Start();
        }

        var start = Stopwatch.GetTimestamp();
        Volatile.Write(ref deadline, start + (long)(duration.TotalSeconds * Stopwatch.Frequency));
        ready.SignalAndWait();
        foreach (var worker in workers)
        {
            worker.Join();
        }

        return total / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    /// <summary>
    /// Measures <paramref name="raw"/> and <paramref name="measured"/> at every session count for
    /// <paramref name="rounds"/> rounds, raw first in even rounds and second in odd ones, so load drifting on a shared
    /// machine does not favour either.
    /// </summary>
    /// <param name="rounds">Rounds.</param>
    /// <param name="raw">The raw rate at a session count.</param>
    /// <param name="measured">The rate compared with it at a session count.</param>
    /// <returns>The rates per session count, one per round, in round order.</returns>
    public static async Task<(Dictionary<int, List<double>> Raw, Dictionary<int, List<double>> Measured)> InterleaveAsync(int rounds, Func<int, double> raw, Func<int, Task<double>> measured)
    {
        var rawRates = SessionCounts.ToDictionary(n => n, _ => new List<double>());
        var measuredRates = SessionCounts.ToDictionary(n => n, _ => new List<double>());
        for (var round = 0; round < rounds; round++)
        {
            foreach (var n in SessionCounts)
            {
                if (round % 2 == 0)
                {
                    rawRates[n].Add(raw(n));
                    measuredRates[n].Add(await measured(n).ConfigureAwait(false));
                }
                else
                {
                    measuredRates[n].Add(await measured(n).ConfigureAwait(false));
                    rawRates[n].Add(raw(n));
                }
            }
        }

        return (rawRates, measuredRates);
    }

    /// <summary>Each round's measured rate over the raw rate run next to it: min / median / max.</summary>
    /// <param name="raw">Raw rates, one per round.</param>
    /// <param name="measured">Measured rates, one per round.</param>
    /// <returns>The three ratios, two decimals each.</returns>
    public static string PairedRatios(List<double> raw, List<double> measured)
    {
        var paired = new List<double>();
        for (var round = 0; round < raw.Count; round++)
        {
            paired.Add(measured[round] / raw[round]);
        }

        return string.Create(CultureInfo.InvariantCulture, $"{paired.Min():0.00} / {BenchStats.Median(paired):0.00} / {paired.Max():0.00}");
    }
}
