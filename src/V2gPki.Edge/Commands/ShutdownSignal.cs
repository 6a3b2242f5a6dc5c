// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Runtime.InteropServices;

namespace V2gPki.Edge.Commands;

/// <summary>Completes when the process gets SIGINT or SIGTERM (a PID-targeted kill from scripts), for a graceful stop.</summary>
internal sealed class ShutdownSignal : IDisposable
{
    private readonly TaskCompletionSource _signalled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;

    /// <summary>Registers the handlers.</summary>
    public ShutdownSignal()
    {
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
    }

    /// <summary>Completes on the first signal.</summary>
    public Task Signalled => _signalled.Task;

    /// <inheritdoc/>
    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        _signalled.TrySetResult();
    }
}
