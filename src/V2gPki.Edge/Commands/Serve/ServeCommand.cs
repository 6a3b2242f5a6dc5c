// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Diagnostics;
using System.Text.Json;
using V2gPki.Edge.Configuration;
using V2gPki.Edge.Listeners.Kestrel;
using V2gPki.Edge.Runtime;
using V2gPki.Hsm;
using V2gPki.Metrics;

namespace V2gPki.Edge.Commands.Serve;

/// <summary>
/// <c>v2gpki serve --config &lt;file&gt;</c>: the public listener first (tryLater, <c>/ready</c> 503), then the PKI
/// (SoftHSM2 configuration, tokens, hierarchy, store recovery, worker, CRLs), then the admin listener; until SIGINT or
/// SIGTERM, when the listeners drain and the store is checkpointed.
/// </summary>
internal static class ServeCommand
{
    /// <summary>The <c>serve</c> command.</summary>
    /// <returns>The command, for <see cref="CommandTree"/>.</returns>
    public static CliCommand Create()
    {
        var config = CliOptions.Value("--config", "file", """
            the JSON config (comments allowed); V2GPKI_<Section>__<Key> environment
            variables override it, e.g. V2GPKI_Listeners__Ocsp__Port=8080. A relative
            DataDir is relative to the config file's directory.
            """);
        var checkConfig = CliOptions.Flag("--check-config", "load, validate and print the effective configuration as JSON, then exit");
        var command = new CliCommand("serve", "serve a data directory from a config file: OCSP, CRL, probes, admin (serve --config <file>)")
        {
            Synopsis = "usage: v2gpki serve --config <file> [--check-config]",
            Details = """
                Serves the PKI of the config's data directory (made by 'v2gpki demo' or 'v2gpki ca init'):
                  OCSP   POST / and /ocsp, GET /{base64} and /ocsp/{base64}      (RFC 6960 / RFC 5019)
                  CRL    GET /crl/<ca-name>.crl                                   (DER, ETag, Last-Modified, 304)
                  probes /health, /ready (store recovered), /metrics (Prometheus)
                  admin  its own listener (Listeners:Admin)
                until SIGINT or SIGTERM (then: drain, checkpoint the store, exit 0).
                """,
            Notes = """
                token PINs: Hsm:Tokens:<n>:PinFile or :PinEnvironmentVariable, else V2GPKI_ROOT_PIN /
                V2GPKI_ONLINE_PIN, else (demo data only) <DataDir>/hsm/demo-pins.json. PINs are never logged.
                """,
            ExitStatus = "exit status: 0 stopped by SIGINT or SIGTERM (or the configuration printed), 1 start-up error, 2 usage error",
            Examples = """
                v2gpki serve --config var/demo/config.json
                v2gpki serve --config /etc/v2gpki/config.json --check-config
                V2GPKI_Listeners__Ocsp__Port=8080 v2gpki serve --config /etc/v2gpki/config.json
                """,
        };
        command.Options.Add(config);
        command.Options.Add(checkConfig);
        command.Validators.Add(result =>
        {
            if (result.GetResult(config) is null)
            {
                result.AddError("missing --config <file>");
            }
        });
        command.SetAction(parseResult => Run(parseResult.GetValue(config)!, parseResult.GetValue(checkConfig)));
        return command;
    }

    private static int Run(string path, bool checkConfig)
    {
        if (!TryLoadValidated(path, out var options))
        {
            return 1;
        }

        if (checkConfig)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(options, ConfigJsonContext.Default.V2gPkiOptions));
            return 0;
        }

        return RunAsync(options).GetAwaiter().GetResult();
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

    private static async Task<int> RunAsync(V2gPkiOptions options)
    {
        using var loggerFactory = ConsoleLogging.Create();
        using var shutdown = new ShutdownSignal();
        var time = TimeProvider.System;
        var metrics = new EdgeMetrics(new MetricsRegistry());
        var clock = Stopwatch.StartNew();
        EdgeServer server;
        try
        {
            server = await EdgeServer.StartAsync(options, metrics, time, loggerFactory, CancellationToken.None).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            Console.Error.WriteLine($"v2gpki serve: cannot listen on {options.Listeners.Ocsp.Address}:{options.Listeners.Ocsp.Port}: {ex.Message}");
            return 1;
        }

        await using (server.ConfigureAwait(false))
        {
            Console.Out.WriteLine($"v2gpki serve: listening on {server.BaseAddress} (pid {Environment.ProcessId}); opening {options.DataDir}");
            Console.Out.Flush();
            if (!TryOpenRuntime(options, time, loggerFactory, metrics, "v2gpki serve", out var runtime))
            {
                return 1;
            }

            await using (runtime.ConfigureAwait(false))
            {
                server.Attach(runtime);
                var report = await runtime.StartAsync().ConfigureAwait(false);
                Console.Out.WriteLine(
                    $"v2gpki serve: {(report.Readiness == Store.StoreReadiness.Ready ? "ready" : "STORE " + report.Readiness + ": " + report.Error)} "
                    + $"after {clock.ElapsedMilliseconds} ms (WAL entries replayed: {report.EntriesReplayed}, recovery {report.Duration.TotalMilliseconds:F0} ms)");
                try
                {
                    await server.StartAdminAsync(runtime, CancellationToken.None).ConfigureAwait(false);
                    if (await server.StartEstAsync(options, runtime, CancellationToken.None).ConfigureAwait(false) is { } est)
                    {
                        Console.Out.WriteLine($"v2gpki serve: EST listening on {est}");
                    }
                }
                catch (Exception ex) when (ex is IOException or InvalidOperationException)
                {
                    // A port in use, an unreadable TLS certificate or parties file: say which, then stop in order.
                    Console.Error.WriteLine($"v2gpki serve: cannot start a listener: {ex.Message}");
                    return 1;
                }

                Console.Out.Flush();
                await WaitAndStopAsync(server, shutdown, "v2gpki serve").ConfigureAwait(false);
            }
        }

        Console.Out.WriteLine("v2gpki serve: stopped (store checkpointed)");
        return 0;
    }

    /// <summary>Opens the PKI of a data directory, printing why it cannot be opened.</summary>
    /// <param name="options">The configuration.</param>
    /// <param name="time">The clock.</param>
    /// <param name="loggerFactory">Logging.</param>
    /// <param name="metrics">The HTTP metrics.</param>
    /// <param name="name">The command name for messages.</param>
    /// <param name="runtime">The runtime when opened.</param>
    /// <returns>False with the reason printed to stderr.</returns>
    internal static bool TryOpenRuntime(V2gPkiOptions options, TimeProvider time, ILoggerFactory loggerFactory, EdgeMetrics metrics, string name, out PkiRuntime runtime)
    {
        try
        {
            runtime = PkiRuntime.Open(options, time, loggerFactory, metrics);
            return true;
        }
        catch (HsmException ex)
        {
            Console.Error.WriteLine($"{name}: HSM: {ex.Message}");
        }
        catch (Exception ex) when (ex is InvalidOperationException or InvalidDataException or IOException or UnauthorizedAccessException or ArgumentException or KeyNotFoundException)
        {
            Console.Error.WriteLine($"{name}: {ex.Message}");
        }

        runtime = null!;
        return false;
    }

    /// <summary>Waits for SIGINT/SIGTERM, then stops the listeners with a 5-second grace period.</summary>
    /// <param name="server">The listeners.</param>
    /// <param name="shutdown">The signal.</param>
    /// <param name="name">The command name for messages.</param>
    /// <returns>A task.</returns>
    internal static async Task WaitAndStopAsync(EdgeServer server, ShutdownSignal shutdown, string name)
    {
        await shutdown.Signalled.ConfigureAwait(false);
        Console.Out.WriteLine($"{name}: stopping (draining requests, checkpointing the store)");
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await server.StopAsync(grace.Token).ConfigureAwait(false);
    }
}
