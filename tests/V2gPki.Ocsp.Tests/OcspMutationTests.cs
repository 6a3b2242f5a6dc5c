// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Diagnostics;
using V2gPki.Ocsp.Tests.Support;
using Xunit.Abstractions;

namespace V2gPki.Ocsp.Tests;

/// <summary>
/// A bounded, structure-aware mutation run (not random bytes that die at the first tag): at least a million mutants
/// of valid requests, with a fixed printed seed, zero exceptions, and every accepted mutant re-checked against the
/// System.Formats.Asn1 slow parser.
/// </summary>
[Collection(PkiCollection.Name)]
public class OcspMutationTests(PkiFixture pki, ITestOutputHelper output)
{
    private const int Seed = 6960_5019;
    private const int RequestMutants = 1_000_000;
    private const int ResponseMutants = 200_000;

    private List<byte[]> RequestSeeds()
    {
        var seeds = new List<byte[]>();
        string[][] variants =
        [
            ["-cert", "leaf1.pem"],
            ["-sha256", "-no_nonce", "-cert", "leaf80.pem"],
            ["-cert", "leaf1.pem", "-serial", "0x80", "-sha512", "-cert", "leaf20.pem"],
        ];
        for (var i = 0; i < variants.Length; i++)
        {
            var file = $"mutation-seed-{i}.der";
            Tool.OpenSslIn(pki.Dir, ["ocsp", "-issuer", "ca.pem", .. variants[i], "-reqout", file]);
            seeds.Add(File.ReadAllBytes(pki.PathOf(file)));
        }

        seeds.Add(new RequestBuilder { ExplicitVersion = 0, RequestorName = true, Signature = true }
            .With(RequestBuilder.Sha1CertId() with { SingleExtensions = [new("1.3.6.1.5.5.7.48.1.7", null, [0x30, 0x00])] })
            .With(RequestBuilder.Sha256CertId([0x00, 0x80]))
            .With(new RequestBuilder.ExtensionSpec(RequestBuilder.NonceOid, false, [0x01, 0x02]))
            .With(new RequestBuilder.ExtensionSpec("1.3.6.1.5.5.7.48.1.4", null, [0x30, 0x00])).Build());
        seeds.Add(new RequestBuilder().With(RequestBuilder.Sha1CertId(nullParameters: false)).With(RequestBuilder.WrappedNonce(new byte[128])).Build());
        return seeds;
    }

    [Fact]
    public void TryParse_MillionStructureAwareMutants_NeverThrowsAndAgreesWithSlowParser()
    {
        var mutator = new StructureMutator(RequestSeeds(), Seed);
        var enforce = new OcspRequestOptions { EnforceNonceLength = true };
        int accepted = 0, exceptions = 0, disagreements = 0, slowOnly = 0;
        string? firstFailure = null;
        var statuses = new int[16];
        long sink = 0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < RequestMutants; i++)
        {
            var mutant = mutator.Next();
            try
            {
                var policy = (i & 1) == 0;
                var status = OcspRequestParser.TryParse(mutant, policy ? enforce : default, out var request);
                statuses[(int)status]++;
                if (status == OcspParseStatus.Ok)
                {
                    accepted++;
                    foreach (var id in request)
                    {
                        sink += id.SerialNumber.Length + id.IssuerNameHash.Length;
                    }

                    var disagreement = SlowDisagreement(mutant, request, policy);
                    if (disagreement is not null)
                    {
                        disagreements++;
                        firstFailure ??= $"disagrees ({disagreement}): " + Hex.Of(mutant);
                    }
                }
                else if (SlowRequestParser.Parse(mutant, policy) is not null)
                {
                    slowOnly++;
                    firstFailure ??= $"only the slow parser accepts ({status}): " + Hex.Of(mutant);
                }
            }
            catch (Exception e)
            {
                exceptions++;
                firstFailure ??= $"{e.GetType().Name}: {Hex.Of(mutant)}";
            }
        }

        clock.Stop();
        output.WriteLine($"seed {Seed}: {RequestMutants:N0} request mutants in {clock.Elapsed.TotalSeconds:F1} s; accepted {accepted:N0}; exceptions {exceptions}; disagreements {disagreements}; slow-only accepts {slowOnly}");
        for (var s = 0; s < statuses.Length; s++)
        {
            if (statuses[s] > 0)
            {
                output.WriteLine($"  {(OcspParseStatus)s}: {statuses[s]:N0}");
            }
        }

        Assert.True(firstFailure is null, firstFailure);
        Assert.True(accepted > 1000, "The mutator should keep some mutants valid.");
        Assert.True(sink > 0);
    }

    private static string? SlowDisagreement(byte[] mutant, OcspRequest request, bool policy)
    {
        try
        {
            SlowRequestParser.AssertAgrees(mutant, request, policy);
            return null;
        }
        catch (Xunit.Sdk.XunitException e)
        {
            return e.Message.ReplaceLineEndings(" ");
        }
    }

    [Fact]
    public void TryRead_StructureAwareResponseMutants_NeverThrow()
    {
        var seeds = new List<byte[]>
        {
            ResponseMaker.Response(pki.CaDer, pki.SignerP256, pki.Leaves[0].Serial, ResponseMaker.Good(),
                new ResponseMaker.Options { Algorithms = [OcspHashAlgorithm.Sha1, OcspHashAlgorithm.Sha256], NonceExtensionValue = [0x04, 0x01, 0x07] }),
            ResponseMaker.Response(pki.CaDer, pki.SignerEd448, pki.Leaves[1].Serial,
                CertStatusInfo.NotIssued(ResponseMaker.Now, null), new ResponseMaker.Options { ExtendedRevokedDefinition = true, ByName = true }),
            ResponseMaker.Response(pki.CaDer, pki.SignerP384, pki.Leaves[2].Serial,
                CertStatusInfo.Revoked(ResponseMaker.Now.AddDays(-1), CrlReason.KeyCompromise, ResponseMaker.Now, ResponseMaker.Now.AddDays(1)),
                new ResponseMaker.Options { IncludeCertificate = false, SingleExtensions = Hex.Parse("300F 06092B0601050507300107 04023000") }),
        };
        var mutator = new StructureMutator(seeds, Seed);
        int accepted = 0, exceptions = 0;
        string? firstFailure = null;
        long sink = 0;
        for (var i = 0; i < ResponseMutants; i++)
        {
            var mutant = mutator.Next();
            try
            {
                if (OcspResponseReader.TryRead(mutant, out var info) == OcspParseStatus.Ok)
                {
                    accepted++;
                    foreach (var single in info.GetResponses())
                    {
                        sink += single.CertId.SerialNumber.Length;
                    }

                    foreach (var certificate in info.GetCertificates())
                    {
                        sink += certificate.Length;
                    }

                    if (!info.SignedPart.IsEmpty && OcspResponseReader.TryReadSignedPart(info.SignedPart, out _) != OcspParseStatus.Ok)
                    {
                        firstFailure ??= "signed part of an accepted response is refused: " + Hex.Of(mutant);
                    }
                }

                SignedResponsePart.TryRead(mutant, out _, out _, out _);
            }
            catch (Exception e)
            {
                exceptions++;
                firstFailure ??= $"{e.GetType().Name}: {Hex.Of(mutant)}";
            }
        }

        output.WriteLine($"seed {Seed}: {ResponseMutants:N0} response mutants; accepted {accepted:N0}; exceptions {exceptions}");
        Assert.True(firstFailure is null, firstFailure);
        Assert.True(sink >= 0);
    }
}
