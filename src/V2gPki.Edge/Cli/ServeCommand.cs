// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Text.Json;
using V2gPki.Edge.Configuration;
using V2gPki.Edge.Hosting;
using V2gPki.Edge.Metrics;

namespace V2gPki.Edge.Cli;

/// <summary><c>v2gpki serve --config &lt;file&gt;</c>: runs the OCSP listener with the configured back end until SIGINT/SIGTERM.</summary>
internal static class ServeCommand
{
    /// <summary>The help text.</summary>
    public const string Usage = """
        usage: v2gpki serve --config <file> [--check-config]

        Runs the OCSP listener (POST / and /ocsp, GET /{base64} and /ocsp/{base64}, /health, /ready, /metrics)
        with the store and HSM described by the config file, until SIGINT or SIGTERM.

        options:
          --config <file>   the JSON config (comments allowed); V2GPKI_<Section>__<Key> environment
                            variables override it, e.g. V2GPKI_Listeners__Ocsp__Port=8080
          --check-config    load, validate and print the effective configuration as JSON, then exit
          -h, --help        show this text
        """;

    /// <summary>Runs the command.</summary>
    /// <param name="args">Arguments after <c>serve</c>.</param>
    /// <returns>0 on a clean stop, 1 on a start-up error, 2 on a usage error.</returns>
    public static int Run(ReadOnlySpan<string> args)
    {
        if (!CommandLine.TryParse(args, ["--config"], ["--check-config"], out var cli, out var usageError))
        {
            return UsageError(usageError!);
        }

        if (cli.Help)
        {
            Console.Out.WriteLine(Usage);
            return 0;
        }

        var path = cli.Value("--config");
        if (path is null)
        {
            return UsageError("missing --config <file>");
        }

        if (!TryLoadValidated(path, out var options))
        {
            return 1;
        }

        if (cli.Flag("--check-config"))
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(options, ConfigJsonContext.Default.V2gPkiOptions));
            return 0;
        }

        var metrics = new EdgeMetrics(new MetricsRegistry());
        if (!OcspResponderComposition.TryCreate(options, TimeProvider.System, metrics, out var backend, out var error))
        {
            Console.Error.WriteLine($"v2gpki serve: {error}");
            return 1;
        }

        return ServerRunner.Run(backend!, options.Listeners.Ocsp, metrics, OcspHostKind.Kestrel, "v2gpki serve");
    }

    /// <summary>Loads and validates the config, printing every problem to stderr.</summary>
    /// <param name="path">The config file.</param>
    /// <param name="options">The options.</param>
    /// <returns>False when the config is unusable.</returns>
    public static bool TryLoadValidated(string? path, out V2gPkiOptions options)
    {
        if (!ConfigLoader.TryLoad(path, out options, out var error))
        {
            Console.Error.WriteLine($"v2gpki: {error}");
            return false;
        }

        var problems = OptionsValidator.Validate(options);
        foreach (var problem in problems)
        {
            Console.Error.WriteLine($"v2gpki: config: {problem}");
        }

        return problems.Count == 0;
    }

    private static int UsageError(string message)
    {
        Console.Error.WriteLine($"v2gpki serve: {message}");
        Console.Error.WriteLine(Usage);
        return 2;
    }
}
