// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers;
using V2gPki.Ocsp.Tests.Support;

namespace V2gPki.Ocsp.Tests;

/// <summary>
/// Allocation budgets of the hot path as unit tests (docs/style.md §27): zero bytes across many calls.
/// </summary>
public class OcspAllocationTests
{
    private const int Iterations = 20_000;

    private static readonly byte[] Request = new RequestBuilder().With(RequestBuilder.Sha1CertId(0x7F))
        .With(RequestBuilder.WrappedNonce(RequestBuilder.Filled(32, 0x01))).Build();

    private static readonly byte[] OddRequest = new RequestBuilder { ExplicitVersion = 0, RequestorName = true, Signature = true }
        .With(RequestBuilder.Sha1CertId()).With(RequestBuilder.Sha256CertId([0x00, 0x80]))
        .With(new RequestBuilder.ExtensionSpec("1.2.3", null, [1])).Build();

    private static readonly IssuerHashes[] Issuer =
    [
        new(OcspHashAlgorithm.Sha1, RequestBuilder.Filled(20, 1), RequestBuilder.Filled(20, 2)),
        new(OcspHashAlgorithm.Sha256, RequestBuilder.Filled(32, 3), RequestBuilder.Filled(32, 4)),
    ];

    private static readonly byte[] KeyHash = RequestBuilder.Filled(20, 9);
    private static readonly byte[] Serial = [0x01, 0x02, 0x03, 0x04];

    private static long Measure(Action<int> body) => AllocationProbe.LeastPerRound(body, Iterations);

    [Fact]
    public void TryParse_ManyRequests_AllocatesNothing()
    {
        var sink = 0;
        var allocated = Measure(_ =>
        {
            if (OcspRequestParser.TryParse(Request, out var request) == OcspParseStatus.Ok)
            {
                sink += request.Count + request.FirstCertId.SerialNumber.Length + request.Nonce.Length;
            }

            if (OcspRequestParser.TryParse(OddRequest, out request) == OcspParseStatus.Ok)
            {
                foreach (var id in request)
                {
                    sink += id.IssuerKeyHash.Length;
                }
            }
        });

        Assert.Equal(0, allocated);
        Assert.True(sink > 0);
    }

    [Fact]
    public void TryAssemble_ManyResponses_AllocatesNothing()
    {
        var signedPart = new byte[1024];
        var fields = new ResponseDataFields { ResponderId = ResponderId.ByKey(KeyHash), ProducedAt = DateTimeOffset.UnixEpoch };
        var responses = new CertificateSingleResponses(Issuer, Serial, CertStatusInfo.Good(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(10)));
        Assert.True(OcspResponseWriter.TryWriteSignedPart(signedPart, fields, responses, new FakeSigner(), out var signedLength));
        byte[] certificate = [0x30, 0x82, 0x01, 0x00, .. new byte[256]];
        var output = new byte[2048];
        var bufferWriter = new ArrayBufferWriter<byte>(4096);
        var sink = 0;

        var allocated = Measure(_ =>
        {
            sink += OcspResponseAssembler.GetLength(signedLength, certificate.Length);
            OcspResponseAssembler.TryAssemble(signedPart.AsSpan(0, signedLength), certificate, output, out var written);
            sink += written;
            bufferWriter.ResetWrittenCount();
            sink += OcspResponseAssembler.Assemble(signedPart.AsSpan(0, signedLength), certificate, bufferWriter);
        });

        Assert.Equal(0, allocated);
        Assert.True(sink > 0);
    }

    [Fact]
    public void TryWriteTbsResponseData_ManyResponses_AllocatesNothing()
    {
        var output = new byte[1024];
        var sink = 0;

        var allocated = Measure(i =>
        {
            var fields = new ResponseDataFields
            {
                ResponderId = ResponderId.ByKey(KeyHash),
                ProducedAt = DateTimeOffset.UnixEpoch.AddSeconds(i),
                NonceExtensionValue = Serial,
                ExtendedRevokedDefinition = (i & 1) == 0,
            };
            var responses = new CertificateSingleResponses(Issuer, Serial, CertStatusInfo.NotIssued(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(10)));
            OcspResponseWriter.TryWriteTbsResponseData(output, fields, responses, out var written);
            sink += written;
        });

        Assert.Equal(0, allocated);
        Assert.True(sink > 0);
    }

    [Fact]
    public void TryRead_ManyResponses_AllocatesNothing()
    {
        var signedPart = new byte[1024];
        var fields = new ResponseDataFields { ResponderId = ResponderId.ByKey(KeyHash), ProducedAt = DateTimeOffset.UnixEpoch };
        var responses = new CertificateSingleResponses(Issuer, Serial, CertStatusInfo.Good(DateTimeOffset.UnixEpoch, null));
        Assert.True(OcspResponseWriter.TryWriteSignedPart(signedPart, fields, responses, new FakeSigner(), out var signedLength));
        var response = new byte[2048];
        Assert.True(OcspResponseAssembler.TryAssemble(signedPart.AsSpan(0, signedLength), [0x30, 0x00], response, out var length));
        var sink = 0;

        var allocated = Measure(_ =>
        {
            if (OcspResponseReader.TryRead(response.AsSpan(0, length), out var info) == OcspParseStatus.Ok)
            {
                foreach (var single in info.GetResponses())
                {
                    sink += single.CertId.SerialNumber.Length;
                }
            }
        });

        Assert.Equal(0, allocated);
        Assert.True(sink > 0);
    }
}
