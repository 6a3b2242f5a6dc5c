// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Hsm;
using V2gPki.Store;

namespace V2gPki.Issuer.Signers;

/// <summary>
/// Signs many responses of one CA in one <see cref="SigningBatch"/> on the HSM bulk lane (docs/architecture.md §3
/// pre-signing): tbsResponseData written into a reused arena, one signature each, assembled into signed parts. One
/// instance per producer (not thread-safe); the arena and batches are reused, so a wave allocates only the signed parts
/// it stores.
/// </summary>
public sealed class BulkResponseSigner
{
    private const int Slot = 1024;
    private readonly ResponseFactory _factory;
    private readonly byte[] _arena;
    private readonly int[] _lengths;
    private readonly Dictionary<HsmSigner, SigningBatch> _batches = new(ReferenceEqualityComparer.Instance);

    /// <summary>Creates a signer for batches of up to <paramref name="capacity"/> responses.</summary>
    /// <param name="factory">The response factory.</param>
    /// <param name="capacity">The largest batch.</param>
    public BulkResponseSigner(ResponseFactory factory, int capacity)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _factory = factory;
        Capacity = capacity;
        _arena = new byte[capacity * Slot];
        _lengths = new int[capacity];
    }

    /// <summary>Gets the largest batch.</summary>
    public int Capacity { get; }

    /// <summary>Signs a response for each item with the CA's current signer, on the bulk lane.</summary>
    /// <param name="issuer">The CA that issued every certificate of the batch.</param>
    /// <param name="items">The items (at most <see cref="Capacity"/>).</param>
    /// <param name="results">Receives the responses, same order.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>Success, NoSigner, ClockJumped or HsmError (then no result is valid).</returns>
    public async Task<SignOutcome> SignAsync(IssuerEntry issuer, IReadOnlyList<BulkSignItem> items, SignedResponse[] results, CancellationToken cancellationToken)
    {
        var outcome = Prepare(issuer, items, out var run);
        if (outcome != SignOutcome.Success)
        {
            return outcome;
        }

        try
        {
            await run.Signer.Signer!.SignBatchAsync(run.Batch, cancellationToken).ConfigureAwait(false);
        }
        catch (HsmException)
        {
            return SignOutcome.HsmError;
        }

        Complete(items.Count, run, results);
        return SignOutcome.Success;
    }

    /// <summary>
    /// As <see cref="SignAsync"/>, but blocks the calling thread (a dedicated worker thread) for the HSM and assembles on
    /// it, so a re-sign wave takes no thread-pool time from revocations and WAL commits.
    /// </summary>
    /// <param name="issuer">The CA.</param>
    /// <param name="items">The items.</param>
    /// <param name="results">Receives the responses.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>Success, NoSigner, ClockJumped or HsmError.</returns>
    public SignOutcome Sign(IssuerEntry issuer, IReadOnlyList<BulkSignItem> items, SignedResponse[] results, CancellationToken cancellationToken)
    {
        var outcome = Prepare(issuer, items, out var run);
        if (outcome != SignOutcome.Success)
        {
            return outcome;
        }

        try
        {
            run.Signer.Signer!.SignBatchAsync(run.Batch, cancellationToken).GetAwaiter().GetResult();
        }
        catch (HsmException)
        {
            return SignOutcome.HsmError;
        }

        Complete(items.Count, run, results);
        return SignOutcome.Success;
    }

    private SignOutcome Prepare(IssuerEntry issuer, IReadOnlyList<BulkSignItem> items, out Run run)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(items.Count, Capacity);
        run = default;
        var signer = issuer.CurrentSigner;
        if (signer?.Signer is null)
        {
            return SignOutcome.NoSigner;
        }

        if (!_factory.Clock.TryGetSigningTime(out var now))
        {
            return SignOutcome.ClockJumped;
        }

        if (now >= signer.NotAfter)
        {
            return SignOutcome.NoSigner;
        }

        var next = _factory.NextUpdate(signer, now);
        if (!_batches.TryGetValue(signer.Signer, out var batch))
        {
            batch = new SigningBatch(signer.Signer, Capacity);
            _batches[signer.Signer] = batch;
        }

        batch.Clear();
        var memory = _arena.AsMemory();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var length = ResponseFactory.WriteTbs(_arena.AsSpan(i * Slot, Slot), issuer, signer, item.Serial.Span, item.Status.ToCertStatusInfo(now, next), now);
            if (length == 0)
            {
                throw new InvalidOperationException("tbsResponseData does not fit its arena slot.");
            }

            _lengths[i] = length;
            batch.Add(memory.Slice(i * Slot, length));
        }

        run = new Run(signer, batch, now, next);
        return SignOutcome.Success;
    }

    private void Complete(int count, Run run, SignedResponse[] results)
    {
        ArgumentNullException.ThrowIfNull(results);
        for (var i = 0; i < count; i++)
        {
            results[i] = new SignedResponse(ResponseFactory.Assemble(_arena.AsSpan(i * Slot, _lengths[i]), run.Signer, run.Batch.GetSignature(i)), run.Signer.Id, run.Now, run.Next);
        }
    }

    private readonly record struct Run(DelegatedSigner Signer, SigningBatch Batch, DateTimeOffset Now, DateTimeOffset Next);
}
