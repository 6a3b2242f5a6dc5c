// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Listeners.Kestrel;

/// <summary>A running OCSP listener.</summary>
internal interface IOcspHost : IAsyncDisposable
{
    /// <summary>The bound address, e.g. <c>http://127.0.0.1:8080/</c> (the real port when 0 was configured).</summary>
    Uri BaseAddress { get; }

    /// <summary>Stops accepting, lets requests in flight finish, closes connections.</summary>
    /// <param name="cancellationToken">Makes the stop ungraceful when signalled.</param>
    /// <returns>Completes when stopped.</returns>
    Task StopAsync(CancellationToken cancellationToken);
}
