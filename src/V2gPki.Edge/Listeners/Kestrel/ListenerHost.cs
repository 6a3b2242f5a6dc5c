// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Listeners.Kestrel;

/// <summary>
/// The host of a listener built on <see cref="WebApplication"/> (the admin and the EST listener). The process's
/// SIGINT and SIGTERM belong to the command that owns the listeners (<c>ShutdownSignal</c>), which stops them in order
/// (docs/architecture.md §7, shutdown): a listener's host takes no signal of its own.
/// </summary>
internal static class ListenerHost
{
    /// <summary>
    /// <c>WebApplication.CreateSlimBuilder</c> without console logging and with <see cref="CommandOwnedLifetime"/> in place
    /// of the console lifetime.
    /// </summary>
    /// <returns>The builder.</returns>
    /// <remarks>
    /// The console lifetime the builder registers answers SIGINT, SIGTERM and SIGQUIT with <c>StopApplication</c>, and
    /// <c>Host.StartAsync</c> links its start to that stopping token: a SIGTERM while a listener was still binding
    /// cancelled the bind, the <see cref="TaskCanceledException"/> escaped the command and the runtime aborted the
    /// process (exit status 134) instead of draining and checkpointing.
    /// </remarks>
    public static WebApplicationBuilder CreateSlimBuilder()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, CommandOwnedLifetime>();
        return builder;
    }

    /// <summary>A host lifetime that waits for nothing and registers no signal handler: the command starts and stops the host.</summary>
    internal sealed class CommandOwnedLifetime : IHostLifetime
    {
        /// <inheritdoc/>
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        /// <inheritdoc/>
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
