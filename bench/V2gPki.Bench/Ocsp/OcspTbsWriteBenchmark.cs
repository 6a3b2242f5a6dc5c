// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Formats.Asn1;
using BenchmarkDotNet.Attributes;
using V2gPki.Ocsp;

namespace V2gPki.Bench.Ocsp;

/// <summary>Writing a two-CertID tbsResponseData (the pre-signer's per-certificate work before the HSM): backwards writer against AsnWriter.</summary>
[MemoryDiagnoser]
public class OcspTbsWriteBenchmark
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch.AddYears(56);
    private readonly IssuerHashes[] _issuer =
    [
        new(OcspHashAlgorithm.Sha1, new byte[20], new byte[20]),
        new(OcspHashAlgorithm.Sha256, new byte[32], new byte[32]),
    ];

    private readonly byte[] _keyHash = new byte[20];
    private readonly byte[] _serial = [0x01, 0x23, 0x45, 0x67, 0x89, 0xAB, 0xCD, 0xEF];
    private readonly byte[] _output = new byte[1024];
    private readonly AsnWriter _writer = new(AsnEncodingRules.DER);

    /// <summary>Checks that both methods produce the same bytes, so the comparison is fair.</summary>
    [GlobalSetup]
    public void CheckSameOutput()
    {
        var length = AsnWriterTbs();
        var expected = _output[..length];
        if (BackwardsWriterTbs() != length || !expected.AsSpan().SequenceEqual(_output.AsSpan(0, length)))
        {
            throw new InvalidOperationException("The benchmarked encoders disagree.");
        }
    }

    /// <summary>AsnWriter building the same bytes (pre-encoded AlgorithmIdentifiers, reused writer).</summary>
    [Benchmark(Baseline = true)]
    public int AsnWriterTbs()
    {
        var w = _writer;
        w.Reset();
        using (w.PushSequence())
        {
            using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 2)))
            {
                w.WriteOctetString(_keyHash);
            }

            w.WriteGeneralizedTime(Now, omitFractionalSeconds: true);
            using (w.PushSequence())
            {
                foreach (var issuer in _issuer)
                {
                    using (w.PushSequence())
                    {
                        using (w.PushSequence())
                        {
                            w.WriteEncodedValue(OcspHashAlgorithms.GetAlgorithmIdentifier(issuer.Algorithm));
                            w.WriteOctetString(issuer.NameHash.Span);
                            w.WriteOctetString(issuer.KeyHash.Span);
                            w.WriteInteger(_serial);
                        }

                        w.WriteNull(new Asn1Tag(TagClass.ContextSpecific, 0));
                        w.WriteGeneralizedTime(Now, omitFractionalSeconds: true);
                        using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0)))
                        {
                            w.WriteGeneralizedTime(Now.AddDays(10), omitFractionalSeconds: true);
                        }
                    }
                }
            }
        }

        w.TryEncode(_output, out var written);
        return written;
    }

    /// <summary>OcspResponseWriter.TryWriteTbsResponseData (measure pass + backwards write).</summary>
    [Benchmark]
    public int BackwardsWriterTbs()
    {
        var fields = new ResponseDataFields { ResponderId = ResponderId.ByKey(_keyHash), ProducedAt = Now };
        var responses = new CertificateSingleResponses(_issuer, _serial, CertStatusInfo.Good(Now, Now.AddDays(10)));
        OcspResponseWriter.TryWriteTbsResponseData(_output, fields, responses, out var written);
        return written;
    }
}
