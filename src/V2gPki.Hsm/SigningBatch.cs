// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Runtime.ExceptionServices;

namespace V2gPki.Hsm;

/// <summary>
/// Messages to sign with one signer, and their signatures in the same order, in one preallocated buffer. Fill it with
/// <see cref="Add"/>, sign it with <see cref="BulkSigningLane.SignAsync"/> (or <see cref="HsmSigner.SignBatchAsync"/>),
/// read the results with <see cref="GetSignature"/>, then <see cref="Clear"/> and reuse it. Not thread-safe while
/// being filled; the bulk lane's workers write disjoint entries while it is signed.
/// </summary>
public sealed class SigningBatch
{
    private readonly ReadOnlyMemory<byte>[] _inputs;
    private readonly byte[] _signatures;
    private readonly int[] _lengths;
    private readonly int _stride;
    private int _count;
    private int _signing;
    private int _pendingChunks;
    private int _completed;
    private volatile bool _aborted;
    private Exception? _error;
    private CancellationToken _cancellationToken;
    private TaskCompletionSource? _done;

    /// <summary>Creates an empty batch.</summary>
    /// <param name="signer">The signer every entry is signed with.</param>
    /// <param name="capacity">The maximum number of entries.</param>
    public SigningBatch(HsmSigner signer, int capacity)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Signer = signer;
        _stride = signer.MaxSignatureLength;
        _inputs = new ReadOnlyMemory<byte>[capacity];
        _signatures = new byte[checked(capacity * _stride)];
        _lengths = new int[capacity];
    }

    /// <summary>The signer.</summary>
    public HsmSigner Signer { get; }

    /// <summary>The maximum number of entries.</summary>
    public int Capacity => _inputs.Length;

    /// <summary>The number of entries.</summary>
    public int Count => _count;

    /// <summary>How many entries of the current or last signing run are signed (progress while it runs).</summary>
    public int CompletedCount => Volatile.Read(ref _completed);

    /// <summary>Whether the batch is being signed.</summary>
    public bool IsSigning => Volatile.Read(ref _signing) != 0;

    /// <summary>Whether the current or last signing run was cancelled or failed.</summary>
    internal bool IsAborted => _aborted;

    /// <summary>Completes when the last queued chunk of the current run is done.</summary>
    internal Task Completion => _done!.Task;

    /// <summary>Adds a message; the memory must stay unchanged until signing ends.</summary>
    /// <param name="data">The message (hashed on the host for ECDSA).</param>
    /// <returns>The entry's index, the index of its signature.</returns>
    /// <exception cref="InvalidOperationException">The batch is full or being signed.</exception>
    public int Add(ReadOnlyMemory<byte> data)
    {
        ThrowIfSigning();
        if (_count == _inputs.Length)
        {
            throw new InvalidOperationException($"The batch is full ({_inputs.Length} entries).");
        }

        _inputs[_count] = data;
        _lengths[_count] = 0;
        return _count++;
    }

    /// <summary>The signature of entry <paramref name="index"/> after a successful signing run.</summary>
    /// <param name="index">The index <see cref="Add"/> returned.</param>
    /// <returns>DER <c>ECDSA-Sig-Value</c>, or 114 raw bytes for Ed448; valid until the batch is cleared or signed again.</returns>
    /// <exception cref="InvalidOperationException">The entry is not signed.</exception>
    public ReadOnlySpan<byte> GetSignature(int index) => GetSignatureMemory(index).Span;

    /// <summary>The signature of entry <paramref name="index"/> as memory (see <see cref="GetSignature"/>).</summary>
    /// <param name="index">The index <see cref="Add"/> returned.</param>
    /// <returns>The signature.</returns>
    /// <exception cref="InvalidOperationException">The entry is not signed.</exception>
    public ReadOnlyMemory<byte> GetSignatureMemory(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _count);
        ThrowIfSigning();
        var length = _lengths[index];
        if (length == 0)
        {
            throw new InvalidOperationException($"Entry {index} of the batch is not signed.");
        }

        return new ReadOnlyMemory<byte>(_signatures, index * _stride, length);
    }

    /// <summary>Removes every entry (and drops the references to their memory).</summary>
    /// <exception cref="InvalidOperationException">The batch is being signed.</exception>
    public void Clear()
    {
        ThrowIfSigning();
        Array.Clear(_inputs, 0, _count);
        Array.Clear(_lengths, 0, _count);
        _count = 0;
        _completed = 0;
    }

    /// <summary>Starts a signing run: one hold on the completion for the producer.</summary>
    /// <param name="cancellationToken">Cancels the run.</param>
    internal void Begin(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _signing, 1, 0) != 0)
        {
            throw new InvalidOperationException("The batch is already being signed.");
        }

        Array.Clear(_lengths, 0, _count);
        _completed = 0;
        _aborted = false;
        _error = null;
        _cancellationToken = cancellationToken;
        _pendingChunks = 1;
        _done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Counts a chunk handed to the workers.</summary>
    internal void AddChunk() => Interlocked.Increment(ref _pendingChunks);

    /// <summary>Releases a chunk (or the producer's hold); the last release completes <see cref="Completion"/>.</summary>
    internal void ReleaseChunk()
    {
        if (Interlocked.Decrement(ref _pendingChunks) == 0)
        {
            _done!.TrySetResult();
        }
    }

    /// <summary>Stops the run: remaining entries are skipped; the first error is kept.</summary>
    /// <param name="error">The failure, or <see langword="null"/> for a cancellation.</param>
    internal void Abort(Exception? error)
    {
        if (error is not null)
        {
            Interlocked.CompareExchange(ref _error, error, null);
        }

        _aborted = true;
    }

    /// <summary>Signs entries [<paramref name="start"/>, <paramref name="end"/>) with one session, then releases the chunk.</summary>
    /// <param name="session">The worker's session.</param>
    /// <param name="start">The first entry.</param>
    /// <param name="end">One past the last entry.</param>
    /// <param name="gate">The token's priority gate, waited for before each signature.</param>
    internal void SignChunk(PooledSession session, int start, int end, PriorityGate gate)
    {
        var done = 0;
        try
        {
            for (var i = start; i < end; i++)
            {
                if (_aborted || _cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                gate.WaitWhileClosed();
                _lengths[i] = session.Sign(Signer, _inputs[i].Span, isHash: false, _signatures.AsSpan(i * _stride, _stride));
                done++;
            }
        }
        catch (Exception e)
        {
            // Not swallowed: the first error fails the batch's SignAsync. Catching everything keeps a bug from killing
            // the worker thread (and the process) with the batch left waiting forever.
            Abort(e);
        }
        finally
        {
            if (done > 0)
            {
                Interlocked.Add(ref _completed, done);
            }

            ReleaseChunk();
        }
    }

    /// <summary>Ends the run after <see cref="Completion"/>: throws the first error, or the cancellation.</summary>
    internal void End()
    {
        var error = _error;
        var cancelled = _cancellationToken.IsCancellationRequested && Volatile.Read(ref _completed) < _count;
        var token = _cancellationToken;
        _cancellationToken = default;
        Volatile.Write(ref _signing, 0);
        if (error is not null)
        {
            ExceptionDispatchInfo.Throw(error);
        }

        if (cancelled || _aborted)
        {
            throw new OperationCanceledException("Signing the batch was cancelled.", token);
        }
    }

    private void ThrowIfSigning()
    {
        if (IsSigning)
        {
            throw new InvalidOperationException("The batch is being signed.");
        }
    }
}
