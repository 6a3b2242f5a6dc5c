// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using FASTER.core;

namespace V2gPki.Store;

/// <summary>
/// FASTER callbacks for the serving index. Updates are never made in place: <see cref="ConcurrentWriter"/> and
/// <see cref="InPlaceUpdater"/> refuse, so every write appends a new record (read-copy-update) and a reader copying a
/// value can never see it half-written, which lets the table run with <c>ConcurrencyControlMode.None</c> (no lock word
/// touched per lookup). One instance per session: it carries the session's read token.
/// </summary>
internal sealed unsafe class ServingFunctions : FunctionsBase<SpanByte, SpanByte, SpanByte, ServingReadOutput, Empty>
{
    /// <summary>Gets or sets the token of the read in progress; bumped when a pending read is abandoned.</summary>
    public long CurrentToken { get; set; }

    /// <inheritdoc />
    public override bool SingleReader(ref SpanByte key, ref SpanByte input, ref SpanByte value, ref ServingReadOutput dst, ref ReadInfo readInfo)
        => Copy(ref value, ref dst);

    /// <inheritdoc />
    public override bool ConcurrentReader(ref SpanByte key, ref SpanByte input, ref SpanByte value, ref ServingReadOutput dst, ref ReadInfo readInfo)
        => Copy(ref value, ref dst);

    /// <inheritdoc />
    public override bool SingleWriter(ref SpanByte key, ref SpanByte input, ref SpanByte src, ref SpanByte dst, ref ServingReadOutput output, ref UpsertInfo upsertInfo, WriteReason reason)
    {
        src.CopyTo(ref dst);
        return true;
    }

    /// <inheritdoc />
    public override bool ConcurrentWriter(ref SpanByte key, ref SpanByte input, ref SpanByte src, ref SpanByte dst, ref ServingReadOutput output, ref UpsertInfo upsertInfo) => false;

    /// <inheritdoc />
    public override bool InPlaceUpdater(ref SpanByte key, ref SpanByte input, ref SpanByte value, ref ServingReadOutput output, ref RMWInfo rmwInfo) => false;

    /// <inheritdoc />
    public override bool SingleDeleter(ref SpanByte key, ref SpanByte value, ref DeleteInfo deleteInfo) => true;

    private bool Copy(ref SpanByte value, ref ServingReadOutput dst)
    {
        if (dst.Token != CurrentToken)
            return false; // completion of an abandoned pending read: its destination is gone
        var bytes = value.AsReadOnlySpan();
        if (bytes.Length < ServingValue.HeaderLength)
            return false;
        dst.Metadata = ServingValue.ReadHeader(bytes);
        var signed = bytes[ServingValue.HeaderLength..];
        if (signed.Length <= dst.Capacity)
        {
            signed.CopyTo(new Span<byte>(dst.Destination, dst.Capacity));
            dst.Copied = true;
        }

        return true;
    }
}
