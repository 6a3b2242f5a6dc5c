// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Formats.Asn1;
using BenchmarkDotNet.Attributes;
using V2gPki.Ocsp;

namespace V2gPki.Bench.Ocsp;

/// <summary>Parsing one OCSP request down to the CertID and nonce: the span parser against AsnReader doing the same work.</summary>
[MemoryDiagnoser]
public class OcspRequestParseBenchmark
{
    private static readonly Asn1Tag Ctx2 = new(TagClass.ContextSpecific, 2, isConstructed: true);
    private readonly byte[] _request = BenchData.RequestSha1WithNonce;

    /// <summary>The same fields read with System.Formats.Asn1 (DER).</summary>
    [Benchmark(Baseline = true)]
    public int AsnReaderParse()
    {
        var outer = new AsnReader(_request, AsnEncodingRules.DER);
        var tbs = outer.ReadSequence().ReadSequence();
        var list = tbs.ReadSequence();
        var certId = list.ReadSequence().ReadSequence();
        var algorithm = certId.ReadSequence();
        var oid = algorithm.ReadObjectIdentifier();
        if (algorithm.HasData)
        {
            algorithm.ReadNull();
        }

        certId.TryReadPrimitiveOctetString(out var nameHash);
        certId.TryReadPrimitiveOctetString(out var keyHash);
        var serial = certId.ReadIntegerBytes();
        var nonceLength = 0;
        if (tbs.HasData)
        {
            var extensions = tbs.ReadSequence(Ctx2).ReadSequence();
            while (extensions.HasData)
            {
                var extension = extensions.ReadSequence();
                if (extension.ReadObjectIdentifier() == "1.3.6.1.5.5.7.48.1.2")
                {
                    extension.TryReadPrimitiveOctetString(out var value);
                    nonceLength = value.Length;
                }
            }
        }

        return oid.Length + nameHash.Length + keyHash.Length + serial.Length + nonceLength;
    }

    /// <summary>The span parser (OcspRequestParser.TryParse).</summary>
    [Benchmark]
    public int SpanParse()
    {
        OcspRequestParser.TryParse(_request, out var request);
        var id = request.FirstCertId;
        return (int)id.HashAlgorithm + id.IssuerNameHash.Length + id.IssuerKeyHash.Length + id.SerialNumber.Length + request.Nonce.Length;
    }
}
