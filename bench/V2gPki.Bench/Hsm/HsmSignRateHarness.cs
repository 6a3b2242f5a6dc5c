// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.LowLevelAPI80;
using V2gPki.Hsm;

namespace V2gPki.Bench.Hsm;

/// <summary>
/// SoftHSM2 signing rates as a curve over 1, 2, 4 and 8 sessions (DESIGN §6, §8), in one process and one token:
/// <list type="bullet">
/// <item>raw: N threads, each with its own session, looping <c>C_SignInit</c> + <c>C_Sign</c> (CKM_ECDSA, P-256) over a
/// precomputed digest through Pkcs11Interop's low-level API: the ceiling;</item>
/// <item>batch: the bulk lane with N sessions signing 400-byte messages in batches of 1,024 from two producers
/// (host SHA-256, DER encoding, chunk hand-off and completion included);</item>
/// <item>priority latency p50/p99 while the bulk lane (4 sessions) is saturated, against an idle baseline.</item>
/// </list>
/// Raw and batch rounds are interleaved (order alternating per round) and min/median/max over the rounds printed.
/// BenchmarkDotNet measures one thread's invocations; multi-session rates need this harness.
/// <c>dotnet run -c Release --project bench/V2gPki.Bench -- hsm [--seconds 1.5] [--rounds 3] [--module path]</c>
/// </summary>
public static class HsmSignRateHarness
{
    private static readonly int[] SessionCounts = [1, 2, 4, 8];

    /// <summary>Runs the harness and prints the figures.</summary>
    public static async Task RunAsync(string[] args)
    {
        double seconds = Option(args, "--seconds", 1.5);
        int rounds = (int)Option(args, "--rounds", 3);
        string module = OptionText(args, "--module") ?? HsmOptions.DefaultModulePath;
        TimeSpan duration = TimeSpan.FromSeconds(seconds);
        string work = Path.Combine(Path.GetTempPath(), "v2gpki-bench-hsm-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)));
        try
        {
            SoftHsm2Environment.Prepare(work);
            string pin = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
            Pkcs11Module pkcs11 = Pkcs11Module.Load(module);
            pkcs11.InitializeToken("bench", System.Text.Encoding.ASCII.GetBytes(pin + "so"), System.Text.Encoding.ASCII.GetBytes(pin));

            // One token opening per bulk-session count, all on the same token and key.
            var tokens = new Dictionary<int, HsmToken>();
            foreach (int n in SessionCounts)
            {
                tokens[n] = pkcs11.OpenToken(new HsmTokenOptions
                {
                    Role = "bench-" + n.ToString(CultureInfo.InvariantCulture),
                    Label = "bench",
                    Pin = PinSource.FromValue(pin),
                    PrioritySessions = 1,
                    BulkSessions = n,
                    BulkMaxInFlight = 4096,
                });
            }

            HsmKey key = tokens[1].GenerateKey("bench-p256", HsmKeyType.EcP256);
            byte[][] messages = new byte[1024][];
            for (int i = 0; i < messages.Length; i++)
            {
                messages[i] = RandomNumberGenerator.GetBytes(400);
            }

            Console.WriteLine($"module: {pkcs11.Description}; CPUs: {Environment.ProcessorCount}; {rounds} rounds of {seconds:0.0} s per point; key P-256, CKM_ECDSA");

            // Warm-up: JIT, SoftHSM2 key cache, thread creation.
            RawRate(tokens[1], key.PrivateKeyHandle, 1, TimeSpan.FromMilliseconds(300));
            await BatchRate(tokens[1].GetKey(key.Label).CreateSigner(), messages, TimeSpan.FromMilliseconds(300)).ConfigureAwait(false);

            var raw = SessionCounts.ToDictionary(n => n, _ => new List<double>());
            var batch = SessionCounts.ToDictionary(n => n, _ => new List<double>());
            for (int round = 0; round < rounds; round++)
            {
                foreach (int n in SessionCounts)
                {
                    HsmSigner signer = tokens[n].GetKey(key.Label).CreateSigner();
                    if (round % 2 == 0)
                    {
                        raw[n].Add(RawRate(tokens[n], key.PrivateKeyHandle, n, duration));
                        batch[n].Add(await BatchRate(signer, messages, duration).ConfigureAwait(false));
                    }
                    else
                    {
                        batch[n].Add(await BatchRate(signer, messages, duration).ConfigureAwait(false));
                        raw[n].Add(RawRate(tokens[n], key.PrivateKeyHandle, n, duration));
                    }
                }
            }

            Console.WriteLine();
            Console.WriteLine("The machine is shared, so load drifts between rounds: the last column pairs each batch round with the raw");
            Console.WriteLine("round run next to it and gives min / median / max of those per-round ratios.");
            Console.WriteLine("sessions | raw C_Sign sig/s (min / median / max) | batch sig/s (min / median / max) | batch/raw of medians | batch/raw per round");
            foreach (int n in SessionCounts)
            {
                var paired = new List<double>();
                for (int round = 0; round < raw[n].Count; round++)
                {
                    paired.Add(batch[n][round] / raw[n][round]);
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{n,8} | {Stats(raw[n]),36} | {Stats(batch[n]),32} | {Median(batch[n]) / Median(raw[n]),20:0.00} | {paired.Min():0.00} / {Median(paired):0.00} / {paired.Max():0.00}"));
            }

            Console.WriteLine();
            await PriorityLatency(tokens[4], key.Label, messages, duration, rounds).ConfigureAwait(false);

            foreach (HsmToken token in tokens.Values)
            {
                token.Dispose();
            }
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>N threads, one session each, C_SignInit + C_Sign in a loop; signatures per second.</summary>
    private static double RawRate(HsmToken token, ulong keyHandle, int threads, TimeSpan duration)
    {
        Pkcs11Library library = token.Module.LowLevel;
        byte[] digest = SHA256.HashData("raw C_Sign benchmark"u8);
        long total = 0;
        using var ready = new Barrier(threads + 1);
        long deadline = 0;
        var workers = new Thread[threads];
        for (int t = 0; t < threads; t++)
        {
            workers[t] = new Thread(() =>
            {
                ulong session = token.OpenSessionHandle();
                byte[] signature = new byte[256];
                var mechanism = new CK_MECHANISM { Mechanism = (ulong)CKM.CKM_ECDSA };
                long count = 0;
                ready.SignalAndWait();
                long end = Volatile.Read(ref deadline);
                while (Stopwatch.GetTimestamp() < end)
                {
                    if (library.C_SignInit(session, ref mechanism, keyHandle) != CKR.CKR_OK)
                    {
                        throw new InvalidOperationException("C_SignInit failed");
                    }

                    ulong length = (ulong)signature.Length;
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

        long start = Stopwatch.GetTimestamp();
        Volatile.Write(ref deadline, start + (long)(duration.TotalSeconds * Stopwatch.Frequency));
        ready.SignalAndWait();
        foreach (Thread worker in workers)
        {
            worker.Join();
        }

        return total / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    /// <summary>Two producers signing batches of 1,024 messages on the signer's bulk lane; signatures per second.</summary>
    private static async Task<double> BatchRate(HsmSigner signer, byte[][] messages, TimeSpan duration)
    {
        long total = 0;
        long start = Stopwatch.GetTimestamp();
        long deadline = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        async Task Produce()
        {
            var batch = new SigningBatch(signer, messages.Length);
            while (Stopwatch.GetTimestamp() < deadline)
            {
                batch.Clear();
                foreach (byte[] message in messages)
                {
                    batch.Add(message);
                }

                await signer.SignBatchAsync(batch).ConfigureAwait(false);
                Interlocked.Add(ref total, batch.Count);
            }
        }

        await Task.WhenAll(Task.Run(Produce), Task.Run(Produce)).ConfigureAwait(false);
        return total / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    /// <summary>Priority-lane latency, idle and with the bulk lane saturated by two batch producers.</summary>
    private static async Task PriorityLatency(HsmToken token, string label, byte[][] messages, TimeSpan duration, int rounds)
    {
        HsmSigner signer = token.GetKey(label).CreateSigner();
        Console.WriteLine($"priority lane latency, {token.PriorityLane.Sessions} reserved session; bulk lane {token.BulkLane.Sessions} sessions, 2 producers × 1,024-entry batches");
        Console.WriteLine("condition       | priority sigs | p50 µs | p99 µs | max µs | bulk sig/s meanwhile");
        for (int round = 0; round < rounds; round++)
        {
            foreach (bool loaded in new[] { false, true })
            {
                using var stop = new CancellationTokenSource();
                long bulkSigned = 0;
                Task bulk = Task.CompletedTask;
                if (loaded)
                {
                    bulk = Task.WhenAll(Task.Run(() => Saturate(signer, messages, stop.Token, v => Interlocked.Add(ref bulkSigned, v))),
                        Task.Run(() => Saturate(signer, messages, stop.Token, v => Interlocked.Add(ref bulkSigned, v))));
                    // Let the lane fill before measuring.
                    SpinWait.SpinUntil(() => token.BulkLane.QueuedChunks > 0, TimeSpan.FromSeconds(5));
                }

                var latencies = new List<double>();
                byte[] buffer = new byte[signer.MaxSignatureLength];
                byte[] data = RandomNumberGenerator.GetBytes(400);
                long start = Stopwatch.GetTimestamp();
                long bulkAtStart = Interlocked.Read(ref bulkSigned);
                while (Stopwatch.GetElapsedTime(start) < duration)
                {
                    long before = Stopwatch.GetTimestamp();
                    signer.TrySign(data, buffer, out _);
                    latencies.Add(Stopwatch.GetElapsedTime(before).TotalMicroseconds);
                    // A revocation-like cadence rather than a tight loop: the priority lane is not a throughput path.
                    Thread.Sleep(1);
                }

                double bulkRate = (Interlocked.Read(ref bulkSigned) - bulkAtStart) / Stopwatch.GetElapsedTime(start).TotalSeconds;
                await stop.CancelAsync().ConfigureAwait(false);
                try
                {
                    await bulk.ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                }

                latencies.Sort();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{(loaded ? "bulk saturated" : "idle"),-15} | {latencies.Count,13} | {Percentile(latencies, 0.50),6:0} | {Percentile(latencies, 0.99),6:0} | {latencies[^1],6:0} | {(loaded ? bulkRate.ToString("0", CultureInfo.InvariantCulture) : "-"),20}"));
            }
        }
    }

    private static async Task Saturate(HsmSigner signer, byte[][] messages, CancellationToken stop, Action<long> signed)
    {
        var batch = new SigningBatch(signer, messages.Length);
        foreach (byte[] message in messages)
        {
            batch.Add(message);
        }

        while (!stop.IsCancellationRequested)
        {
            await signer.SignBatchAsync(batch, stop).ConfigureAwait(false);
            signed(batch.Count);
        }
    }

    private static string Stats(List<double> values)
    {
        var sorted = values.Order().ToList();
        return string.Create(CultureInfo.InvariantCulture, $"{sorted[0],8:0} / {Median(values),8:0} / {sorted[^1],8:0}");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        int mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static double Option(string[] args, string name, double fallback)
    {
        string? text = OptionText(args, name);
        return text is null ? fallback : double.Parse(text, CultureInfo.InvariantCulture);
    }

    private static string? OptionText(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
