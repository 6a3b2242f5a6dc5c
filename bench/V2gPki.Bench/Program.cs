// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using BenchmarkDotNet.Running;
using V2gPki.Bench.Hsm;
using V2gPki.Bench.Pki;

namespace V2gPki.Bench;

/// <summary>
/// BenchmarkDotNet entry point: <c>dotnet run -c Release --project bench/V2gPki.Bench -- --filter '*'</c>;
/// <c>-- hsm</c> runs the multi-session HSM sign-rate harness instead (Hsm/HsmSignRateHarness.cs); <c>-- pki</c> the
/// issuance-from-CSR harness (Pki/PkiIssuanceHarness.cs); <c>-- issuer</c> the pre-sign throughput and revocation
/// latency harness (Issuer/IssuerHarness.cs). The kill-test children live in tests/V2gPki.TestHosts.
/// </summary>
public static class Program
{
    /// <summary>Runs the benchmarks selected on the command line.</summary>
    public static async Task Main(string[] args)
    {
        try
        {
            await RunAsync(args).ConfigureAwait(false);
        }
        catch (ArgumentException e)
        {
            // A mistyped harness option (BenchArgs): say which, not a stack trace.
            await Console.Error.WriteLineAsync("bench: " + e.Message).ConfigureAwait(false);
            Environment.ExitCode = 2;
        }
    }

    private static async Task RunAsync(string[] args)
    {
        if (args.Length > 0 && args[0] == "hsm")
        {
            await HsmSignRateHarness.RunAsync(args[1..]).ConfigureAwait(false);
            return;
        }

        if (args.Length > 0 && args[0] == "pki")
        {
            PkiIssuanceHarness.Run(args[1..]);
            return;
        }

        if (args.Length > 0 && args[0] == "issuer")
        {
            await V2gPki.Bench.Issuer.IssuerHarness.RunAsync(args[1..]).ConfigureAwait(false);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
