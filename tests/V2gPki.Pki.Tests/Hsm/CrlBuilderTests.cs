// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Security.Cryptography;
using Org.BouncyCastle.X509;
using V2gPki.Ocsp;
using V2gPki.Pki.Crl;
using V2gPki.Pki.Issuance;

namespace V2gPki.Pki.Tests.Hsm;

/// <summary>CRLs signed through the HSM verify with `openssl crl -verify` and GnuTLS and list the revoked serials with reasons (RFC 5280 §5).</summary>
[Collection(PkiHsmCollection.Name)]
public sealed class CrlBuilderTests(PkiHsmFixture fixture)
{
    private static readonly DateTimeOffset RevokedAt = new(2025, 5, 4, 3, 2, 1, TimeSpan.Zero);

    [Theory]
    [InlineData(DemoKind.P256)]
    [InlineData(DemoKind.P521)]
    [InlineData(DemoKind.Ed448)]
    public void Build_LeafRevocations_VerifiesAndListsSerialsWithReasons(DemoKind kind)
    {
        var demo = fixture.Demo(kind);
        var ca = demo.Hierarchy.GetCa("cpo-sub2");
        byte[] keyCompromise = SerialNumberGenerator.Next(), unspecified = SerialNumberGenerator.Next(), hold = SerialNumberGenerator.Next(), superseded = SerialNumberGenerator.Next();
        var now = DateTimeOffset.UtcNow;
        var crl = CrlBuilder.Build(ca,
            [
                new RevokedEntry(keyCompromise, RevokedAt, CrlReason.KeyCompromise),
                new RevokedEntry(unspecified, RevokedAt, CrlReason.Unspecified),
                new RevokedEntry(hold, RevokedAt, CrlReason.CertificateHold),
                new RevokedEntry(superseded, RevokedAt, CrlReason.Superseded),
            ],
            now, now.AddDays(7), 42);

        var dir = fixture.NewDirectory("crl");
        var text = VerifyWithOpenSsl(dir, crl, demo.Hierarchy.ChainOf("cpo-sub2").Select(c => c.CertificateDer));
        VerifyWithCertTool(dir, crl, ca.CertificateDer);

        Assert.Contains("X509v3 CRL Number: \n                42", text, StringComparison.Ordinal);
        Assert.Contains("X509v3 Authority Key Identifier", text, StringComparison.Ordinal);
        Assert.Equal(new[] { "Key Compromise", "(none)", "Certificate Hold", "Superseded" }, ReasonsBySerial(text, keyCompromise, unspecified, hold, superseded));

        var parsed = new X509Crl(crl);
        Assert.Equal(2, parsed.Version);
        Assert.Equal(ca.Subject, parsed.IssuerDN);
        Assert.True(parsed.IsSignatureValid(ca.PublicKey));
        Assert.Equal(4, parsed.GetRevokedCertificates().Count);
    }

    [Fact]
    public void Build_RootCrl_ListsRevokedSubCa1WithCaCompromise()
    {
        var demo = fixture.Demo(DemoKind.P256);
        var root = demo.Hierarchy.GetCa("v2g-root");
        var sub1 = demo.Hierarchy.GetCa("cpo-sub1");
        var serial = sub1.Certificate.SerialNumber.ToByteArrayUnsigned();
        var now = DateTimeOffset.UtcNow;

        var crl = CrlBuilder.Build(root, [new RevokedEntry(serial, RevokedAt, CrlReason.CACompromise)], now, now.AddDays(365), 1);

        var dir = fixture.NewDirectory("crl");
        var text = VerifyWithOpenSsl(dir, crl, [root.CertificateDer]);
        Assert.Equal(["CA Compromise"], ReasonsBySerial(text, serial));

        // openssl itself now refuses the revoked Sub-CA 1 when CRLs are checked along the chain.
        var crlPem = Path.Combine(dir, "root-crl.pem");
        File.WriteAllText(crlPem, PemOf("X509 CRL", crl));
        var anchor = ChainVerifier.Write(dir, "root", [root.CertificateDer]);
        var target = ChainVerifier.Write(dir, "sub1", [sub1.CertificateDer]);
        (var exit, var output) = Tool.Run("openssl", "verify", "-crl_check", "-CAfile", anchor, "-CRLfile", crlPem, target);
        Assert.NotEqual(0, exit);
        Assert.Contains("certificate revoked", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SubCa1Crl_ListsRevokedSubCa2AndOpenSslRefusesItsLeaves()
    {
        var demo = fixture.Demo(DemoKind.P256);
        var sub1 = demo.Hierarchy.GetCa("mo-sub1");
        var sub2 = demo.Hierarchy.GetCa("mo-sub2");
        var serial = sub2.Certificate.SerialNumber.ToByteArrayUnsigned();
        var now = DateTimeOffset.UtcNow;
        var sequence = new FileCrlNumberSequence(fixture.NewDirectory("crlnumbers"));

        var crl = CrlBuilder.Build(sub1, [new RevokedEntry(serial, RevokedAt, CrlReason.Superseded)], now, new CrlOptions().NextUpdate(now, offlineCa: true), sequence.Reserve(sub1.Name));

        var dir = fixture.NewDirectory("crl");
        var text = VerifyWithOpenSsl(dir, crl, demo.Hierarchy.ChainOf("mo-sub1").Select(c => c.CertificateDer));
        Assert.Equal(["Superseded"], ReasonsBySerial(text, serial));
        Assert.Contains("X509v3 CRL Number: \n                1\n", text, StringComparison.Ordinal);

        var crlPem = Path.Combine(dir, "mo-sub1-crl.pem");
        File.WriteAllText(crlPem, PemOf("X509 CRL", crl));
        var anchor = ChainVerifier.Write(dir, "anchor", demo.Hierarchy.ChainOf("mo-sub1").Select(c => c.CertificateDer));
        var target = ChainVerifier.Write(dir, "sub2", [sub2.CertificateDer]);
        (var exit, var output) = Tool.Run("openssl", "verify", "-crl_check", "-CAfile", anchor, "-CRLfile", crlPem, target);
        Assert.NotEqual(0, exit);
        Assert.Contains("certificate revoked", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NoEntries_VerifiesAndSignsOnceThroughTheHsm()
    {
        var demo = fixture.Demo(DemoKind.P256);
        var real = demo.Hierarchy.GetCa("mo-sub2");
        var counting = new CountingSigner(real.Signer!);
        var ca = new IssuingCa(real.Name, real.Profile, real.CertificateDer, counting, real.IssuerId);
        var now = DateTimeOffset.UtcNow;

        var crl = CrlBuilder.Build(ca, [], now, now.AddDays(7), 1);

        Assert.Equal(1, counting.Count);
        var text = VerifyWithOpenSsl(fixture.NewDirectory("crl"), crl, demo.Hierarchy.ChainOf("mo-sub2").Select(c => c.CertificateDer));
        Assert.Contains("No Revoked Certificates.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_CorruptedHsmSignature_Throws()
    {
        var real = fixture.Demo(DemoKind.P256).Hierarchy.GetCa("mo-sub2");
        var ca = new IssuingCa(real.Name, real.Profile, real.CertificateDer, new CountingSigner(real.Signer!, corrupt: true), real.IssuerId);

        Assert.Throws<CryptographicException>(() => CrlBuilder.Build(ca, [], DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1), 1));
    }

    [Fact]
    public void Build_InvalidInput_Refused()
    {
        var ca = fixture.Demo(DemoKind.P256).Hierarchy.GetCa("cpo-sub2");
        var now = DateTimeOffset.UtcNow;
        var serial = SerialNumberGenerator.Next();

        Assert.Throws<ArgumentException>(() => CrlBuilder.Build(ca, [], now, now, 1));
        Assert.Throws<ArgumentException>(() => CrlBuilder.Build(ca, [new RevokedEntry(serial, now, CrlReason.RemoveFromCrl)], now, now.AddDays(1), 1));
        Assert.Throws<ArgumentException>(() => CrlBuilder.Build(ca, [new RevokedEntry(serial, now, CrlReason.KeyCompromise), new RevokedEntry(serial, now, CrlReason.Superseded)], now, now.AddDays(1), 1));
        var external = new IssuingCa(ca.Name, ca.Profile, ca.CertificateDer, null, ca.IssuerId);
        Assert.Throws<InvalidOperationException>(() => CrlBuilder.Build(external, [], now, now.AddDays(1), 1));
    }

    private static string VerifyWithOpenSsl(string dir, byte[] crl, IEnumerable<ReadOnlyMemory<byte>> chain)
    {
        var crlFile = Path.Combine(dir, $"crl-{Guid.NewGuid():N}.der");
        File.WriteAllBytes(crlFile, crl);
        var caFile = ChainVerifier.Write(dir, "crl-ca", chain);
        (var exit, var output) = Tool.Run("openssl", "crl", "-inform", "DER", "-in", crlFile, "-CAfile", caFile, "-noout", "-verify");
        Assert.True(exit == 0 && output.Contains("verify OK", StringComparison.Ordinal), "openssl crl -verify: " + output);
        (exit, output) = Tool.Run("openssl", "crl", "-inform", "DER", "-in", crlFile, "-noout", "-text");
        Assert.Equal(0, exit);
        return output;
    }

    private static void VerifyWithCertTool(string dir, byte[] crl, ReadOnlyMemory<byte> ca)
    {
        var crlFile = Path.Combine(dir, $"crl-{Guid.NewGuid():N}.pem");
        File.WriteAllText(crlFile, PemOf("X509 CRL", crl));
        var caFile = ChainVerifier.Write(dir, "crl-issuer", [ca]);
        (var exit, var output) = Tool.Run("certtool", "--verify-crl", "--load-ca-certificate", caFile, "--infile", crlFile);
        Assert.True(exit == 0 && output.Contains("Verification output: Verified.", StringComparison.Ordinal), "certtool --verify-crl: " + output);
    }

    // openssl crl -text: "Serial Number: <HEX>" then "Revocation Date: …" and, with a reason, "X509v3 CRL Reason Code:" and the reason.
    private static string[] ReasonsBySerial(string text, params byte[][] serials)
    {
        var lines = text.Split('\n').Select(l => l.Trim()).ToArray();
        var reasons = new List<string>();
        foreach (var serial in serials)
        {
            var at = Array.IndexOf(lines, "Serial Number: " + Convert.ToHexString(serial));
            Assert.True(at >= 0, $"serial {Convert.ToHexString(serial)} not listed in:\n{text}");
            Assert.StartsWith("Revocation Date: May  4 03:02:01 2025 GMT", lines[at + 1], StringComparison.Ordinal);
            reasons.Add(at + 3 < lines.Length && lines[at + 2] == "CRL entry extensions:" && lines[at + 3] == "X509v3 CRL Reason Code:" ? lines[at + 4] : "(none)");
        }

        return [.. reasons];
    }

    private static string PemOf(string label, byte[] der) => V2gPki.Pki.Hierarchy.Pem.Encode(label, der);
}
