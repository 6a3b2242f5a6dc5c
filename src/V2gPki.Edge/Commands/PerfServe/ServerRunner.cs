// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Edge.Configuration;
using V2gPki.Edge.Listeners.Kestrel;
using V2gPki.Edge.Listeners.Public;

namespace V2gPki.Edge.Commands.PerfServe;

/// <summary>Starts the OCSP listener over a back end, prints where it listens, and stops it on SIGINT/SIGTERM.</summary>
internal static class ServerRunner
{
    /// <summary>Runs until a shutdown signal.</summary>
    /// <param name="backend">The responder and readiness; disposed at the end.</param>
    /// <param name="listener">Address, port, limits.</param>
    /// <param name="metrics">The metrics served at <c>/metrics</c>.</param>
    /// <param name="name">The command name for messages.</param>
    /// <returns>The exit status.</returns>
    public static int Run(OcspBackend backend, ListenerOptions listener, EdgeMetrics metrics, string name) =>
        RunAsync(backend, listener, metrics, name).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(OcspBackend backend, ListenerOptions listener, EdgeMetrics metrics, string name)
    {
        using var loggerFactory = ConsoleLogging.Create();
        using var shutdown = new ShutdownSignal();
        await using (backend.ConfigureAwait(false))
        {
            IOcspHost host;
            try
            {
                host = await OcspHost.StartAsync(
                    new OcspHostSettings(backend.Responder, backend.Readiness, listener)
                    {
                        Metrics = metrics,
                        LoggerFactory = loggerFactory,
                    },
                    CancellationToken.None).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                Console.Error.WriteLine($"{name}: cannot listen on {listener.Address}:{listener.Port}: {ex.Message}");
                return 1;
            }

            await using (host.ConfigureAwait(false))
            {
                Console.Out.WriteLine($"{name}: OCSP listening on {host.BaseAddress} (pid {Environment.ProcessId})");
                Console.Out.Flush();
                await shutdown.Signalled.ConfigureAwait(false);
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await host.StopAsync(grace.Token).ConfigureAwait(false);
            }
        }

        return 0;
    }
}
