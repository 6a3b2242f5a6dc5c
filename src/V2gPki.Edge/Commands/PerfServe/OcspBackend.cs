// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.


using V2gPki.Edge.Runtime;
using V2gPki.Issuer.Answering;

namespace V2gPki.Edge.Commands.PerfServe;

/// <summary>What answers OCSP behind the listener: the responder, its readiness, and what must be closed at shutdown.</summary>
/// <param name="responder">The responder (parser + store + splice + live signer).</param>
/// <param name="readiness">Store recovered, HSM logged in.</param>
/// <param name="resources">Disposed after the listener stopped (store, HSM sessions); may be null.</param>
internal sealed class OcspBackend(IOcspResponder responder, IReadinessProvider readiness, IAsyncDisposable? resources) : IAsyncDisposable
{
    /// <summary>The responder.</summary>
    public IOcspResponder Responder { get; } = responder ?? throw new ArgumentNullException(nameof(responder));

    /// <summary>The readiness provider.</summary>
    public IReadinessProvider Readiness { get; } = readiness ?? throw new ArgumentNullException(nameof(readiness));

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => resources?.DisposeAsync() ?? ValueTask.CompletedTask;
}
