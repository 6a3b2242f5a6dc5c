// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using V2gPki.Bench.Hsm;
using V2gPki.Hsm;
using V2gPki.Issuer;
using V2gPki.Issuer.Import;
using V2gPki.Issuer.Worker;
using V2gPki.Store;
using V2gPki.TestHosts.Issuer;
using V2gPki.TestSupport;

namespace V2gPki.Bench.Issuer;

/// <summary>
/// Issuing-worker figures (docs/architecture.md §8), in one process on one SoftHSM2 token:
/// <list type="bullet">
/// <item>pre-sign throughput: a real re-sign wave (registry scan → bulk-lane batches → store replace) over N real
/// certificates, against the raw <c>C_SignInit</c> + <c>C_Sign</c> rate of the same key, at 1, 2, 4 and 8 sessions,
/// interleaved per round (order alternating), min / median / max and per-round paired ratios;</item>
/// <item>revocation acknowledgement (request → WAL commit) and revoke-to-visible (request → the serving index returns
/// the revoked response) latency, p50/p99/max, idle and during a bulk re-sign wave.</item>
/// </list>
/// <c>dotnet run -c Release --project bench/V2gPki.Bench -- issuer [--certs 20000] [--seconds 1.5] [--rounds 3] [--revocations 300] [--keep DIR]</c>
/// </summary>
public static class IssuerHarness
{
    /// <summary>Runs the harness and prints the figures.</summary>
    public static async Task RunAsync(string[] args)
    {
        var certs = (int)BenchArgs.Number(args, "--certs", 20000);
        var seconds = BenchArgs.Number(args, "--seconds", 1.5);
        var rounds = (int)BenchArgs.Number(args, "--rounds", 3);
        var revocations = (int)BenchArgs.Number(args, "--revocations", 300);
        var work = Path.Combine(Path.GetTempPath(), "v2gpki-bench-issuer-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)));
        try
        {
            SoftHsm2Environment.Prepare(Path.Combine(work, "hsm"));
            var pin = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
            var module = Pkcs11Module.Load(HsmOptions.DefaultModulePath);
            module.InitializeToken("bench", System.Text.Encoding.ASCII.GetBytes(pin + "so"), System.Text.Encoding.ASCII.GetBytes(pin));
            var tokens = SignRateCurve.OpenTokens(module, pin);

            var clock = ManualClock.FollowingWallClock();
            var pki = HsmCpoBranch.Create(tokens[1], clock);
            var storeOptions = StoreOptions.ForCapacity(Path.Combine(work, "store"), Math.Max(certs, 100_000));
            storeOptions.CheckpointInterval = TimeSpan.Zero;
            await using var store = new FasterStore(storeOptions);
            await store.RecoverAsync();
            var workers = new Dictionary<int, IssuingWorker>();
            foreach (var n in SignRateCurve.SessionCounts)
            {
                var options = new IssuerOptions { ScanInterval = TimeSpan.FromDays(365), BatchSize = 256, MaxInFlightBatches = Math.Max(2, n * 2) };
                workers[n] = new IssuingWorker(pki.Directory(tokens[n], clock), store, options, clock);
                workers[n].Start();
            }

            Console.WriteLine($"module: {module.Description}; CPUs: {Environment.ProcessorCount}; {certs} certificates; {rounds} rounds of {seconds:0.0} s (raw) per point; P-256");
            var generated = Stopwatch.StartNew();
            var importer = new CertificateImporter(workers[2], store, 256, clock);
            var generator = new BenchmarkDataGenerator(importer, pki.Issuer, pki.Sub2, pki.LeafProfile, pki.LeafKey);
            await generator.GenerateAsync(certs, null, (done, total) =>
            {
                if (done % 5120 == 0 || done == total)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  generated {done}/{total} ({done / generated.Elapsed.TotalSeconds:0} certificates/s: CertificateIssuer + bulk first response + WAL)"));
                }
            });

            var signerHandle = tokens[1].GetKey(pki.SignerLabel).PrivateKeyHandle;
            SignRateCurve.RawRate(tokens[1], signerHandle, 1, TimeSpan.FromMilliseconds(300));
            var (raw, wave) = await SignRateCurve.InterleaveAsync(
                rounds,
                n => SignRateCurve.RawRate(tokens[n], signerHandle, n, TimeSpan.FromSeconds(seconds)),
                n => WaveRate(workers[n], clock));

            Console.WriteLine();
            Console.WriteLine("Pre-sign = a re-sign wave of the whole store: registry scan, tbsResponseData (SHA-1 + SHA-256 SingleResponses), bulk-lane");
            Console.WriteLine("signing in batches of 256, assembly and store replace. Raw = C_SignInit + C_Sign over a digest, one session per thread.");
            Console.WriteLine("sessions | raw sig/s (min / median / max) | pre-sign responses/s (min / median / max) | of medians | paired per round (min / median / max)");
            foreach (var n in rounds > 0 ? SignRateCurve.SessionCounts : [])
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{n,8} | {Stats(raw[n]),30} | {Stats(wave[n]),42} | {BenchStats.Median(wave[n]) / BenchStats.Median(raw[n]),10:0.00} | {SignRateCurve.PairedRatios(raw[n], wave[n])}"));
            }

            Console.WriteLine();
            var latencySessions = new[] { 2, 4 };
            var serials = new List<byte[]>();
            store.ForEachCertificate(record =>
            {
                if (record.Issuer.Value == HsmCpoBranch.Sub2Id && record.Status == CertificateStatus.Good)
                {
                    serials.Add(record.Serial.ToArray());
                }

                return serials.Count < revocations * 2 * latencySessions.Length;
            });
            Console.WriteLine($"Revocation latency: {revocations} sequential revocations per line (priority lane, 1 reserved session; ack = WAL committed).");
            Console.WriteLine("                                                     | ack p50 / p99 / max (ms)   | visible p50 / p99 / max (ms) | wave running at the end");
            var next = 0;
            foreach (var n in latencySessions)
            {
                var latencyWorker = workers[n];
                var idle = await RevocationLatency(latencyWorker, store, serials.GetRange(next, revocations), null);
                next += revocations;

                // Waves back to back for the whole measurement, so every revocation competes with bulk re-signing.
                using var stopWaves = new CancellationTokenSource();
                var resignedBefore = latencyWorker.Metrics.Resigned;
                var waveTask = Task.Run(async () =>
                {
                    while (!stopWaves.IsCancellationRequested)
                    {
                        clock.Advance(TimeSpan.FromDays(2.5));
                        await latencyWorker.ScanNowAsync();
                    }
                });
                await Task.Delay(200);
                var busy = await RevocationLatency(latencyWorker, store, serials.GetRange(next, revocations), waveTask);
                next += revocations;
                await stopWaves.CancelAsync();
                await waveTask;
                var resigned = latencyWorker.Metrics.Resigned - resignedBefore;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {n} bulk sessions, idle                               | {idle.Ack,26} | {idle.Visible,28} | -"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {n} bulk sessions, during re-sign waves ({resigned,7} re-signed) | {busy.Ack,26} | {busy.Visible,28} | {busy.WaveStillRunning}"));
            }

            foreach (var worker in workers.Values)
            {
                await worker.DisposeAsync();
            }

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

    private static async Task<double> WaveRate(IssuingWorker worker, ManualClock clock)
    {
        clock.Advance(TimeSpan.FromDays(2.5));
        var before = worker.Metrics.Resigned;
        var started = Stopwatch.GetTimestamp();
        await worker.ScanNowAsync();
        var elapsed = Stopwatch.GetElapsedTime(started);
        return (worker.Metrics.Resigned - before) / elapsed.TotalSeconds;
    }

    private static async Task<(string Ack, string Visible, bool WaveStillRunning)> RevocationLatency(IssuingWorker worker, FasterStore store, List<byte[]> serials, Task? wave)
    {
        var ack = new List<double>();
        var visible = new List<double>();
        var issuer = new IssuerId(HsmCpoBranch.Sub2Id);
        foreach (var serial in serials)
        {
            long seenAt = 0;
            using var poller = new CancellationTokenSource();
            var start = Stopwatch.GetTimestamp();
            var watch = Task.Factory.StartNew(() =>
            {
                var buffer = new byte[StoreLimits.MaxSignedResponseLength];
                while (!poller.IsCancellationRequested)
                {
                    if (store.TryGetResponse(issuer, serial, buffer, out var metadata) == LookupStatus.Found && metadata.Status == CertificateStatus.Revoked)
                    {
                        seenAt = Stopwatch.GetTimestamp();
                        return;
                    }

                    // Two shared cores: a pure spin would take one from the worker it measures.
                    Thread.Yield();
                }
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            var result = await worker.RevokeAsync(issuer, serial, RevocationReason.KeyCompromise);
            var acked = Stopwatch.GetTimestamp();
            if (result.Status != StatusChangeStatus.Applied)
            {
                throw new InvalidOperationException("revocation failed: " + result.Status);
            }

            await watch.WaitAsync(TimeSpan.FromSeconds(5));
            poller.Cancel();
            ack.Add((acked - start) * 1000.0 / Stopwatch.Frequency);
            visible.Add((seenAt - start) * 1000.0 / Stopwatch.Frequency);
        }

        return (Percentiles(ack), Percentiles(visible), wave is { IsCompleted: false });
    }

    private static string Stats(List<double> values) => string.Create(CultureInfo.InvariantCulture, $"{values.Min():0} / {BenchStats.Median(values):0} / {values.Max():0}");

    private static string Percentiles(List<double> values)
    {
        var sorted = values.Order().ToList();
        return string.Create(CultureInfo.InvariantCulture, $"{BenchStats.Percentile(sorted, 0.5):0.00} / {BenchStats.Percentile(sorted, 0.99):0.00} / {sorted[^1]:0.00}");
    }
}
