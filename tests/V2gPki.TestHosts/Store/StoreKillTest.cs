// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Diagnostics;
using System.Globalization;
using V2gPki.Store;

namespace V2gPki.TestHosts.Store;

/// <summary>
/// The store kill test's driver (<c>store-killtest DIR ROUNDS [SEED]</c>): runs <see cref="StoreWriter"/> children,
/// kills each with SIGKILL at a random moment, then checks every acknowledged write.
/// </summary>
internal static class StoreKillTest
{
    public static async Task<int> RunAsync(string directory, int rounds, int seed)
    {
        var random = new Random(seed);
        var acknowledged = new List<long>();
        var kills = 0;
        var ready = 0;
        var total = Stopwatch.StartNew();
        for (var round = 0; round < rounds; round++)
        {
            using var child = Tool.Start(Writer(directory, (round + 1) * 1_000_000L));
            var acks = new List<long>();
            var readyLine = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            var reader = Task.Run(async () =>
            {
                while (await child.StandardOutput.ReadLineAsync() is { } line)
                {
                    if (line.StartsWith("ACK ", StringComparison.Ordinal))
                    {
                        acks.Add(long.Parse(line.AsSpan(4), CultureInfo.InvariantCulture));
                    }
                    else if (line.StartsWith("READY", StringComparison.Ordinal))
                    {
                        readyLine.TrySetResult(line);
                    }
                }

                readyLine.TrySetResult("EOF");
            });
            var errors = child.StandardError.ReadToEndAsync();
            var line = await readyLine.Task.WaitAsync(TimeSpan.FromSeconds(60));
            if (!line.Contains("readiness=Ready", StringComparison.Ordinal))
            {
                Console.Out.WriteLine("round " + round + ": child did not recover: " + line + " " + await errors);
                break;
            }

            ready++;
            await Task.Delay(random.Next(50, 1200));
            Tool.Kill(child); // SIGKILL
            await reader;
            kills++;
            acknowledged.AddRange(acks);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round}: {line} acked={acks.Count} killed"));
        }

        var lost = await VerifyAsync(directory, acknowledged);
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"KILLTEST nativeAot={RecoverSmoke.IsNativeAot()} kills={kills} recovered={ready} acknowledged={acknowledged.Count} lost={lost} seconds={total.Elapsed.TotalSeconds:F1}"));
        return lost == 0 && kills == rounds && ready == rounds ? 0 : 1;
    }

    /// <summary>A writer child: this same program again, the native binary (or apphost) or this assembly through dotnet.</summary>
    private static Tool.Command Writer(string directory, long first)
    {
        string[] args = ["store-writer", directory, first.ToString(CultureInfo.InvariantCulture)];
        var self = Environment.ProcessPath!;
        return Path.GetFileNameWithoutExtension(self) == "dotnet"
            ? Tool.Command.DotNet(Path.Combine(AppContext.BaseDirectory, "V2gPki.TestHosts.dll"), args)
            : new Tool.Command(self, args);
    }

    /// <summary>
    /// Opens the store and counts acknowledged revocations that are not served as revoked, or that the subject-ID index
    /// does not list under their subject (docs/architecture.md §5: the index is as durable as the registry).
    /// </summary>
    private static async Task<int> VerifyAsync(string directory, List<long> acknowledged)
    {
        await using var store = new FasterStore(Samples.Options(directory));
        var report = await store.RecoverAsync();
        if (report.Readiness != StoreReadiness.Ready)
        {
            return acknowledged.Count;
        }

        var destination = new byte[4096];
        var lost = 0;
        var bySubject = new Dictionary<string, HashSet<string>>();
        foreach (var n in acknowledged)
        {
            var status = store.TryGetResponse(Samples.Issuer, Samples.Serial(n), destination, out var metadata);
            if (status != LookupStatus.Found || metadata.Status != CertificateStatus.Revoked
                || !destination.AsSpan(0, metadata.Length).SequenceEqual(Samples.Signed(n, CertificateStatus.Revoked))
                || store.TryGetCertificate(Samples.Issuer, Samples.Serial(n), out var record) != LookupStatus.Found
                || record!.Status != CertificateStatus.Revoked)
            {
                lost++;
                Console.Out.WriteLine("LOST " + n.ToString(CultureInfo.InvariantCulture) + " " + status);
                continue;
            }

            var subject = Samples.SubjectId(n);
            if (!bySubject.TryGetValue(subject, out var serials))
            {
                // Asked in another spelling: the index is keyed by the folded subject ID.
                var records = new List<CertificateRecord>();
                store.TryGetCertificatesBySubject(subject[..2].ToLowerInvariant() + "-" + subject[2..], records);
                serials = [.. records.Select(r => Convert.ToHexString(r.Serial.Span))];
                bySubject[subject] = serials;
            }

            if (!serials.Contains(Convert.ToHexString(Samples.Serial(n))))
            {
                lost++;
                Console.Out.WriteLine("NOT INDEXED " + n.ToString(CultureInfo.InvariantCulture));
            }
        }

        return lost;
    }
}
