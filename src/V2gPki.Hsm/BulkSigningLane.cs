// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Collections.Concurrent;

namespace V2gPki.Hsm;

/// <summary>
/// The bulk lane of a token: batch signing (OCSP pre-signing waves, signer rollovers) spread over the bulk sessions,
/// each driven by its own worker thread. A batch is cut into chunks of consecutive entries; workers take chunks in
/// FIFO order and write each signature into its entry's slot, so results come back in input order. At most about
/// <see cref="MaxInFlight"/> signatures are queued or executing; producers wait for room (back-pressure). Workers
/// pause before each signature while a priority signature runs (strict priority on top of the reserved session).
/// </summary>
public sealed class BulkSigningLane : IDisposable
{
    /// <summary>The largest chunk: small enough that batches interleave and progress is visible, large enough to amortise hand-offs.</summary>
    internal const int MaxChunkSize = 32;

    private readonly HsmToken _token;
    private readonly PooledSession[] _sessions;
    private readonly Thread[] _workers;
    private readonly ConcurrentQueue<BatchChunk> _queue = new();
    private readonly SemaphoreSlim _queued = new(0);
    private readonly SemaphoreSlim _admission;
    private readonly PriorityGate _priorityGate;
    private volatile bool _disposed;

    internal BulkSigningLane(HsmToken token, PooledSession[] sessions, int maxInFlight, PriorityGate priorityGate)
    {
        _token = token;
        _sessions = sessions;
        _priorityGate = priorityGate;
        var chunkPermits = Math.Max(2 * sessions.Length, maxInFlight / MaxChunkSize);
        MaxInFlight = chunkPermits * MaxChunkSize;
        _admission = new SemaphoreSlim(chunkPermits, chunkPermits);
        _workers = new Thread[sessions.Length];
        for (var i = 0; i < sessions.Length; i++)
        {
            _workers[i] = new Thread(RunWorker)
            {
                IsBackground = true,
                Name = $"hsm-bulk-{token.Role}-{i}",
            };
            _workers[i].Start(sessions[i]);
        }
    }

    /// <summary>The number of bulk sessions (and worker threads).</summary>
    public int Sessions => _sessions.Length;

    /// <summary>The bound of signatures queued or executing (configured value rounded to whole chunks).</summary>
    public int MaxInFlight { get; }

    /// <summary>Chunks waiting for a worker (a metrics gauge).</summary>
    public int QueuedChunks => _queue.Count;

    /// <summary>The bulk sessions (tests close them underneath the lane).</summary>
    internal IReadOnlyList<PooledSession> SessionList => _sessions;

    /// <summary>
    /// Signs every entry of <paramref name="batch"/>. Chunks are queued as room frees up, so a large batch never holds
    /// more than <see cref="MaxInFlight"/> signatures of the lane; several batches may be signed at once.
    /// </summary>
    /// <param name="batch">A batch whose signer's key is on this token.</param>
    /// <param name="cancellationToken">Stops queueing and signing; entries signed before the cancellation stay readable.</param>
    /// <returns>A task that completes when every entry is signed.</returns>
    /// <exception cref="HsmException">The token failed to sign an entry (the rest of the batch is skipped).</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled before every entry was signed.</exception>
    public async Task SignAsync(SigningBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Signer.Key.Token != _token)
        {
            throw new ArgumentException($"The batch's key is on {batch.Signer.Key.Token.Context}, not on {_token.Context}.", nameof(batch));
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        var count = batch.Count;
        if (count == 0)
        {
            return;
        }

        batch.Begin(cancellationToken);
        var chunkSize = ChunkSize(count, _sessions.Length);
        try
        {
            for (var start = 0; start < count; start += chunkSize)
            {
                await _admission.WaitAsync(cancellationToken).ConfigureAwait(false);
                if (batch.IsAborted || _disposed)
                {
                    _admission.Release();
                    if (_disposed)
                    {
                        batch.Abort(new ObjectDisposedException(GetType().FullName));
                    }

                    break;
                }

                batch.AddChunk();
                _queue.Enqueue(new BatchChunk(batch, start, Math.Min(start + chunkSize, count)));
                _queued.Release();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            batch.Abort(null);
        }
        finally
        {
            batch.ReleaseChunk();
        }

        if (_disposed)
        {
            DrainQueue();
        }

        await batch.Completion.ConfigureAwait(false);
        batch.End();
    }

    /// <summary>
    /// Signs one message through the bulk queue and blocks the calling thread until it is done (for synchronous
    /// callers such as <c>HsmOcspSigner</c> (V2gPki.Pki) in bulk mode; it waits behind every chunk queued before it).
    /// </summary>
    /// <param name="signer">A signer of this token.</param>
    /// <param name="data">The message.</param>
    /// <param name="destination">At least <see cref="HsmSigner.MaxSignatureLength"/> bytes.</param>
    /// <param name="bytesWritten">The signature length; 0 when the method returns <see langword="false"/>.</param>
    /// <returns><see langword="false"/> only when <paramref name="destination"/> is too small.</returns>
    public bool TrySign(HsmSigner signer, ReadOnlySpan<byte> data, Span<byte> destination, out int bytesWritten)
    {
        ArgumentNullException.ThrowIfNull(signer);
        if (destination.Length < signer.MaxSignatureLength)
        {
            bytesWritten = 0;
            return false;
        }

        var batch = new SigningBatch(signer, 1);
        batch.Add(data.ToArray());
        SignAsync(batch).GetAwaiter().GetResult();
        var signature = batch.GetSignature(0);
        signature.CopyTo(destination);
        bytesWritten = signature.Length;
        return true;
    }

    /// <summary>Stops the workers, fails queued batches with <see cref="ObjectDisposedException"/> and closes the sessions.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _queued.Release(_workers.Length);
        foreach (var worker in _workers)
        {
            worker.Join();
        }

        DrainQueue();
        foreach (var session in _sessions)
        {
            session.Dispose();
        }
    }

    /// <summary>
    /// Entries per chunk: about four chunks per worker so the tail of a batch spreads over every session, at most
    /// <see cref="MaxChunkSize"/> so concurrent batches interleave.
    /// </summary>
    /// <param name="count">Entries in the batch.</param>
    /// <param name="workers">Bulk sessions.</param>
    /// <returns>The chunk size, at least 1.</returns>
    internal static int ChunkSize(int count, int workers) =>
        Math.Clamp((count + (4 * workers) - 1) / (4 * workers), 1, MaxChunkSize);

    private void DrainQueue()
    {
        while (_queue.TryDequeue(out var chunk))
        {
            chunk.Batch.Abort(new ObjectDisposedException(GetType().FullName));
            chunk.Batch.ReleaseChunk();
        }
    }

    private void RunWorker(object? state)
    {
        var session = (PooledSession)state!;
        while (true)
        {
            _queued.Wait();
            if (_disposed)
            {
                return;
            }

            if (!_queue.TryDequeue(out var chunk))
            {
                continue;
            }

            chunk.Batch.SignChunk(session, chunk.Start, chunk.End, _priorityGate);
            _admission.Release();
        }
    }
}
