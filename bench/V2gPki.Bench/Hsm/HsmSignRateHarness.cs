// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using V2gPki.Hsm;

namespace V2gPki.Bench.Hsm;

/// <summary>
/// SoftHSM2 signing rates as a curve over 1, 2, 4 and 8 sessions (docs/architecture.md §6, §8), in one process and one
/// token:
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
    /// <summary>Runs the harness and prints the figures.</summary>
    public static async Task RunAsync(string[] args)
    {
        var seconds = BenchArgs.Number(args, "--seconds", 1.5);
        var rounds = (int)BenchArgs.Number(args, "--rounds", 3);
        var module = BenchArgs.Text(args, "--module") ?? HsmOptions.DefaultModulePath;
        var duration = TimeSpan.FromSeconds(seconds);
        var work = Path.Combine(Path.GetTempPath(), "v2gpki-bench-hsm-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)));
        try
        {
            SoftHsm2Environment.Prepare(work);
            var pin = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
            var pkcs11 = Pkcs11Module.Load(module);
            pkcs11.InitializeToken("bench", System.Text.Encoding.ASCII.GetBytes(pin + "so"), System.Text.Encoding.ASCII.GetBytes(pin));

            // One token opening per bulk-session count, all on the same token and key.
            var tokens = SignRateCurve.OpenTokens(pkcs11, pin);

            var key = tokens[1].GenerateKey("bench-p256", HsmKeyType.EcP256);
            var messages = new byte[1024][];
            for (var i = 0; i < messages.Length; i++)
            {
                messages[i] = RandomNumberGenerator.GetBytes(400);
            }

            Console.WriteLine($"module: {pkcs11.Description}; CPUs: {Environment.ProcessorCount}; {rounds} rounds of {seconds:0.0} s per point; key P-256, CKM_ECDSA");

            // Warm-up: JIT, SoftHSM2 key cache, thread creation.
            SignRateCurve.RawRate(tokens[1], key.PrivateKeyHandle, 1, TimeSpan.FromMilliseconds(300));
            await BatchRate(tokens[1].GetKey(key.Label).CreateSigner(), messages, TimeSpan.FromMilliseconds(300)).ConfigureAwait(false);

            var (raw, batch) = await SignRateCurve.InterleaveAsync(
                rounds,
                n => SignRateCurve.RawRate(tokens[n], key.PrivateKeyHandle, n, duration),
                n => BatchRate(tokens[n].GetKey(key.Label).CreateSigner(), messages, duration)).ConfigureAwait(false);

            Console.WriteLine();
            Console.WriteLine("The machine is shared, so load drifts between rounds: the last column pairs each batch round with the raw");
            Console.WriteLine("round run next to it and gives min / median / max of those per-round ratios.");
            Console.WriteLine("sessions | raw C_Sign sig/s (min / median / max) | batch sig/s (min / median / max) | batch/raw of medians | batch/raw per round");
            foreach (var n in SignRateCurve.SessionCounts)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{n,8} | {Stats(raw[n]),36} | {Stats(batch[n]),32} | {BenchStats.Median(batch[n]) / BenchStats.Median(raw[n]),20:0.00} | {SignRateCurve.PairedRatios(raw[n], batch[n])}"));
            }

            Console.WriteLine();
            await PriorityLatency(tokens[4], key.Label, messages, duration, rounds).ConfigureAwait(false);

            foreach (var token in tokens.Values)
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

    /// <summary>Two producers signing batches of 1,024 messages on the signer's bulk lane; signatures per second.</summary>
    private static async Task<double> BatchRate(HsmSigner signer, byte[][] messages, TimeSpan duration)
    {
        long total = 0;
        var start = Stopwatch.GetTimestamp();
        var deadline = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        async Task Produce()
        {
            var batch = new SigningBatch(signer, messages.Length);
            while (Stopwatch.GetTimestamp() < deadline)
            {
                batch.Clear();
                foreach (var message in messages)
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
        var signer = token.GetKey(label).CreateSigner();
        Console.WriteLine($"priority lane latency, {token.PriorityLane.Sessions} reserved session; bulk lane {token.BulkLane.Sessions} sessions, 2 producers × 1,024-entry batches");
        Console.WriteLine("condition       | priority sigs | p50 µs | p99 µs | max µs | bulk sig/s meanwhile");
        for (var round = 0; round < rounds; round++)
        {
            foreach (var loaded in new[] { false, true })
            {
                using var stop = new CancellationTokenSource();
                long bulkSigned = 0;
                var bulk = Task.CompletedTask;
                if (loaded)
                {
                    bulk = Task.WhenAll(Task.Run(() => Saturate(signer, messages, stop.Token, v => Interlocked.Add(ref bulkSigned, v))),
                        Task.Run(() => Saturate(signer, messages, stop.Token, v => Interlocked.Add(ref bulkSigned, v))));
                    // Let the lane fill before measuring.
                    SpinWait.SpinUntil(() => token.BulkLane.QueuedChunks > 0, TimeSpan.FromSeconds(5));
                }

                var latencies = new List<double>();
                var buffer = new byte[signer.MaxSignatureLength];
                var data = RandomNumberGenerator.GetBytes(400);
                var start = Stopwatch.GetTimestamp();
                var bulkAtStart = Interlocked.Read(ref bulkSigned);
                while (Stopwatch.GetElapsedTime(start) < duration)
                {
                    var before = Stopwatch.GetTimestamp();
                    signer.TrySign(data, buffer, out _);
                    latencies.Add(Stopwatch.GetElapsedTime(before).TotalMicroseconds);
                    // A revocation-like cadence rather than a tight loop: the priority lane is not a throughput path.
                    Thread.Sleep(1);
                }

                var bulkRate = (Interlocked.Read(ref bulkSigned) - bulkAtStart) / Stopwatch.GetElapsedTime(start).TotalSeconds;
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
                    $"{(loaded ? "bulk saturated" : "idle"),-15} | {latencies.Count,13} | {BenchStats.Percentile(latencies, 0.50),6:0} | {BenchStats.Percentile(latencies, 0.99),6:0} | {latencies[^1],6:0} | {(loaded ? bulkRate.ToString("0", CultureInfo.InvariantCulture) : "-"),20}"));
            }
        }
    }

    private static async Task Saturate(HsmSigner signer, byte[][] messages, CancellationToken stop, Action<long> signed)
    {
        var batch = new SigningBatch(signer, messages.Length);
        foreach (var message in messages)
        {
            batch.Add(message);
        }

        while (!stop.IsCancellationRequested)
        {
            await signer.SignBatchAsync(batch, stop).ConfigureAwait(false);
            signed(batch.Count);
        }
    }

    private static string Stats(List<double> values) =>
        string.Create(CultureInfo.InvariantCulture, $"{values.Min(),8:0} / {BenchStats.Median(values),8:0} / {values.Max(),8:0}");
}
