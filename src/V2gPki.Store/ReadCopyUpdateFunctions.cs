// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using FASTER.core;

namespace V2gPki.Store;

/// <summary>
/// The write side shared by every table's FASTER callbacks: updates are never made in place. <see cref="ConcurrentWriter"/>
/// and <see cref="InPlaceUpdater"/> refuse, so every write appends a new record (read-copy-update) and a reader copying a
/// value can never see it half-written, which lets <see cref="KvTable"/> run with <c>ConcurrencyControlMode.None</c> (no
/// lock word touched per read). Subclasses define the read side: how a value is copied into <typeparamref name="TOutput"/>.
/// </summary>
/// <typeparam name="TOutput">The read output.</typeparam>
internal abstract class ReadCopyUpdateFunctions<TOutput> : FunctionsBase<SpanByte, SpanByte, SpanByte, TOutput, Empty>
{
    /// <inheritdoc />
    public sealed override bool SingleWriter(ref SpanByte key, ref SpanByte input, ref SpanByte src, ref SpanByte dst, ref TOutput output, ref UpsertInfo upsertInfo, WriteReason reason)
    {
        src.CopyTo(ref dst);
        return true;
    }

    /// <inheritdoc />
    public sealed override bool ConcurrentWriter(ref SpanByte key, ref SpanByte input, ref SpanByte src, ref SpanByte dst, ref TOutput output, ref UpsertInfo upsertInfo) => false;

    /// <inheritdoc />
    public sealed override bool InPlaceUpdater(ref SpanByte key, ref SpanByte input, ref SpanByte value, ref TOutput output, ref RMWInfo rmwInfo) => false;

    /// <inheritdoc />
    public sealed override bool SingleDeleter(ref SpanByte key, ref SpanByte value, ref DeleteInfo deleteInfo) => true;
}
