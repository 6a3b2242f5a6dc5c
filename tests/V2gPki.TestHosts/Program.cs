// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Globalization;
using V2gPki.TestHosts.Issuer;
using V2gPki.TestHosts.Store;

namespace V2gPki.TestHosts;

/// <summary>
/// The children the test projects start, by mode:
/// <list type="bullet">
/// <item><c>store-writer DIR BASE</c>: the store kill test's child (<see cref="StoreWriter"/>).</item>
/// <item><c>store-killtest DIR ROUNDS [SEED]</c>: the store kill test's driver, run by tests/V2gPki.Store.Tests and, in
/// the NativeAOT binary, perf-scripts/store-aot-smoke.sh: runs writers, SIGKILLs each at a random moment, then checks
/// every acknowledged revocation (<see cref="StoreKillTest"/>).</item>
/// <item><c>store-recover DIR</c>: write, checkpoint, write, reopen, check (<see cref="RecoverSmoke"/>; the NativeAOT
/// smoke).</item>
/// <item><c>store-scale DIR N [SECONDS]</c>: the store at scale (<see cref="ScaleRun"/>, perf-scripts/store-10m.sh).</item>
/// <item><c>issuer-killchild DIR run SEED | verify ACKED | scale -</c>: the issuing worker kill test's child, run by
/// tests/V2gPki.Issuer.Tests, and store verify at scale (<see cref="IssuerKillChild"/>,
/// perf-scripts/issuer-verify.sh).</item>
/// </list>
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length >= 3 && args[0] == "store-writer")
        {
            return await StoreWriter.RunAsync(args[1], long.Parse(args[2], CultureInfo.InvariantCulture));
        }

        if (args.Length >= 3 && args[0] == "store-killtest")
        {
            return await StoreKillTest.RunAsync(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : Environment.TickCount);
        }

        if (args.Length >= 3 && args[0] == "store-scale")
        {
            return await ScaleRun.RunAsync(args[1], long.Parse(args[2], CultureInfo.InvariantCulture), args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 3);
        }

        if (args.Length >= 2 && args[0] == "store-recover")
        {
            return await RecoverSmoke.RunAsync(args[1]);
        }

        if (args.Length >= 4 && args[0] == "issuer-killchild")
        {
            return await IssuerKillChild.RunAsync(args[1..]);
        }

        Console.Error.WriteLine("usage: store-writer DIR BASE | store-killtest DIR ROUNDS [SEED] | store-recover DIR | store-scale DIR N [SECONDS]"
            + " | issuer-killchild DIR run SEED | issuer-killchild DIR verify ACKED | issuer-killchild DIR scale -");
        return 2;
    }
}
