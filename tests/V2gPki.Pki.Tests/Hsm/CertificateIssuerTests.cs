// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using Microsoft.Extensions.Time.Testing;
using V2gPki.Pki.Issuance;
using V2gPki.Pki.Lint;
using V2gPki.Pki.Profiles;

namespace V2gPki.Pki.Tests.Hsm;

/// <summary>CertificateIssuer with the real cpo-sub2 / mo-sub2 HSM keys of the P-256 demo, wrapped to count signatures.</summary>
[Collection(PkiHsmCollection.Name)]
public sealed class CertificateIssuerTests(PkiHsmFixture fixture, OpenSslCsrFactory csrs) : IClassFixture<OpenSslCsrFactory>
{
    private DemoHierarchy Demo => fixture.Demo(DemoKind.P256);

    private (IssuingCa Ca, CountingSigner Signer) Counted(string name, bool corrupt = false)
    {
        var ca = Demo.Hierarchy.GetCa(name);
        var signer = new CountingSigner(ca.Signer!, corrupt);
        return (new IssuingCa(ca.Name, ca.Profile, ca.CertificateDer, signer, ca.IssuerId), signer);
    }

    [Fact]
    public void Issue_ConformingCsr_SignsOnceAndVerifies()
    {
        (var ca, var signer) = Counted("cpo-sub2");
        var result = new CertificateIssuer(TimeProvider.System).Issue(DemoCertificates.ValidatedCsr(Demo, csrs, "evse"), ca);

        Assert.True(result.IsIssued, result.ToString());
        Assert.Equal(1, signer.Count);
        Assert.Equal("DEAB7E8406487", result.Certificate.CommonName);
        Assert.True(result.Certificate.Certificate.IsSignatureValid(ca.PublicKey));
        Assert.Equal(result.Certificate.Serial, result.Certificate.Certificate.SerialNumber.ToByteArrayUnsigned());
    }

    [Fact]
    public void Issue_CnNotNormalised_RefusedByLintAndHsmNeverCalled()
    {
        (var ca, var signer) = Counted("cpo-sub2");
        var csr = DemoCertificates.ValidatedCsr(Demo, csrs, "evse") with { CommonName = "DE*AB7*E840*6487" };

        var result = new CertificateIssuer(TimeProvider.System).Issue(csr, ca);

        Assert.Equal(IssuanceStatus.LintRefused, result.Status);
        Assert.Contains(result.Findings, f => f.Code == LintCode.SubjectId);
        Assert.Equal(0, signer.Count);
    }

    [Fact]
    public void Issue_EmaidAsEvseCn_RefusedByLintAndHsmNeverCalled()
    {
        (var ca, var signer) = Counted("cpo-sub2");
        var csr = DemoCertificates.ValidatedCsr(Demo, csrs, "evse") with { CommonName = "NLTNM000122045U" };

        var result = new CertificateIssuer(TimeProvider.System).Issue(csr, ca);

        Assert.Equal(IssuanceStatus.LintRefused, result.Status);
        Assert.Contains(result.Findings, f => f.Code == LintCode.SubjectId);
        Assert.Equal(0, signer.Count);
    }

    [Fact]
    public void IssueForKey_P521KeyForIso2Profile_RefusedAndHsmNeverCalled()
    {
        (var ca, var signer) = Counted("cpo-sub2");
        var evse = Demo.Hierarchy.GetProfile(CertificateKind.Evse);

        var result = new CertificateIssuer(TimeProvider.System).IssueForKey(evse, csrs.PublicKeyDer("P-521"), new SubjectValues("DEAB7E8406487", "Acme", "DE"), ca);

        Assert.Equal(IssuanceStatus.LintRefused, result.Status);
        Assert.Equal(LintCode.KeyAlgorithm, Assert.Single(result.Findings).Code);
        Assert.Equal(0, signer.Count);
    }

    [Fact]
    public void Issue_CorruptedHsmSignature_DiscardedAsSignatureInvalid()
    {
        (var ca, var signer) = Counted("cpo-sub2", corrupt: true);

        var result = new CertificateIssuer(TimeProvider.System).Issue(DemoCertificates.ValidatedCsr(Demo, csrs, "evse"), ca);

        Assert.Equal(IssuanceStatus.SignatureInvalid, result.Status);
        Assert.Null(result.Certificate);
        Assert.Equal(1, signer.Count);
    }

    [Fact]
    public void Issue_FirstSerialsInUse_DrawsAnotherAndChecksUnderTheIssuer()
    {
        (var ca, _) = Counted("cpo-sub2");
        var check = new ScriptedSerialCheck(inUse: 3);

        var result = new CertificateIssuer(TimeProvider.System, check).Issue(DemoCertificates.ValidatedCsr(Demo, csrs, "evse"), ca);

        Assert.True(result.IsIssued, result.ToString());
        Assert.Equal(4, check.Seen.Count);
        Assert.Equal(4, check.Seen.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Convert.ToHexString(result.Certificate.Serial), check.Seen[^1]);
        Assert.All(check.Issuers, id => Assert.Equal(ca.IssuerId, id));
    }

    [Fact]
    public void Issue_EverySerialInUse_SerialExhaustedWithoutSigning()
    {
        (var ca, var signer) = Counted("cpo-sub2");
        var check = new ScriptedSerialCheck(inUse: int.MaxValue);

        var result = new CertificateIssuer(TimeProvider.System, check).Issue(DemoCertificates.ValidatedCsr(Demo, csrs, "evse"), ca);

        Assert.Equal(IssuanceStatus.SerialExhausted, result.Status);
        Assert.Equal(CertificateIssuer.MaxSerialAttempts, check.Seen.Count);
        Assert.Equal(0, signer.Count);
    }

    [Fact]
    public void Issue_ContractEndRequested_NotAfterIsTheContractEnd()
    {
        (var ca, _) = Counted("mo-sub2");
        var end = new DateTimeOffset(DateTime.UtcNow.Year + 3, 3, 31, 23, 59, 59, TimeSpan.Zero);

        var result = new CertificateIssuer(TimeProvider.System).Issue(DemoCertificates.ValidatedCsr(Demo, csrs, "contract"), ca, end);

        Assert.True(result.IsIssued, result.ToString());
        Assert.Equal(end, result.Certificate.NotAfter);
        Assert.Equal(end.UtcDateTime, result.Certificate.Certificate.NotAfter);
    }

    [Fact]
    public void Issue_ContractEndBeyondIssuer_CappedAtIssuerNotAfter()
    {
        (var ca, _) = Counted("mo-sub2");

        var result = new CertificateIssuer(TimeProvider.System).Issue(DemoCertificates.ValidatedCsr(Demo, csrs, "contract"), ca, ca.NotAfter.AddYears(5));

        Assert.True(result.IsIssued, result.ToString());
        Assert.Equal(ca.NotAfter, result.Certificate.NotAfter);
    }

    [Fact]
    public void Issue_ContractEndInThePast_ValidityEmptyWithoutSigning()
    {
        (var ca, var signer) = Counted("mo-sub2");

        var result = new CertificateIssuer(TimeProvider.System).Issue(DemoCertificates.ValidatedCsr(Demo, csrs, "contract"), ca, DateTimeOffset.UtcNow.AddDays(-1));

        Assert.Equal(IssuanceStatus.ValidityEmpty, result.Status);
        Assert.Equal(0, signer.Count);
    }

    [Fact]
    public void Issue_IssuerAfterItsNotAfter_ValidityEmpty()
    {
        (var ca, var signer) = Counted("cpo-sub2");
        var later = new FakeTimeProvider(ca.NotAfter.AddDays(1));

        var result = new CertificateIssuer(later).Issue(DemoCertificates.ValidatedCsr(Demo, csrs, "evse"), ca);

        Assert.Equal(IssuanceStatus.ValidityEmpty, result.Status);
        Assert.Equal(0, signer.Count);
    }

    [Fact]
    public void Issue_EvseCsrAtMoSub2_ProfileMismatch()
    {
        (var ca, var signer) = Counted("mo-sub2");

        var result = new CertificateIssuer(TimeProvider.System).Issue(DemoCertificates.ValidatedCsr(Demo, csrs, "evse"), ca);

        Assert.Equal(IssuanceStatus.ProfileMismatch, result.Status);
        Assert.Equal(0, signer.Count);
    }

    [Fact]
    public void Issue_ExternalCaWithoutKey_IssuerCannotSign()
    {
        var real = Demo.Hierarchy.GetCa("cpo-sub2");
        var external = new IssuingCa(real.Name, real.Profile, real.CertificateDer, signer: null, real.IssuerId);

        var result = new CertificateIssuer(TimeProvider.System).Issue(DemoCertificates.ValidatedCsr(Demo, csrs, "evse"), external);

        Assert.Equal(IssuanceStatus.IssuerCannotSign, result.Status);
    }

    [Fact]
    public void IssuingCa_SignerOfAnotherKey_Refused()
    {
        var cpo = Demo.Hierarchy.GetCa("cpo-sub2");
        var mo = Demo.Hierarchy.GetCa("mo-sub2");

        Assert.Throws<ArgumentException>(() => new IssuingCa(cpo.Name, cpo.Profile, cpo.CertificateDer, mo.Signer, cpo.IssuerId));
    }

    [Fact]
    public void IssueSelfSigned_NonRootProfile_ProfileMismatch()
    {
        var cpo = Demo.Hierarchy.GetCa("cpo-sub2");

        var result = new CertificateIssuer(TimeProvider.System).IssueSelfSigned(cpo.Profile, cpo.Signer!, new SubjectValues("x", "y", "DE"));

        Assert.Equal(IssuanceStatus.ProfileMismatch, result.Status);
    }

    [Fact]
    public void Issue_ClockWentBackwards_RefusedWithoutSigningUntilItCatchesUp()
    {
        (var ca, var signer) = Counted("cpo-sub2");
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(1));
        var issuer = new CertificateIssuer(clock);
        var csr = DemoCertificates.ValidatedCsr(Demo, csrs, "evse");
        Assert.True(issuer.Issue(csr, ca).IsIssued);

        // AdjustTime, not SetUtcNow or Advance: those refuse to turn the clock back.
        clock.AdjustTime(clock.GetUtcNow() - TimeSpan.FromSeconds(30));
        Assert.True(issuer.Issue(csr, ca).IsIssued);
        clock.AdjustTime(clock.GetUtcNow() - TimeSpan.FromMinutes(5));
        Assert.Equal(IssuanceStatus.ClockJumped, issuer.Issue(csr, ca).Status);
        Assert.Equal(2, signer.Count);

        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True(issuer.Issue(csr, ca).IsIssued);
    }

    private sealed class ScriptedSerialCheck(int inUse) : ISerialNumberCheck
    {
        public List<string> Seen { get; } = [];

        public List<ushort> Issuers { get; } = [];

        public bool IsInUse(IssuingCa issuer, ReadOnlySpan<byte> serial)
        {
            Seen.Add(Convert.ToHexString(serial));
            Issuers.Add(issuer.IssuerId);
            return Seen.Count <= inUse;
        }
    }
}
