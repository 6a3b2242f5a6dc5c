// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers;
using System.Formats.Asn1;
using System.Security.Cryptography;
using V2gPki.Issuer.Answering;

namespace V2gPki.Edge.Commands.PerfServe;

/// <summary>
/// A benchmark-only <see cref="IOcspResponder"/>: a fixed table of DER request → DER response pairs read at
/// start-up (<c>&lt;name&gt;.req</c> + <c>&lt;name&gt;.resp</c> in one directory, e.g. made by <c>openssl ocsp</c>).
/// It measures the HTTP path alone, as nginx serving a static file does, and is reachable only through
/// <c>v2gpki perf-serve</c>, never through <c>serve</c>. A request not in the table is answered <c>unauthorized</c>.
/// </summary>
internal sealed class FixedTableResponder : IOcspResponder
{
    private readonly Entry?[] _slots;
    private readonly int _mask;

    private FixedTableResponder(List<Entry> entries)
    {
        var size = 16;
        while (size < entries.Count * 4)
        {
            size <<= 1;
        }

        _slots = new Entry?[size];
        _mask = size - 1;
        foreach (var entry in entries)
        {
            var i = entry.Hash & _mask;
            while (_slots[i] is not null)
            {
                i = (i + 1) & _mask;
            }

            _slots[i] = entry;
        }

        Count = entries.Count;
    }

    /// <summary>The number of request/response pairs.</summary>
    public int Count { get; }

    /// <summary>Builds a table from in-memory pairs.</summary>
    /// <param name="pairs">DER request and DER response.</param>
    /// <returns>The responder.</returns>
    public static FixedTableResponder Create(IEnumerable<KeyValuePair<byte[], byte[]>> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var entries = new List<Entry>();
        foreach (var (request, response) in pairs)
        {
            entries.Add(new Entry(request, response, ReadAnswer(response)));
        }

        return new FixedTableResponder(entries);
    }

    /// <summary>Loads every <c>*.req</c> with its <c>*.resp</c> from <paramref name="directory"/>.</summary>
    /// <param name="directory">The table directory.</param>
    /// <returns>The responder.</returns>
    public static FixedTableResponder Load(string directory)
    {
        var pairs = new List<KeyValuePair<byte[], byte[]>>();
        foreach (var requestPath in Directory.EnumerateFiles(directory, "*.req"))
        {
            var responsePath = Path.ChangeExtension(requestPath, ".resp");
            if (File.Exists(responsePath))
            {
                pairs.Add(new(File.ReadAllBytes(requestPath), File.ReadAllBytes(responsePath)));
            }
        }

        if (pairs.Count == 0)
        {
            throw new InvalidDataException($"no <name>.req + <name>.resp pairs in '{directory}'");
        }

        return Create(pairs);
    }

    /// <inheritdoc/>
    public OcspReply Answer(ReadOnlySpan<byte> derRequest, IBufferWriter<byte> body)
    {
        var hash = Hash(derRequest);
        var i = hash & _mask;
        while (_slots[i] is { } entry)
        {
            if (entry.Hash == hash && entry.Request.AsSpan().SequenceEqual(derRequest))
            {
                if (entry.Answer.Outcome == OcspOutcome.Successful)
                {
                    body.Write(entry.Response);
                }

                return entry.Answer;
            }

            i = (i + 1) & _mask;
        }

        return OcspReply.Error(OcspOutcome.Unauthorized);
    }

    /// <inheritdoc/>
    public ValueTask<OcspReply> AnswerSlowAsync(ReadOnlyMemory<byte> derRequest, IBufferWriter<byte> body, CancellationToken cancellationToken) =>
        ValueTask.FromResult(OcspReply.Error(OcspOutcome.Unauthorized));

    /// <summary>Reads the outcome, thisUpdate and nextUpdate (of the first SingleResponse) of a DER OCSPResponse.</summary>
    /// <param name="response">The DER <c>OCSPResponse</c>.</param>
    /// <returns>The answer the table gives for it; the entity tag is 16 bytes of its SHA-256.</returns>
    public static OcspReply ReadAnswer(byte[] response)
    {
        var outer = new AsnReader(response, AsnEncodingRules.DER).ReadSequence();
        var status = outer.ReadEnumeratedValue<OcspOutcome>();
        if (status != OcspOutcome.Successful)
        {
            return OcspReply.Error(status);
        }

        var responseBytes = outer.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0)).ReadSequence();
        responseBytes.ReadObjectIdentifier();
        var basic = new AsnReader(responseBytes.ReadOctetString(), AsnEncodingRules.DER).ReadSequence();
        var tbs = basic.ReadSequence();
        if (tbs.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 0)))
        {
            tbs.ReadEncodedValue();
        }

        tbs.ReadEncodedValue(); // responderID
        tbs.ReadGeneralizedTime(); // producedAt
        var single = tbs.ReadSequence().ReadSequence();
        single.ReadEncodedValue(); // certID
        single.ReadEncodedValue(); // certStatus
        var thisUpdate = single.ReadGeneralizedTime();
        var nextUpdate = default(DateTimeOffset);
        if (single.HasData && single.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 0)))
        {
            nextUpdate = single.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0)).ReadGeneralizedTime();
        }

        var digest = SHA256.HashData(response);
        var tag = new UInt128(BitConverter.ToUInt64(digest, 0), BitConverter.ToUInt64(digest, 8));
        return OcspReply.Successful(thisUpdate.UtcTicks, nextUpdate == default ? 0 : nextUpdate.UtcTicks, 0, tag);
    }

    private static int Hash(ReadOnlySpan<byte> data)
    {
        var hash = default(HashCode);
        hash.AddBytes(data);
        return hash.ToHashCode() & int.MaxValue;
    }

    private sealed class Entry(byte[] request, byte[] response, OcspReply answer)
    {
        public byte[] Request { get; } = request;

        public byte[] Response { get; } = response;

        public OcspReply Answer { get; } = answer;

        public int Hash { get; } = FixedTableResponder.Hash(request);
    }
}
