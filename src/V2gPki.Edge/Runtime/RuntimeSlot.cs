// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using V2gPki.Issuer.Answering;
using V2gPki.Issuer.Crl;
using V2gPki.Metrics;

namespace V2gPki.Edge.Runtime;

/// <summary>
/// What the public listener serves: empty while the process starts (OCSP answers tryLater, <c>/ready</c> is 503, no
/// CRL), then the <see cref="PkiRuntime"/> attached to it. The listener is bound first, so the first answer comes
/// within milliseconds of exec and the bound port is known before a demo hierarchy whose AIA names it is issued;
/// the HSM, the hierarchy and store recovery follow behind it.
/// </summary>
/// <remarks>
/// Handlers of other routes (the OCPP 2.0.1 adapter, the admin API) take the slot and read <see cref="Runtime"/> per
/// request: null means "starting" (answer 503). Hot path cost: one volatile read.
/// </remarks>
internal sealed class RuntimeSlot : IOcspResponder, IReadinessProvider, ICrlSource, IMetricsSource
{
    private volatile IOcspBackend? _runtime;

    /// <summary>Gets the attached back end, or null while the process starts.</summary>
    public IOcspBackend? Runtime => _runtime;

    /// <summary>Attaches (or replaces) the back end the listener serves.</summary>
    /// <param name="runtime">The back end (a <see cref="PkiRuntime"/>), or null to detach (the listener answers tryLater again).</param>
    public void Attach(IOcspBackend? runtime) => _runtime = runtime;

    /// <inheritdoc/>
    public OcspReply Answer(ReadOnlySpan<byte> derRequest, IBufferWriter<byte> body) =>
        _runtime is { } runtime ? runtime.Responder.Answer(derRequest, body) : OcspReply.Error(OcspOutcome.TryLater);

    /// <inheritdoc/>
    public ValueTask<OcspReply> AnswerSlowAsync(ReadOnlyMemory<byte> derRequest, IBufferWriter<byte> body, CancellationToken cancellationToken) =>
        _runtime is { } runtime
            ? runtime.Responder.AnswerSlowAsync(derRequest, body, cancellationToken)
            : ValueTask.FromResult(OcspReply.Error(OcspOutcome.TryLater));

    /// <inheritdoc/>
    public Readiness GetReadiness() => _runtime is { } runtime ? runtime.Readiness.GetReadiness() : new Readiness(false, false);

    /// <inheritdoc/>
    public bool TryGetCrl(string caName, [NotNullWhen(true)] out CrlEntry? entry)
    {
        if (_runtime is { } runtime)
        {
            return runtime.Crls.TryGetCrl(caName, out entry);
        }

        entry = null;
        return false;
    }

    /// <inheritdoc/>
    public void Collect(IMetricsVisitor visitor) => _runtime?.MetricsSource.Collect(visitor);
}
