// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Hsm;

/// <summary>
/// The priority lane of a token: sessions reserved for revocation, issuance and other latency-sensitive signatures.
/// Signing happens on the caller's thread with a session bulk work never touches, and bulk workers pause before their
/// next signature while a priority signature runs (<see cref="PriorityGate"/>), so a saturated bulk lane delays it by
/// at most the bulk signatures already in progress; callers wait only for each other when more of them sign at once
/// than there are reserved sessions.
/// </summary>
public sealed class PrioritySigningLane : IDisposable
{
    private readonly HsmToken _token;
    private readonly SessionPool _pool;
    private readonly PriorityGate _gate = new();

    internal PrioritySigningLane(HsmToken token, PooledSession[] sessions)
    {
        _token = token;
        _pool = new SessionPool(sessions);
    }

    /// <summary>The number of reserved sessions.</summary>
    public int Sessions => _pool.Count;

    /// <summary>The pool (tests close sessions underneath it).</summary>
    internal SessionPool Pool => _pool;

    /// <summary>Closed while a priority signature waits or runs; bulk workers wait for it before each signature.</summary>
    internal PriorityGate Gate => _gate;

    /// <summary>Signs a message (hashed on the host for ECDSA).</summary>
    /// <param name="signer">A signer of this lane's token.</param>
    /// <param name="data">The message.</param>
    /// <param name="destination">At least <see cref="HsmSigner.MaxSignatureLength"/> bytes.</param>
    /// <param name="bytesWritten">The signature length; 0 when the method returns <see langword="false"/>.</param>
    /// <returns><see langword="false"/> only when <paramref name="destination"/> is too small.</returns>
    /// <exception cref="HsmException">The token failed to sign.</exception>
    public bool TrySign(HsmSigner signer, ReadOnlySpan<byte> data, Span<byte> destination, out int bytesWritten) =>
        Sign(signer, data, isHash: false, destination, out bytesWritten);

    /// <summary>Signs a digest (ECDSA only).</summary>
    /// <param name="signer">A signer of this lane's token.</param>
    /// <param name="hash">The digest, <see cref="HsmSigner.HashLength"/> bytes.</param>
    /// <param name="destination">At least <see cref="HsmSigner.MaxSignatureLength"/> bytes.</param>
    /// <param name="bytesWritten">The signature length; 0 when the method returns <see langword="false"/>.</param>
    /// <returns><see langword="false"/> only when <paramref name="destination"/> is too small.</returns>
    /// <exception cref="HsmException">The token failed to sign.</exception>
    public bool TrySignHash(HsmSigner signer, ReadOnlySpan<byte> hash, Span<byte> destination, out int bytesWritten)
    {
        ArgumentNullException.ThrowIfNull(signer);
        signer.ValidateHash(hash);
        return Sign(signer, hash, isHash: true, destination, out bytesWritten);
    }

    /// <summary>
    /// Keeps bulk workers aside for a whole priority operation that goes on after its signature — a revocation's WAL
    /// commit — so that, with more busy bulk sessions than cores, a re-sign wave cannot take the CPU the commit and its
    /// acknowledgement need. Bulk work still progresses: each worker waits at most 10 ms per signature.
    /// </summary>
    /// <returns>The hold; dispose it when the operation is acknowledged.</returns>
    public PriorityHold HoldBulk() => new(_gate);

    /// <summary>Closes the reserved sessions.</summary>
    public void Dispose()
    {
        _pool.Dispose();
        _gate.Dispose();
    }

    private bool Sign(HsmSigner signer, ReadOnlySpan<byte> input, bool isHash, Span<byte> destination, out int bytesWritten)
    {
        ArgumentNullException.ThrowIfNull(signer);
        if (signer.Key.Token != _token)
        {
            throw new ArgumentException($"The signer's key is on {signer.Key.Token.Context}, not on {_token.Context}.", nameof(signer));
        }

        ObjectDisposedException.ThrowIf(_token.IsDisposed, _token);
        if (destination.Length < signer.MaxSignatureLength)
        {
            bytesWritten = 0;
            return false;
        }

        _gate.Enter();
        try
        {
            var session = _pool.Rent();
            try
            {
                bytesWritten = session.Sign(signer, input, isHash, destination);
            }
            finally
            {
                _pool.Return(session);
            }
        }
        finally
        {
            _gate.Exit();
        }

        return true;
    }
}
