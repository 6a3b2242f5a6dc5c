// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Globalization;
using V2gPki.Edge.Commands.Serve;
using V2gPki.Edge.Configuration;
using V2gPki.Edge.Listeners.Kestrel;
using V2gPki.Edge.Runtime;
using V2gPki.Metrics;

namespace V2gPki.Edge.Commands.PerfServe;

/// <summary>
/// <c>v2gpki perf-serve --table &lt;dir&gt;</c>: the OCSP listener over a fixed table of pre-made responses, to
/// measure the HTTP path (host, limits, headers, metrics) on its own, as nginx serving a static file measures its
/// own. Benchmark-only: it never serves a real PKI.
/// </summary>
internal static class PerfServeCommand
{
    /// <summary>The help text.</summary>
    public const string Usage = """
        usage: v2gpki perf-serve --table <dir> [--config <file>] [--address <ip>] [--port <n>]

        Benchmark mode: serves the DER responses of <dir>/<name>.resp for the DER requests <dir>/<name>.req
        (e.g. made by 'openssl ocsp -reqout' / '-respout') on the OCSP routes, with the limits, headers and
        metrics of 'serve'; other requests get 'unauthorized'. Runs until SIGINT or SIGTERM.

        options:
          --table <dir>       the request/response pairs
          --config <file>     take the OCSP listener (address, port, limits) from this config
          --address <ip>      bind address (default 127.0.0.1)
          --port <n>          port (default 8080; 0 picks a free one, printed at start)
          -h, --help          show this text
        """;

    /// <summary>Runs the command.</summary>
    /// <param name="args">Arguments after <c>perf-serve</c>.</param>
    /// <returns>0 on a clean stop, 1 on a start-up error, 2 on a usage error.</returns>
    public static int Run(ReadOnlySpan<string> args)
    {
        if (!CommandLine.TryParse(args, ["--table", "--config", "--address", "--port"], [], out var cli, out var usageError))
        {
            return UsageError(usageError!);
        }

        if (cli.Help)
        {
            Console.Out.WriteLine(Usage);
            return 0;
        }

        var table = cli.Value("--table");
        if (table is null)
        {
            return UsageError("missing --table <dir>");
        }

        V2gPkiOptions options;
        if (cli.Value("--config") is { } path)
        {
            if (!ServeCommand.TryLoadValidated(path, out options))
            {
                return 1;
            }
        }
        else
        {
            options = new V2gPkiOptions();
        }

        var listener = options.Listeners.Ocsp;
        if (cli.Value("--address") is { } address)
        {
            listener.Address = address;
        }

        if (cli.Value("--port") is { } portText)
        {
            if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
            {
                return UsageError($"--port: '{portText}' is not a port number");
            }

            listener.Port = port;
        }

        FixedTableResponder responder;
        try
        {
            responder = FixedTableResponder.Load(table);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or System.Formats.Asn1.AsnContentException)
        {
            Console.Error.WriteLine($"v2gpki perf-serve: cannot load table '{table}': {ex.Message}");
            return 1;
        }

        Console.Out.WriteLine($"v2gpki perf-serve: {responder.Count} request/response pairs from {table}");
        var backend = new OcspBackend(responder, new FixedReadinessProvider(new Readiness(true, true)), null);
        return ServerRunner.Run(backend, listener, new EdgeMetrics(new MetricsRegistry()), "v2gpki perf-serve");
    }

    private static int UsageError(string message)
    {
        Console.Error.WriteLine($"v2gpki perf-serve: {message}");
        Console.Error.WriteLine(Usage);
        return 2;
    }
}
