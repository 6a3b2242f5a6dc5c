// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using CsCheck;
using V2gPki.Ocsp.Tests.Support;

namespace V2gPki.Ocsp.Tests;

/// <summary>CsCheck properties: random valid messages round-trip writer → reader; random mutations never throw.</summary>
public class OcspPropertyTests
{
    private static readonly string[] AlgorithmOids = ["", RequestBuilder.Sha1, RequestBuilder.Sha256, "2.16.840.1.101.3.4.2.2", "2.16.840.1.101.3.4.2.3"];

    private static readonly Gen<OcspHashAlgorithm> Algorithm = Gen.OneOf(OcspHashAlgorithm.Sha1, OcspHashAlgorithm.Sha256, OcspHashAlgorithm.Sha384, OcspHashAlgorithm.Sha512);

    /// <summary>Minimal two's-complement serial contents, 1–20 octets, positive mostly, sometimes negative or zero.</summary>
    private static readonly Gen<byte[]> Serial = Gen.Select(Gen.Byte.Array[1, 19], Gen.Int[0, 9], (bytes, kind) =>
    {
        if (kind == 0)
        {
            return [0x00];
        }

        if (kind == 1)
        {
            byte[] negative = [(byte)(bytes[0] | 0x80), .. bytes[1..]];
            if (negative.Length > 1 && negative[0] == 0xFF && negative[1] >= 0x80)
            {
                negative[0] = 0xFE; // keep it minimal (X.690 §8.3.2)
            }

            return negative;
        }

        bytes[0] = (byte)Math.Max((int)bytes[0], 1);
        return (bytes[0] & 0x80) != 0 ? [0x00, .. bytes] : bytes;
    });

    private static readonly Gen<RequestBuilder.CertIdSpec> CertIdGen =
        Gen.Select(Algorithm, Gen.Bool, Gen.Byte.Array[64], Gen.Byte.Array[64], Serial, (alg, nullParams, name, key, serial) =>
        {
            var length = OcspHashAlgorithms.GetHashLength(alg);
            return new RequestBuilder.CertIdSpec(AlgorithmOids[(int)alg], nullParams, name[..length], key[..length], serial);
        });

    private sealed record RequestCase(RequestBuilder.CertIdSpec[] Ids, int NonceKind, byte[] Nonce, bool Version, bool Requestor, bool Signature, bool Unknown);

    private static readonly Gen<RequestCase> RequestGen = Gen.Select(
        CertIdGen.Array[1, 5], Gen.Int[0, 2], Gen.Byte.Array[0, 140], Gen.Bool, Gen.Bool, Gen.Bool, Gen.Bool,
        (ids, nonceKind, nonce, version, requestor, signature, unknown) => new RequestCase(ids, nonceKind, nonce, version, requestor, signature, unknown));

    private static (byte[] Der, OcspRequestQuirks Quirks, byte[]? Nonce) Build(RequestCase c)
    {
        var builder = new RequestBuilder { ExplicitVersion = c.Version ? 0 : null, RequestorName = c.Requestor, Signature = c.Signature };
        foreach (var id in c.Ids)
        {
            builder.With(id);
        }

        var quirks = (c.Version ? OcspRequestQuirks.ExplicitDefaultVersion : 0) | (c.Requestor ? OcspRequestQuirks.RequestorName : 0)
            | (c.Signature ? OcspRequestQuirks.Signature : 0) | (c.Unknown ? OcspRequestQuirks.IgnoredRequestExtension : 0);
        byte[]? nonce = null;
        if (c.NonceKind == 1)
        {
            builder.With(RequestBuilder.WrappedNonce(c.Nonce));
            nonce = c.Nonce;
        }
        else if (c.NonceKind == 2 && c.Nonce.Length > 0)
        {
            // A raw nonce whose first octet is not an OCTET STRING tag cannot be mistaken for a wrapped one.
            nonce = [(byte)(c.Nonce[0] == 0x04 ? 0x05 : c.Nonce[0]), .. c.Nonce[1..]];
            builder.With(new RequestBuilder.ExtensionSpec(RequestBuilder.NonceOid, null, nonce));
            quirks |= OcspRequestQuirks.NonceWithoutOctetString;
        }

        if (nonce is not null && (nonce.Length < 1 || nonce.Length > 128))
        {
            quirks |= OcspRequestQuirks.NonceLengthOutOfRange;
        }

        if (c.Unknown)
        {
            builder.With(new RequestBuilder.ExtensionSpec("1.3.6.1.4.1.99999.1", null, [0x05, 0x00]));
        }

        return (builder.Build(), quirks, nonce);
    }

    [Fact]
    public void TryParse_RandomValidRequests_ReturnExactlyWhatWasBuilt()
    {
        RequestGen.Sample(c =>
        {
            (var der, var quirks, var nonce) = Build(c);

            Assert.Equal(OcspParseStatus.Ok, OcspRequestParser.TryParse(der, out var request));
            Assert.Equal(quirks, request.Quirks);
            Assert.Equal(c.Ids.Length, request.Count);
            var i = 0;
            foreach (var id in request)
            {
                var spec = c.Ids[i++];
                Assert.Equal(spec.AlgorithmOid, AlgorithmOids[(int)id.HashAlgorithm]);
                Assert.Equal(Hex.Of(spec.NameHash), Hex.Of(id.IssuerNameHash));
                Assert.Equal(Hex.Of(spec.KeyHash), Hex.Of(id.IssuerKeyHash));
                Assert.Equal(Hex.Of(spec.SerialContents), Hex.Of(id.SerialNumber));
            }

            Assert.Equal(nonce is not null, request.HasNonce);
            Assert.Equal(Hex.Of(nonce ?? []), Hex.Of(request.Nonce));
            SlowRequestParser.AssertAgrees(der, request);
        }, iter: 3000);
    }

    [Fact]
    public void TryParse_RandomMutationsAndTruncations_NeverThrow()
    {
        Gen.Select(RequestGen, Gen.Int, Gen.Byte, Gen.Int[0, 4]).Sample((c, at, value, kind) =>
        {
            var der = Build(c).Der;
            var i = (int)((uint)at % (uint)der.Length);
            var mutant = kind switch
            {
                0 => der[..i],
                1 => [.. der[..i], value, .. der[(i + 1)..]],
                2 => [.. der[..i], value, .. der[i..]],
                3 => [.. der[..i], .. der[Math.Min(der.Length, i + 1 + (value % 8))..]],
                _ => [.. der, value],
            };

            if (OcspRequestParser.TryParse(mutant, out var request) == OcspParseStatus.Ok)
            {
                foreach (var id in request)
                {
                    Assert.True(id.IsValid || id.SerialNumber.Length <= CertId.MaxSerialNumberLength);
                }

                SlowRequestParser.AssertAgrees(mutant, request);
            }
            else
            {
                Assert.Null(SlowRequestParser.Parse(mutant));
            }
        }, iter: 20000);
    }

    private sealed record ResponseCase(int Kind, long ThisUpdate, long Revoked, bool HasNext, int Reason, OcspHashAlgorithm[] Algorithms, byte[] Serial, byte[] Nonce, bool Erd, bool ByName, byte[][] Certs);

    private static readonly Gen<long> Seconds = Gen.Long[-600_000_000L, 4_000_000_000L];

    private static readonly Gen<ResponseCase> ResponseGen = Gen.Select(
        Gen.Select(Gen.Int[0, 3], Seconds, Seconds, Gen.Bool, Gen.Int[-1, 10]),
        Algorithm.Array[1, 4], Serial, Gen.Byte.Array[0, 40],
        Gen.Select(Gen.Bool, Gen.Bool, Gen.Byte.Array[0, 300].Array[0, 3]),
        (a, algorithms, serial, nonce, b) => new ResponseCase(a.Item1, a.Item2, a.Item3, a.Item4, a.Item5 == 7 ? 6 : a.Item5, algorithms, serial, nonce, b.Item1, b.Item2, b.Item3));

    [Fact]
    public void Writer_RandomValidResponses_RoundTripThroughAssemblerAndReader()
    {
        var name = Hex.Parse("300F 310D 300B 0603550403 0C04 74657374");
        ResponseGen.Sample(c =>
        {
            var thisUpdate = DateTimeOffset.UnixEpoch.AddSeconds(c.ThisUpdate);
            DateTimeOffset? next = c.HasNext ? thisUpdate.AddDays(7) : null;
            var status = c.Kind switch
            {
                0 => CertStatusInfo.Good(thisUpdate, next),
                1 => CertStatusInfo.Revoked(DateTimeOffset.UnixEpoch.AddSeconds(c.Revoked), c.Reason < 0 ? null : (CrlReason)c.Reason, thisUpdate, next),
                2 => CertStatusInfo.Unknown(thisUpdate, next),
                _ => CertStatusInfo.NotIssued(thisUpdate, next),
            };
            var issuer = Array.ConvertAll(c.Algorithms, a => new IssuerHashes(a, RequestBuilder.Filled(OcspHashAlgorithms.GetHashLength(a), (byte)a), RequestBuilder.Filled(OcspHashAlgorithms.GetHashLength(a), (byte)(0x10 + (int)a))));
            var keyHash = RequestBuilder.Filled(20, 0x42);
            var fields = new ResponseDataFields
            {
                ResponderId = c.ByName ? ResponderId.ByName(name) : ResponderId.ByKey(keyHash),
                ProducedAt = thisUpdate,
                NonceExtensionValue = c.Nonce,
                ExtendedRevokedDefinition = c.Erd,
            };
            var responses = new CertificateSingleResponses(issuer, c.Serial, status);
            var signedPart = new byte[4096];
            Assert.True(OcspResponseWriter.TryWriteSignedPart(signedPart, fields, responses, new FakeSigner(), out var signedLength));
            var certificates = c.Certs.SelectMany(x => DerTree.Encode(0x30, x)).ToArray();
            var response = new byte[OcspResponseAssembler.GetLength(signedLength, certificates.Length)];
            Assert.True(OcspResponseAssembler.TryAssemble(signedPart.AsSpan(0, signedLength), certificates, response, out _));

            Assert.Equal(OcspParseStatus.Ok, OcspResponseReader.TryRead(response, out var info));
            Assert.Equal(Hex.Of(signedPart.AsSpan(0, signedLength)), Hex.Of(info.SignedPart));
            Assert.Equal(c.ByName ? ResponderIdKind.ByName : ResponderIdKind.ByKey, info.ResponderId.Kind);
            Assert.Equal(thisUpdate, info.ProducedAt);
            Assert.Equal(c.Nonce.Length > 0, info.HasNonce);
            Assert.Equal(Hex.Of(c.Nonce), Hex.Of(info.NonceExtensionValue));
            Assert.Equal(c.Erd, info.HasExtendedRevokedDefinition);
            Assert.Equal(c.Certs.Length, info.CertificateCount);
            Assert.Equal(c.Algorithms.Length, info.ResponseCount);
            var i = 0;
            foreach (var single in info.GetResponses())
            {
                Assert.True(single.CertId.Matches(issuer[i++].ToCertId(c.Serial)));
                Assert.Equal(status, single.StatusInfo);
            }
        }, iter: 2000);
    }
}
