// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Formats.Asn1;
using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using V2gPki.Hsm;

namespace V2gPki.Bench.Hsm;

/// <summary>
/// Raw r‖s → DER ECDSA-Sig-Value, done once per HSM signature: the span encoder against System.Formats.Asn1's
/// AsnWriter (which also needs the leading-zero trimming done by hand first, docs/nativeaot.md §4).
/// <c>dotnet run -c Release --project bench/V2gPki.Bench -- --filter '*EcdsaSignatureEncoding*'</c>
/// </summary>
[MemoryDiagnoser]
public class EcdsaSignatureEncodingBenchmark
{
    private readonly byte[] _destination = new byte[EcdsaSignatureEncoding.GetMaxDerLength(66)];
    private readonly AsnWriter _writer = new(AsnEncodingRules.DER);
    private byte[] _raw = [];

    /// <summary>Bytes of r and of s: 32 for P-256, 66 for P-521.</summary>
    [Params(32, 66)]
    public int FieldSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _raw = RandomNumberGenerator.GetBytes(2 * FieldSize);
        _raw[0] = 0x00; // the 1-in-256 case: r has a leading zero byte
        _raw[FieldSize] |= 0x80; // s needs a 00 pad
        if (FieldSize == 66)
        {
            _raw[FieldSize] = 0x01;
        }
    }

    [Benchmark(Baseline = true)]
    public int AsnWriter()
    {
        _writer.Reset();
        using (_writer.PushSequence())
        {
            _writer.WriteIntegerUnsigned(Trim(_raw.AsSpan(0, FieldSize)));
            _writer.WriteIntegerUnsigned(Trim(_raw.AsSpan(FieldSize)));
        }

        return _writer.Encode(_destination);
    }

    [Benchmark]
    public int SpanEncoder()
    {
        EcdsaSignatureEncoding.TryEncodeDer(_raw, _destination, out var written);
        return written;
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> value)
    {
        var first = value.IndexOfAnyExcept((byte)0);
        return first < 0 ? value[^1..] : value[first..];
    }
}
