// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Edge.Configuration;
using V2gPki.Edge.Metrics;

namespace V2gPki.Edge.Hosting;

/// <summary>
/// The one place where <c>v2gpki serve</c> gets its OCSP back end. Everything else of <c>serve</c> (config,
/// listener, limits, metrics, shutdown) is done; plugging in the real responder means replacing the body of
/// <see cref="TryCreate"/> and nothing else.
/// </summary>
public static class OcspResponderComposition
{
    /// <summary>The message <c>serve</c> prints while the codec, store and HSM modules are not wired in.</summary>
    public const string NotWiredMessage =
        "the OCSP back end is not wired into this build yet (V2gPki.Ocsp parser + V2gPki.Store serving index + "
        + "V2gPki.Hsm live signer: see Hosting/OcspResponderComposition.cs); "
        + "'v2gpki perf-serve --table <dir>' serves a fixed table of pre-signed responses for HTTP benchmarks";

    /// <summary>Opens the store and the HSM described by <paramref name="options"/> and composes the responder.</summary>
    /// <param name="options">The validated configuration.</param>
    /// <param name="time">The clock.</param>
    /// <param name="metrics">Hooks for store size, pending reads, HSM lanes, queue depths.</param>
    /// <param name="backend">The back end; dispose it after the listener stopped.</param>
    /// <param name="error">Why it could not be created.</param>
    /// <returns>False with <paramref name="error"/> set when the back end cannot be created.</returns>
    public static bool TryCreate(V2gPkiOptions options, TimeProvider time, EdgeMetrics metrics, out OcspBackend? backend, out string? error)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(metrics);

        // To wire (lead, once V2gPki.Ocsp / V2gPki.Store / V2gPki.Hsm land), per STYLE.md §3:
        //   responder = new FilteringSource(issuerTable, options.Ocsp)      // unknown issuer → unauthorized, hash algorithms
        //              → StoreSource(store, signerCertificates, time)        // lookup + splice, tryLater when not ready / stale
        //              → LiveSigningSource(hsm lanes, options.Ocsp.SlowPath) // AnswerSlowAsync: never-issued, nonce, multi-CertID
        //   readiness  = store recovered && HSM logged in
        //   metrics    = metrics.StoreSize, StorePendingReads, HsmSignatures.WithLabels(lane), QueueDepth.WithLabels(queue)
        backend = null;
        error = NotWiredMessage;
        return false;
    }
}
