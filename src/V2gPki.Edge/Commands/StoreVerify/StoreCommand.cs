// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Edge.Commands.Serve;
using V2gPki.Edge.Listeners.Kestrel;
using V2gPki.Issuer.Verify;
using V2gPki.Metrics;

namespace V2gPki.Edge.Commands.StoreVerify;

/// <summary>
/// <c>v2gpki store verify --config &lt;file&gt;</c>: recovers the store of a data directory (read only: no worker, no
/// checkpoint) and checks every registry record against its serving entry and certificate with
/// <see cref="StoreVerifier"/>: response present, signed by a known signer of the right CA, status and times matching
/// the registry, not stale, certificate DER matching its hash.
/// </summary>
internal static class StoreCommand
{
    /// <summary>Exit status when the store verified.</summary>
    public const int ExitPassed = 0;

    /// <summary>Exit status when the verification found problems (or the store could not be opened).</summary>
    public const int ExitFindings = 1;

    /// <summary>Exit status of a usage error.</summary>
    public const int ExitUsage = 2;

    /// <summary>The help text.</summary>
    public const string Usage = """
        usage: v2gpki store verify --config <file> [--max-listed <n>]

        Recovers the store of the config's data directory (checkpoint + WAL replay, nothing written) and checks
        every certificate: a pre-signed response exists, verifies with the signer recorded for it, answers the
        registry's status, is not past nextUpdate; the stored certificate DER matches the registry. Prints counts per
        problem kind and the first problems. Run it against a stopped server (or a copy of its data directory).

        options:
          --config <file>     the server's config
          --max-listed <n>    problems listed in full (default 100)

        exit status: 0 passed, 1 problems found (or the store could not be opened), 2 usage error
        """;

    /// <summary>Runs the command.</summary>
    /// <param name="args">Arguments after <c>store</c>.</param>
    /// <param name="stdout">Where the report goes.</param>
    /// <param name="stderr">Where errors go.</param>
    /// <returns>The exit status.</returns>
    public static int Run(ReadOnlySpan<string> args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            stdout.WriteLine(Usage);
            return args.Length == 0 ? ExitUsage : ExitPassed;
        }

        if (args[0] != "verify")
        {
            stderr.WriteLine($"v2gpki store: unknown command 'store {args[0]}'");
            stderr.WriteLine(Usage);
            return ExitUsage;
        }

        if (!CommandLine.TryParse(args[1..], ["--config", "--max-listed"], [], out var cli, out var usageError))
        {
            stderr.WriteLine($"v2gpki store verify: {usageError}");
            stderr.WriteLine(Usage);
            return ExitUsage;
        }

        if (cli.Help)
        {
            stdout.WriteLine(Usage);
            return ExitPassed;
        }

        var maxListed = 100;
        if (cli.Value("--max-listed") is { } listed && (!int.TryParse(listed, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out maxListed) || maxListed > 100_000))
        {
            stderr.WriteLine($"v2gpki store verify: --max-listed '{listed}' is not a number up to 100000");
            return ExitUsage;
        }

        if (cli.Value("--config") is not { } path)
        {
            stderr.WriteLine("v2gpki store verify: missing --config <file>");
            return ExitUsage;
        }

        if (!ServeCommand.TryLoadValidated(path, out var options))
        {
            return ExitFindings;
        }

        return VerifyAsync(options, maxListed, stdout, stderr).GetAwaiter().GetResult();
    }

    private static async Task<int> VerifyAsync(Configuration.V2gPkiOptions options, int maxListed, TextWriter stdout, TextWriter stderr)
    {
        using var loggerFactory = ConsoleLogging.Create();
        var time = TimeProvider.System;
        if (!ServeCommand.TryOpenRuntime(options, time, loggerFactory, new EdgeMetrics(new MetricsRegistry()), "v2gpki store verify", out var runtime))
        {
            return ExitFindings;
        }

        await using (runtime.ConfigureAwait(false))
        {
            var recovery = await runtime.RecoverOnlyAsync().ConfigureAwait(false);
            if (recovery.Readiness != Store.StoreReadiness.Ready)
            {
                stderr.WriteLine($"v2gpki store verify: the store did not recover: {recovery.Readiness} {recovery.Error}");
                return ExitFindings;
            }

            var report = new StoreVerifier(runtime.Directory, runtime.Store, runtime.Store, time).Verify(maxListed);
            stdout.WriteLine(report.ToString());
            stdout.WriteLine(report.Passed ? "store verify: PASSED" : $"store verify: FAILED ({report.ProblemCount} problems)");
            return report.Passed ? ExitPassed : ExitFindings;
        }
    }
}
