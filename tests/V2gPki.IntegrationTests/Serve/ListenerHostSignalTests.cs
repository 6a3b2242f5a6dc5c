// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using V2gPki.Edge.Listeners.Kestrel;
using V2gPki.IntegrationTests.Edge;

namespace V2gPki.IntegrationTests.Serve;

/// <summary>
/// docs/architecture.md §7 (shutdown): SIGTERM belongs to the command, never to a listener's host. The admin and EST
/// listeners start after <c>v2gpki serve</c> printed "ready"; a SIGTERM right then reached the console lifetime of the
/// listener being started, which cancelled its bind, and the escaping <see cref="TaskCanceledException"/> aborted the
/// process (exit status 134). Here the signal is sent to this process while a host made by
/// <see cref="ListenerHost.CreateSlimBuilder"/> is starting, deterministically (from one of its hosted services).
/// In the serial collection: the signal goes to the whole test process, and nothing else may run beside it.
/// </summary>
[Collection(SerialCollection.Name)]
public class ListenerHostSignalTests
{
    [Fact]
    public async Task CreateSlimBuilder_SigtermWhileTheHostStarts_StartCompletesAndTheListenerServes()
    {
        var handled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Stands in for the command's ShutdownSignal; cancelling the default action keeps the test process alive.
        using var command = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            handled.TrySetResult();
        });

        var builder = ListenerHost.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddHostedService(_ => new SignalWhileStarting(handled.Task));
        await using var app = builder.Build();
        app.Run(static context =>
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        });

        await app.StartAsync();

        Assert.False(app.Lifetime.ApplicationStopping.IsCancellationRequested, "the listener's host reacted to the process's SIGTERM");
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(app.Urls.First()));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await app.StopAsync();
    }

    /// <summary>Sends SIGTERM to this process from inside the host's start, then observes the start's token as a bind does.</summary>
    private sealed class SignalWhileStarting(Task handled) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            var kill = Tool.Run("kill", "-TERM", Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
            Assert.True(kill.ExitCode == 0, kill.ToString());
            await handled.WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None);

            // Every handler of one signal runs in turn on one thread: give the others time to run before looking.
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            }
            catch (OperationCanceledException)
            {
            }

            cancellationToken.ThrowIfCancellationRequested();
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
