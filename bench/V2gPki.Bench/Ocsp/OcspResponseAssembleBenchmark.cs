// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Formats.Asn1;
using BenchmarkDotNet.Attributes;
using V2gPki.Ocsp;

namespace V2gPki.Bench.Ocsp;

/// <summary>
/// Building the final OCSPResponse from a stored signed part and the signer certificate: the header-only splice
/// against AsnWriter encoding the same structure (reused writer, TryEncode into a preallocated buffer).
/// </summary>
[MemoryDiagnoser]
public class OcspResponseAssembleBenchmark
{
    private static readonly Asn1Tag Ctx0 = new(TagClass.ContextSpecific, 0, isConstructed: true);
    private readonly byte[] _signedPart = BenchData.SignedPart;
    private readonly byte[] _certificate = BenchData.SignerCertificate;
    private readonly byte[] _output = new byte[4096];
    private readonly AsnWriter _outer = new(AsnEncodingRules.DER);
    private readonly AsnWriter _basic = new(AsnEncodingRules.DER);

    /// <summary>Checks that both methods produce the same bytes, so the comparison is fair.</summary>
    [GlobalSetup]
    public void CheckSameOutput()
    {
        var length = AsnWriterAssemble();
        var expected = _output[..length];
        if (SpliceAssemble() != length || !expected.AsSpan().SequenceEqual(_output.AsSpan(0, length)))
        {
            throw new InvalidOperationException("The benchmarked encoders disagree.");
        }
    }

    /// <summary>AsnWriter: BasicOCSPResponse first (the OCTET STRING needs its bytes), then the OCSPResponse around it.</summary>
    [Benchmark(Baseline = true)]
    public int AsnWriterAssemble()
    {
        _basic.Reset();
        using (_basic.PushSequence())
        {
            _basic.WriteEncodedValue(_signedPart.AsSpan(0, TbsLength(_signedPart)));
            ReadOnlySpan<byte> rest = _signedPart.AsSpan(TbsLength(_signedPart));
            _basic.WriteEncodedValue(rest[..12]);
            _basic.WriteEncodedValue(rest[12..]);
            using (_basic.PushSequence(Ctx0))
            using (_basic.PushSequence())
            {
                _basic.WriteEncodedValue(_certificate);
            }
        }

        Span<byte> basic = stackalloc byte[2048];
        _basic.TryEncode(basic, out var basicLength);
        _outer.Reset();
        using (_outer.PushSequence())
        {
            _outer.WriteEncodedValue([0x0A, 0x01, 0x00]);
            using (_outer.PushSequence(Ctx0))
            using (_outer.PushSequence())
            {
                _outer.WriteEncodedValue([0x06, 0x09, 0x2B, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x01, 0x01]);
                _outer.WriteOctetString(basic[..basicLength]);
            }
        }

        _outer.TryEncode(_output, out var written);
        return written;
    }

    /// <summary>OcspResponseAssembler.TryAssemble: computed headers + two copies.</summary>
    [Benchmark]
    public int SpliceAssemble()
    {
        OcspResponseAssembler.TryAssemble(_signedPart, _certificate, _output, out var written);
        return written;
    }

    private static int TbsLength(ReadOnlySpan<byte> signedPart)
    {
        AsnDecoder.ReadEncodedValue(signedPart, AsnEncodingRules.DER, out _, out _, out var consumed);
        return consumed;
    }
}
