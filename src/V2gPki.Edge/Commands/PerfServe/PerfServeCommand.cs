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
    /// <summary>The <c>perf-serve</c> command.</summary>
    /// <returns>The command, for <see cref="CommandTree"/>.</returns>
    public static CliCommand Create()
    {
        var table = CliOptions.Value("--table", "dir", "the request/response pairs");
        var config = CliOptions.Value("--config", "file", "take the OCSP listener (address, port, limits) from this config");
        var address = CliOptions.Value("--address", "ip", "bind address (default 127.0.0.1)");
        var port = CliOptions.Value("--port", "n", "port (default 8080; 0 picks a free one, printed at start)");
        var command = new CliCommand("perf-serve", "diagnostic, for benchmarks: the OCSP listener over a fixed table of responses (no PKI)")
        {
            Synopsis = "usage: v2gpki perf-serve --table <dir> [--config <file>] [--address <ip>] [--port <n>]",
            Details = """
                Benchmark mode: serves the DER responses of <dir>/<name>.resp for the DER requests <dir>/<name>.req
                (e.g. made by 'openssl ocsp -reqout' / '-respout') on the OCSP routes, with the limits, headers and
                metrics of 'serve'; other requests get 'unauthorized'. Runs until SIGINT or SIGTERM.
                """,
            ExitStatus = "exit status: 0 stopped by SIGINT or SIGTERM, 1 start-up error (table or config unreadable, cannot listen), 2 usage error",
            Examples = """
                v2gpki perf-serve --table perf/table --port 0
                v2gpki perf-serve --table perf/table --config var/demo/config.json
                """,
        };
        command.Options.Add(table);
        command.Options.Add(config);
        command.Options.Add(address);
        command.Options.Add(port);
        command.Validators.Add(result =>
        {
            if (CliOptions.LastValue(result, table) is null)
            {
                result.AddError("missing --table <dir>");
            }
            else if (CliOptions.LastValue(result, port) is { } portText && !TryPort(portText, out _))
            {
                result.AddError($"--port: '{portText}' is not a port number");
            }
        });
        command.SetAction(parseResult => Run(parseResult.GetValue(table)!, parseResult.GetValue(config), parseResult.GetValue(address), parseResult.GetValue(port)));
        return command;
    }

    private static int Run(string table, string? configPath, string? address, string? portText)
    {
        V2gPkiOptions options;
        if (configPath is not null)
        {
            if (!ServeCommand.TryLoadValidated(configPath, out options))
            {
                return 1;
            }
        }
        else
        {
            options = new V2gPkiOptions();
        }

        var listener = options.Listeners.Ocsp;
        if (address is not null)
        {
            listener.Address = address;
        }

        if (portText is not null && TryPort(portText, out var port))
        {
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

    private static bool TryPort(string text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port <= 65535;
}
