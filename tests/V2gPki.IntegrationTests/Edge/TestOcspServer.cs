// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using Microsoft.Extensions.Logging;
using V2gPki.Edge.Commands.PerfServe;
using V2gPki.Edge.Configuration;
using V2gPki.Edge.Listeners.Kestrel;
using V2gPki.Edge.Listeners.Public;
using V2gPki.Edge.Runtime;
using V2gPki.Metrics;

namespace V2gPki.IntegrationTests.Edge;

/// <summary>A real OCSP listener on 127.0.0.1, port 0, over the <see cref="ScriptedResponder"/>.</summary>
internal sealed class TestOcspServer : IAsyncDisposable
{
    private TestOcspServer(IOcspHost host, EdgeMetrics metrics, ScriptedResponder responder, FixedReadinessProvider readiness)
    {
        Host = host;
        Metrics = metrics;
        Responder = responder;
        Readiness = readiness;
    }

    public IOcspHost Host { get; }

    public EdgeMetrics Metrics { get; }

    public ScriptedResponder Responder { get; }

    public FixedReadinessProvider Readiness { get; }

    public Uri BaseAddress => Host.BaseAddress;

    public int Port => Host.BaseAddress.Port;

    public static async Task<TestOcspServer> StartAsync(Action<ListenerLimitsOptions>? limits = null, TimeProvider? time = null, ILoggerFactory? log = null)
    {
        var listener = new ListenerOptions { Address = "127.0.0.1", Port = 0, InlineScheduling = true };
        limits?.Invoke(listener.Limits);
        var metrics = new EdgeMetrics(new MetricsRegistry());
        var responder = new ScriptedResponder();
        var readiness = new FixedReadinessProvider(new Readiness(true, true));
        var host = await OcspHost.StartAsync(
            new OcspHostSettings(responder, readiness, listener) { Metrics = metrics, Time = time ?? TimeProvider.System, LoggerFactory = log ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance },
            CancellationToken.None);
        return new TestOcspServer(host, metrics, responder, readiness);
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
