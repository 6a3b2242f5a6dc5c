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

    private const string Synopsis = "usage: v2gpki store verify --config <file> [--max-listed <n>]";

    private const string Details = """
        Recovers the store of the config's data directory (checkpoint + WAL replay, nothing written) and checks
        every certificate: a pre-signed response exists, verifies with the signer recorded for it, answers the
        registry's status, is not past nextUpdate; the stored certificate DER matches the registry. Prints counts per
        problem kind and the first problems. Run it against a stopped server (or a copy of its data directory).
        """;

    private const string ExitStatus = "exit status: 0 passed, 1 problems found (or the store could not be opened), 2 usage error";

    private const string Examples = """
        v2gpki store verify --config var/demo/config.json
        v2gpki store verify --config /etc/v2gpki/config.json --max-listed 1000
        """;

    /// <summary>The <c>store</c> command and its <c>verify</c> subcommand.</summary>
    /// <returns>The command, for <see cref="CommandTree"/>.</returns>
    public static CliCommand Create()
    {
        var config = CliOptions.Value("--config", "file", "the server's config");
        var maxListed = CliOptions.Value("--max-listed", "n", "problems listed in full (default 100)");
        var verify = new CliCommand("verify", "recover the store read-only and check every certificate's response and DER")
        {
            Synopsis = Synopsis,
            Details = Details,
            ExitStatus = ExitStatus,
            Examples = Examples,
        };
        verify.Options.Add(config);
        verify.Options.Add(maxListed);
        verify.SetAction(parseResult => Verify(parseResult.GetValue(config), parseResult.GetValue(maxListed), parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error));

        var store = new CliCommand("store", "check the store of a data directory (store verify --config <file>)")
        {
            Synopsis = Synopsis,
            Details = Details,
            ExitStatus = ExitStatus,
            Examples = Examples,
            Wording = UsageWording.UnknownCommand,
        };
        store.Subcommands.Add(verify);
        store.Subcommands.Add(CliCommand.HelpCommand(store, hidden: true));

        // "v2gpki store" alone: its help on stdout, exit 2.
        store.SetAction(parseResult =>
        {
            store.WriteHelp(parseResult.InvocationConfiguration.Output);
            return ExitUsage;
        });
        return store;
    }

    // The checks of the values print no help after them, as before.
    private static int Verify(string? path, string? listed, TextWriter stdout, TextWriter stderr)
    {
        var maxListed = 100;
        if (listed is not null && (!int.TryParse(listed, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out maxListed) || maxListed > 100_000))
        {
            stderr.WriteLine($"v2gpki store verify: --max-listed '{listed}' is not a number up to 100000");
            return ExitUsage;
        }

        if (path is null)
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
