// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Security.Cryptography;
using V2gPki.Edge.Configuration;
using V2gPki.Edge.Listeners.Est;
using V2gPki.Edge.Runtime;

namespace V2gPki.IntegrationTests.Serve;

/// <summary>
/// An EST listener of a test's own over the fixture's runtime, with the demo's configuration changed by the test (a
/// low failed-authentication limit, a trusted proxy), so that the collection's shared listener keeps its settings.
/// </summary>
internal static class OwnEstListener
{
    /// <summary>Starts one on a free port.</summary>
    /// <param name="fixture">The running server.</param>
    /// <param name="configure">Changes to <c>Listeners:Est</c>.</param>
    /// <returns>The listener; dispose it.</returns>
    public static async Task<EstListener> StartAsync(PkiServerFixture fixture, Action<EstListenerOptions> configure)
    {
        Assert.True(ConfigLoader.TryLoad(fixture.Demo.ConfigPath, out var options, out var error), error);
        var est = options.Listeners.Est!;
        est.Port = 0;
        est.AuditLogFile = Path.Combine(Path.GetTempPath(), "v2gpki-est-own-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)) + ".jsonl");
        configure(est);
        Assert.Empty(OptionsValidator.Validate(options));
        Assert.True(PartiesSetup.TryBuild(options.Parties, options.DataDir, TimeProvider.System, out var parties, out var errors), string.Join("; ", errors));
        return await EstComposition.StartAsync(est, parties!, new OwnMetrics(fixture.Runtime), CancellationToken.None);
    }

    /// <summary>The fixture's back end with a metrics registry of its own (the fixture's already counts its EST listener).</summary>
    private sealed class OwnMetrics(IIssuingBackend inner) : IIssuingBackend
    {
        public string DataDirectory => inner.DataDirectory;

        public V2gPki.Issuer.Worker.IssuingWorker Worker => inner.Worker;

        public V2gPki.Issuer.IssuerDirectory Directory => inner.Directory;

        public V2gPki.Pki.Hierarchy.CaHierarchy Hierarchy => inner.Hierarchy;

        public V2gPki.Store.ICertificateRegistry Registry => inner.Registry;

        public V2gPki.Store.IServingIndex ServingIndex => inner.ServingIndex;

        public V2gPki.Pki.Issuance.CertificateIssuer CertificateIssuer => inner.CertificateIssuer;

        public V2gPki.Metrics.MetricsRegistry MetricsRegistry { get; } = new();

        public TimeProvider Time => inner.Time;

        public Microsoft.Extensions.Logging.ILoggerFactory LoggerFactory => inner.LoggerFactory;
    }
}
