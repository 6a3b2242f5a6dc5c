// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using Org.BouncyCastle.Ocsp;
using Org.BouncyCastle.X509;
using V2gPki.Ocsp.Tests.Support;

namespace V2gPki.Ocsp.Tests;

/// <summary>
/// Responses we write are accepted by openssl, GnuTLS and BouncyCastle (docs/architecture.md §4 invariant 4).
/// </summary>
[Collection(PkiCollection.Name)]
public class OcspResponseInteropTests(PkiFixture pki)
{
    private static readonly DateTimeOffset RevokedAt = new(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);

    public enum Case
    {
        Good,
        RevokedKeyCompromise,
        RevokedNoReason,
        Unknown,
        NotIssued,
    }

    private static (CertStatusInfo Status, bool ExtendedRevoke) StatusOf(Case c) => c switch
    {
        Case.Good => (ResponseMaker.Good(), false),
        Case.RevokedKeyCompromise => (CertStatusInfo.Revoked(RevokedAt, CrlReason.KeyCompromise, ResponseMaker.Now.AddHours(-1), ResponseMaker.Now.AddDays(10)), false),
        Case.RevokedNoReason => (CertStatusInfo.Revoked(RevokedAt, null, ResponseMaker.Now.AddHours(-1), ResponseMaker.Now.AddDays(10)), false),
        Case.Unknown => (CertStatusInfo.Unknown(ResponseMaker.Now.AddHours(-1), ResponseMaker.Now.AddDays(10)), false),
        _ => (CertStatusInfo.NotIssued(ResponseMaker.Now.AddHours(-1), ResponseMaker.Now.AddDays(10)), true),
    };

    private string Save(byte[] bytes, string name)
    {
        File.WriteAllBytes(pki.PathOf(name), bytes);
        return name;
    }

    private static string ExpectedOpenSslStatus(Case c) => c switch
    {
        Case.Good => "good",
        Case.Unknown => "unknown",
        _ => "revoked",
    };

    [Theory]
    [InlineData(Case.Good)]
    [InlineData(Case.RevokedKeyCompromise)]
    [InlineData(Case.RevokedNoReason)]
    [InlineData(Case.Unknown)]
    [InlineData(Case.NotIssued)]
    public void OpenSsl_VaFileSigner_VerifiesAndPrintsStatus(Case c)
    {
        (var status, var extended) = StatusOf(c);
        var response = ResponseMaker.Response(pki.CaDer, pki.SignerP256, pki.Leaves[0].Serial, status,
            new ResponseMaker.Options { ExtendedRevokedDefinition = extended });
        var file = Save(response, $"resp-va-{c}.der");

        var result = Tool.OpenSslIn(pki.Dir, "ocsp", "-respin", file, "-issuer", "ca.pem", "-cert", "leaf1.pem", "-VAfile", "signer-p256.pem");

        Assert.Contains("Response verify OK", result.All, StringComparison.Ordinal);
        Assert.Contains($"leaf1.pem: {ExpectedOpenSslStatus(c)}", result.StdOut, StringComparison.Ordinal);
        if (c == Case.RevokedKeyCompromise)
        {
            Assert.Contains("Reason: keyCompromise", result.StdOut, StringComparison.Ordinal);
            Assert.Contains("Revocation Time: Mar  4 05:06:07 2025 GMT", result.StdOut, StringComparison.Ordinal);
        }

        if (c == Case.NotIssued)
        {
            // RFC 6960 §2.2: certificateHold at the epoch, with the Extended Revoked Definition extension.
            Assert.Contains("Reason: certificateHold", result.StdOut, StringComparison.Ordinal);
            Assert.Contains("Revocation Time: Jan  1 00:00:00 1970 GMT", result.StdOut, StringComparison.Ordinal);
            var text = Tool.OpenSslIn(pki.Dir, "ocsp", "-respin", file, "-resp_text", "-noverify");
            // openssl 3.0 names id-pkix-ocsp 9 "valid" (its objects table predates RFC 6960's name).
            Assert.Matches(@"Response Extensions:\s+valid:", text.StdOut);
        }
    }

    [Theory]
    [InlineData(Case.Good)]
    [InlineData(Case.RevokedKeyCompromise)]
    [InlineData(Case.Unknown)]
    [InlineData(Case.NotIssued)]
    public void OpenSsl_CaFileAndDelegatedSignerInCerts_Verifies(Case c)
    {
        (var status, var extended) = StatusOf(c);
        var response = ResponseMaker.Response(pki.CaDer, pki.SignerP256, pki.Leaves[1].Serial, status,
            new ResponseMaker.Options { ExtendedRevokedDefinition = extended, Algorithms = [OcspHashAlgorithm.Sha1, OcspHashAlgorithm.Sha256] });
        var file = Save(response, $"resp-ca-{c}.der");

        var result = Tool.OpenSslIn(pki.Dir, "ocsp", "-respin", file, "-issuer", "ca.pem", "-cert", "leaf80.pem", "-CAfile", "ca.pem");

        Assert.Contains("Response verify OK", result.All, StringComparison.Ordinal);
        Assert.Contains($"leaf80.pem: {ExpectedOpenSslStatus(c)}", result.StdOut, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-sha1")]
    [InlineData("-sha256")]
    [InlineData("-sha384")]
    [InlineData("-sha512")]
    public void OpenSsl_OneResponseWithEveryHashAlgorithm_FoundForEachLookup(string digest)
    {
        // One signature answers every CertID hash algorithm (RFC 6960 §4.2.2.3 extra SingleResponses).
        var response = ResponseMaker.Response(pki.CaDer, pki.SignerP256, pki.Leaves[2].Serial, ResponseMaker.Good(),
            new ResponseMaker.Options { Algorithms = [OcspHashAlgorithm.Sha1, OcspHashAlgorithm.Sha256, OcspHashAlgorithm.Sha384, OcspHashAlgorithm.Sha512] });
        var file = Save(response, $"resp-multi{digest}.der");

        var result = Tool.OpenSslIn(pki.Dir, "ocsp", "-respin", file, "-issuer", "ca.pem", digest, "-cert", "leaf20.pem", "-VAfile", "signer-p256.pem");

        Assert.Contains("Response verify OK", result.All, StringComparison.Ordinal);
        Assert.Contains("leaf20.pem: good", result.StdOut, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-sha1")]
    [InlineData("-sha256")]
    public void OpenSsl_TwoCertIdResponse_FoundForSha1AndSha256(string digest)
    {
        var response = ResponseMaker.Response(pki.CaDer, pki.SignerP256, pki.Leaves[0].Serial, ResponseMaker.Good(),
            new ResponseMaker.Options { Algorithms = [OcspHashAlgorithm.Sha1, OcspHashAlgorithm.Sha256] });
        var file = Save(response, $"resp-two{digest}.der");

        var result = Tool.OpenSslIn(pki.Dir, "ocsp", "-respin", file, "-issuer", "ca.pem", digest, "-cert", "leaf1.pem", "-VAfile", "signer-p256.pem");

        Assert.Contains("leaf1.pem: good", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("Response verify OK", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenSsl_Sha256OnlyResponse_NotFoundForSha1Lookup()
    {
        // The control for the test above: without the extra SingleResponse a SHA-1 client finds nothing.
        var response = ResponseMaker.Response(pki.CaDer, pki.SignerP256, pki.Leaves[0].Serial, ResponseMaker.Good(),
            new ResponseMaker.Options { Algorithms = [OcspHashAlgorithm.Sha256] });
        var file = Save(response, "resp-sha256-only.der");

        var result = Tool.RunIn(pki.Dir, "openssl", "ocsp", "-respin", file, "-issuer", "ca.pem", "-cert", "leaf1.pem", "-VAfile", "signer-p256.pem");

        Assert.Contains("No Status found", result.All, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("p384")]
    [InlineData("p521")]
    [InlineData("ed448")]
    public void OpenSsl_OtherSignatureAlgorithms_Verify(string signerName)
    {
        var signer = signerName switch { "p384" => pki.SignerP384, "p521" => pki.SignerP521, _ => pki.SignerEd448 };
        var response = ResponseMaker.Response(pki.CaDer, signer, pki.Leaves[0].Serial, ResponseMaker.Good());
        var file = Save(response, $"resp-{signerName}.der");

        var va = Tool.OpenSslIn(pki.Dir, "ocsp", "-respin", file, "-issuer", "ca.pem", "-cert", "leaf1.pem", "-VAfile", $"{signer.Name}.pem");
        var ca = Tool.OpenSslIn(pki.Dir, "ocsp", "-respin", file, "-issuer", "ca.pem", "-cert", "leaf1.pem", "-CAfile", "ca.pem");

        Assert.Contains("Response verify OK", va.All, StringComparison.Ordinal);
        Assert.Contains("leaf1.pem: good", va.StdOut, StringComparison.Ordinal);
        Assert.Contains("Response verify OK", ca.All, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenSsl_ByNameResponderId_Verifies()
    {
        var response = ResponseMaker.Response(pki.CaDer, pki.SignerP256, pki.Leaves[0].Serial, ResponseMaker.Good(), new ResponseMaker.Options { ByName = true });
        var file = Save(response, "resp-byname.der");

        var result = Tool.OpenSslIn(pki.Dir, "ocsp", "-respin", file, "-issuer", "ca.pem", "-cert", "leaf1.pem", "-CAfile", "ca.pem");

        Assert.Contains("Response verify OK", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenSsl_NonceEchoedFromItsOwnRequest_PassesNonceCheck()
    {
        Tool.OpenSslIn(pki.Dir, "ocsp", "-issuer", "ca.pem", "-cert", "leaf1.pem", "-reqout", "req-echo.der");
        var requestDer = File.ReadAllBytes(pki.PathOf("req-echo.der"));
        Assert.Equal(OcspParseStatus.Ok, OcspRequestParser.TryParse(requestDer, out var request));
        var response = ResponseMaker.Response(pki.CaDer, pki.SignerP256, pki.Leaves[0].Serial, ResponseMaker.Good(),
            new ResponseMaker.Options { NonceExtensionValue = request.NonceExtensionValue.ToArray() });
        var file = Save(response, "resp-echo.der");

        var withoutNonce = ResponseMaker.Response(pki.CaDer, pki.SignerP256, pki.Leaves[0].Serial, ResponseMaker.Good());
        var control = Save(withoutNonce, "resp-echo-control.der");

        // No -cert here: with -cert, openssl builds a fresh request with its own nonce and ignores -reqin.
        var result = Tool.OpenSslIn(pki.Dir, "ocsp", "-reqin", "req-echo.der", "-respin", file, "-issuer", "ca.pem", "-VAfile", "signer-p256.pem");
        var missing = Tool.RunIn(pki.Dir, "openssl", "ocsp", "-reqin", "req-echo.der", "-respin", control, "-issuer", "ca.pem", "-VAfile", "signer-p256.pem");

        Assert.Contains("Response verify OK", result.All, StringComparison.Ordinal);
        Assert.DoesNotContain("nonce", result.All, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("WARNING: no nonce in response", missing.All, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--load-signer", "signer-p256.pem")]
    [InlineData("--load-trust", "ca.pem")]
    public void GnuTls_VerifyResponse_Succeeds(string option, string file)
    {
        var response = ResponseMaker.Response(pki.CaDer, pki.SignerP256, pki.Leaves[0].Serial, ResponseMaker.Good(),
            new ResponseMaker.Options { Algorithms = [OcspHashAlgorithm.Sha1, OcspHashAlgorithm.Sha256] });
        var respFile = Save(response, $"resp-gnutls{option}.der");

        var result = Tool.RunIn(pki.Dir, "ocsptool", "-e", option, file, "--load-response", respFile);

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains("Verifying OCSP Response: Success", result.All, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Case.RevokedKeyCompromise)]
    [InlineData(Case.Unknown)]
    [InlineData(Case.NotIssued)]
    public void GnuTls_ResponseInfo_ShowsStatus(Case c)
    {
        (var status, var extended) = StatusOf(c);
        var response = ResponseMaker.Response(pki.CaDer, pki.SignerEd448, pki.Leaves[0].Serial, status,
            new ResponseMaker.Options { ExtendedRevokedDefinition = extended });
        var respFile = Save(response, $"resp-gnutls-{c}.der");

        var verify = Tool.RunIn(pki.Dir, "ocsptool", "-e", "--load-signer", "signer-ed448.pem", "--load-response", respFile);
        var info = Tool.RunIn(pki.Dir, "ocsptool", "-j", "--load-response", respFile);

        Assert.Contains("Verifying OCSP Response: Success", verify.All, StringComparison.Ordinal);
        Assert.Contains(c == Case.Unknown ? "Certificate Status: unknown" : "Certificate Status: revoked", info.All, StringComparison.Ordinal);
        if (c == Case.NotIssued)
        {
            Assert.Contains("Revocation time: Thu Jan 01 00:00:00 UTC 1970", info.All, StringComparison.Ordinal);
            Assert.Contains("1.3.6.1.5.5.7.48.1.9 (not critical)", info.All, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(Case.Good)]
    [InlineData(Case.RevokedKeyCompromise)]
    [InlineData(Case.Unknown)]
    [InlineData(Case.NotIssued)]
    public void BouncyCastle_ParsesAndVerifiesSignature(Case c)
    {
        (var status, var extended) = StatusOf(c);
        foreach (var signer in new[] { pki.SignerP256, pki.SignerP384, pki.SignerP521, pki.SignerEd448 })
        {
            var response = ResponseMaker.Response(pki.CaDer, signer, pki.Leaves[0].Serial, status,
                new ResponseMaker.Options { ExtendedRevokedDefinition = extended, Algorithms = [OcspHashAlgorithm.Sha1, OcspHashAlgorithm.Sha256] });

            var resp = new OcspResp(response);
            Assert.Equal(OcspRespStatus.Successful, resp.Status);
            var basic = (BasicOcspResp)resp.GetResponseObject();
            var signerCert = new X509CertificateParser().ReadCertificate(signer.CertificateDer);
            Assert.True(basic.Verify(signerCert.GetPublicKey()), signer.Name);
            Assert.Equal(signer.CertificateDer, Assert.Single(basic.GetCerts()).GetEncoded());
            Assert.Equal(new RespID(signerCert.GetPublicKey()), basic.ResponderId);
            Assert.Equal(2, basic.Responses.Length);
            var ca = new X509CertificateParser().ReadCertificate(pki.CaDer);
            var sha1Id = new CertificateID(CertificateID.DigestSha1, ca, new Org.BouncyCastle.Math.BigInteger(1, pki.Leaves[0].Serial));
            Assert.True(sha1Id.Equals(basic.Responses[0].GetCertID()));
            var certStatus = basic.Responses[0].GetCertStatus();
            switch (c)
            {
                case Case.Good:
                    Assert.Null(certStatus);
                    break;
                case Case.Unknown:
                    Assert.IsType<UnknownStatus>(certStatus);
                    break;
                default:
                    var revoked = Assert.IsType<RevokedStatus>(certStatus);
                    Assert.Equal(c == Case.NotIssued ? (int)CrlReason.CertificateHold : (int)CrlReason.KeyCompromise, revoked.RevocationReason);
                    Assert.Equal(c == Case.NotIssued ? DateTime.UnixEpoch : RevokedAt.UtcDateTime, revoked.RevocationTime);
                    break;
            }
        }
    }

    [Theory]
    [InlineData("MalformedRequest", "malformedrequest (1)")]
    [InlineData("InternalError", "internalerror (2)")]
    [InlineData("TryLater", "trylater (3)")]
    [InlineData("SigRequired", "sigrequired (5)")]
    [InlineData("Unauthorized", "unauthorized (6)")]
    public void OpenSsl_ErrorResponses_ReadBack(string name, string printed)
    {
        var status = Enum.Parse<OcspResponseStatus>(name);
        var file = Save(OcspErrorResponses.Get(status).ToArray(), $"error-{name}.der");

        var result = Tool.RunIn(pki.Dir, "openssl", "ocsp", "-respin", file, "-resp_text", "-noverify");

        Assert.Contains($"Responder Error: {printed}", result.All, StringComparison.Ordinal);
        Assert.Equal((int)status, new OcspResp(OcspErrorResponses.Get(status).ToArray()).Status);
    }
}
