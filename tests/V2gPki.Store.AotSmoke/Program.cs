// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Diagnostics;
using System.Globalization;

namespace V2gPki.Store.AotSmoke;

/// <summary>
/// Modes: <c>writer DIR BASE</c> (child: issue + revoke, print "ACK n" after each revocation's WAL commit returned),
/// <c>killtest DIR ROUNDS [SEED]</c> (driver: run a writer, SIGKILL it at a random moment, repeat, then verify every
/// acknowledged revocation), <c>verify DIR FILE</c>, and <c>recover DIR</c> (write, checkpoint, write, reopen, check).
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length >= 3 && args[0] == "writer")
            return await WriterAsync(args[1], long.Parse(args[2], CultureInfo.InvariantCulture));
        if (args.Length >= 3 && args[0] == "killtest")
            return await KillTest.RunAsync(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : Environment.TickCount);
        if (args.Length >= 3 && args[0] == "scale")
            return await ScaleRun.RunAsync(args[1], long.Parse(args[2], CultureInfo.InvariantCulture), args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 3);
        if (args.Length >= 2 && args[0] == "recover")
            return await RecoverSmoke.RunAsync(args[1]);
        Console.Error.WriteLine("usage: writer DIR BASE | killtest DIR ROUNDS [SEED] | recover DIR | scale DIR N [SECONDS]");
        return 2;
    }

    private static async Task<int> WriterAsync(string directory, long first)
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
            return 3;

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
                        throw new InvalidOperationException("issue " + n + ": " + issued.Status);
                    var revoked = await store.ChangeStatusAsync(Samples.Revocation(n));
                    if (!revoked.Succeeded)
                        throw new InvalidOperationException("revoke " + n + ": " + revoked.Status);
                    Console.Out.WriteLine("ACK " + n.ToString(CultureInfo.InvariantCulture));
                }
            });
        }

        await Task.WhenAll(producers); // runs until killed
        return 0;
    }
}
