// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Pki.Issuance;

namespace V2gPki.Pki.Tests.Hsm;

/// <summary>The certificate rules of <c>simplereenroll</c> (RFC 7030 §4.2.2) on certificates the demo's HSM keys signed.</summary>
[Collection(PkiHsmCollection.Name)]
public sealed class RenewalTests(PkiHsmFixture fixture, OpenSslCsrFactory csrs) : IClassFixture<OpenSslCsrFactory>
{
    private DemoHierarchy Demo => fixture.Demo(DemoKind.P256);

    private IssuedCertificate IssueEvse()
    {
        var result = new CertificateIssuer(TimeProvider.System).Issue(DemoCertificates.ValidatedCsr(Demo, csrs, "evse"), Demo.Hierarchy.GetCa("cpo-sub2"));
        Assert.True(result.IsIssued, result.ToString());
        return result.Certificate;
    }

    [Fact]
    public void TryCheckCertificate_IssuedByTheCaAndValid_PassesWithTheParsedCertificate()
    {
        var issued = IssueEvse();

        Assert.True(Renewal.TryCheckCertificate(issued.Der, Demo.Hierarchy.GetCa("cpo-sub2"), DateTimeOffset.UtcNow, out var info, out var reason), reason);
        Assert.Equal(issued.Serial, info!.Serial);
    }

    [Fact]
    public void TryCheckCertificate_AnotherBranchesCa_RefusedByName()
    {
        var issued = IssueEvse();

        Assert.False(Renewal.TryCheckCertificate(issued.Der, Demo.Hierarchy.GetCa("mo-sub2"), DateTimeOffset.UtcNow, out _, out var reason));
        Assert.Contains("not issued by mo-sub2", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TryCheckCertificate_SignatureBroken_RefusedEvenThoughTheNameChains()
    {
        var der = (byte[])IssueEvse().Der.Clone();
        der[^2] ^= 0x01; // inside the ECDSA signature value

        Assert.False(Renewal.TryCheckCertificate(der, Demo.Hierarchy.GetCa("cpo-sub2"), DateTimeOffset.UtcNow, out _, out var reason));
        Assert.Contains("does not verify", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TryCheckCertificate_AfterNotAfter_RefusedAsNotValidNow()
    {
        var issued = IssueEvse();

        Assert.False(Renewal.TryCheckCertificate(issued.Der, Demo.Hierarchy.GetCa("cpo-sub2"), issued.NotAfter.AddDays(1), out _, out var reason));
        Assert.Contains("not valid now", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TryCheckCertificate_CaCertificate_Refused()
    {
        var sub2 = Demo.Hierarchy.GetCa("cpo-sub2");

        Assert.False(Renewal.TryCheckCertificate(sub2.CertificateDer, Demo.Hierarchy.GetCa("cpo-sub1"), DateTimeOffset.UtcNow, out _, out var reason));
        Assert.Contains("CA certificate", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TryCheckCertificate_Garbage_RefusedWithoutThrowing()
    {
        Assert.False(Renewal.TryCheckCertificate(new byte[] { 0x30, 0x03, 0x02, 0x01 }, Demo.Hierarchy.GetCa("cpo-sub2"), DateTimeOffset.UtcNow, out _, out var reason));
        Assert.Contains("does not parse", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void HasSameSubject_SameCsrValues_TrueAndOtherCnOrOrganization_False()
    {
        var csr = DemoCertificates.ValidatedCsr(Demo, csrs, "evse");
        var issued = IssueEvse();
        Assert.True(Renewal.TryCheckCertificate(issued.Der, Demo.Hierarchy.GetCa("cpo-sub2"), DateTimeOffset.UtcNow, out var info, out _));

        Assert.True(Renewal.HasSameSubject(info!, csr, out var reason), reason);
        Assert.False(Renewal.HasSameSubject(info!, csr with { CommonName = "DEAB7E8406488" }, out reason));
        Assert.Contains("the CSR is for DEAB7E8406488", reason, StringComparison.Ordinal);
        Assert.False(Renewal.HasSameSubject(info!, csr with { Organization = "Someone Else" }, out reason));
        Assert.Contains("(O, C) differs", reason, StringComparison.Ordinal);
    }
}
