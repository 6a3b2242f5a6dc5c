// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Diagnostics;
using System.Globalization;
using V2gPki.Store;

namespace V2gPki.TestHosts.Store;

/// <summary>
/// The child of the store kill test (<c>store-writer DIR BASE</c>): recovers the store, prints READY, then issues and
/// revokes certificates from four producers and prints <c>ACK n</c> after each revocation's WAL commit returned, until
/// it is killed.
/// </summary>
internal static class StoreWriter
{
    public static async Task<int> RunAsync(string directory, long first)
    {
        var options = Samples.Options(directory);
        options.CheckpointInterval = TimeSpan.FromMilliseconds(300);
        options.CheckpointAfterWalBytes = 256 << 10;
        var store = new FasterStore(options);
        var started = Stopwatch.GetTimestamp();
        var report = await store.RecoverAsync();
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"READY readiness={report.Readiness} checkpoint={report.CheckpointLoaded} replayed={report.EntriesReplayed} corrupt={report.CorruptEntries.Count} ms={Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0}"));
        if (report.Readiness != StoreReadiness.Ready)
        {
            return 3;
        }

        var next = first;
        var producers = new Task[4];
        for (var p = 0; p < producers.Length; p++)
        {
            producers[p] = Task.Run(async () =>
            {
                while (true)
                {
                    var n = Interlocked.Increment(ref next);
                    var issued = await store.IssueAsync(Samples.Issuance(n));
                    if (!issued.Succeeded)
                    {
                        throw new InvalidOperationException("issue " + n + ": " + issued.Status);
                    }

                    var revoked = await store.ChangeStatusAsync(Samples.Revocation(n));
                    if (!revoked.Succeeded)
                    {
                        throw new InvalidOperationException("revoke " + n + ": " + revoked.Status);
                    }

                    Console.Out.WriteLine("ACK " + n.ToString(CultureInfo.InvariantCulture));
                }
            });
        }

        await Task.WhenAll(producers); // runs until killed
        return 0;
    }
}
