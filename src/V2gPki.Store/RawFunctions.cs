// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using FASTER.core;

namespace V2gPki.Store;

/// <summary>FASTER callbacks for the registry and certificate tables: whole-value copy, read-copy-update only (as <see cref="ServingFunctions"/>).</summary>
internal sealed unsafe class RawFunctions : FunctionsBase<SpanByte, SpanByte, SpanByte, RawReadOutput, Empty>
{
    /// <inheritdoc />
    public override bool SingleReader(ref SpanByte key, ref SpanByte input, ref SpanByte value, ref RawReadOutput dst, ref ReadInfo readInfo)
        => Copy(ref value, ref dst);

    /// <inheritdoc />
    public override bool ConcurrentReader(ref SpanByte key, ref SpanByte input, ref SpanByte value, ref RawReadOutput dst, ref ReadInfo readInfo)
        => Copy(ref value, ref dst);

    /// <inheritdoc />
    public override bool SingleWriter(ref SpanByte key, ref SpanByte input, ref SpanByte src, ref SpanByte dst, ref RawReadOutput output, ref UpsertInfo upsertInfo, WriteReason reason)
    {
        src.CopyTo(ref dst);
        return true;
    }

    /// <inheritdoc />
    public override bool ConcurrentWriter(ref SpanByte key, ref SpanByte input, ref SpanByte src, ref SpanByte dst, ref RawReadOutput output, ref UpsertInfo upsertInfo) => false;

    /// <inheritdoc />
    public override bool InPlaceUpdater(ref SpanByte key, ref SpanByte input, ref SpanByte value, ref RawReadOutput output, ref RMWInfo rmwInfo) => false;

    /// <inheritdoc />
    public override bool SingleDeleter(ref SpanByte key, ref SpanByte value, ref DeleteInfo deleteInfo) => true;

    private static bool Copy(ref SpanByte value, ref RawReadOutput dst)
    {
        var bytes = value.AsReadOnlySpan();
        dst.Length = bytes.Length;
        if (bytes.Length <= dst.Capacity)
            bytes.CopyTo(new Span<byte>(dst.Destination, dst.Capacity));
        return true;
    }
}
