// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Issuer.Answering;
using V2gPki.Issuer.Signers;
using V2gPki.Issuer.Verify;
using V2gPki.Issuer.Worker;
using V2gPki.Ocsp;
using V2gPki.Pki.Certificates;
using V2gPki.Store;

namespace V2gPki.Issuer.Tests;

[Collection(IssuerCollection.Name)]
public sealed class IssuingWorkerTests(IssuerFixture fixture)
{
    private readonly TestPki _pki = fixture.Pki;

    [Fact]
    public async Task RegisterAsync_NewCertificate_IsImmediatelyGoodAndVerifiesWithOpenssl()
    {
        await using var env = await TestEnvironment.StartAsync(_pki);
        var (der, serial) = await env.RegisterLeafAsync();

        var (outcome, response, answer) = await env.AnswerAsync(TestEnvironment.Request(env.Issuer("cpo-sub2"), OcspHashAlgorithm.Sha1, null, serial));

        Assert.Equal(OcspOutcome.Successful, outcome);
        Assert.Equal(env.Issuer("cpo-sub2").CurrentSigner!.Id, answer.SignerId);
        var (code, text) = Openssl.VerifyResponse(response, _pki.Sub2Signer.Der, _pki.Sub2.Der, der, null);
        Assert.True(code == 0, text);
        Assert.Contains("Response verify OK", text, StringComparison.Ordinal);
        Assert.Contains("cert.pem: good", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterAsync_Sha256Client_FindsItsSingleResponseInTheSameSignature()
    {
        await using var env = await TestEnvironment.StartAsync(_pki);
        var (der, serial) = await env.RegisterLeafAsync();

        var (outcome, response, _) = await env.AnswerAsync(TestEnvironment.Request(env.Issuer("cpo-sub2"), OcspHashAlgorithm.Sha256, null, serial));

        Assert.Equal(OcspOutcome.Successful, outcome);
        var (code, text) = Openssl.VerifyResponse(response, _pki.Sub2Signer.Der, _pki.Sub2.Der, der, null, "-sha256");
        Assert.True(code == 0, text);
        Assert.Contains("cert.pem: good", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterAsync_SameIssuerNameOtherKey_IsInvalidCertificate()
    {
        await using var env = await TestEnvironment.StartAsync(_pki);
        var other = new TestPki(fixture.Online, DateTimeOffset.UtcNow, "other-");
        var der = other.IssueLeaf("DE*XYZ*E1", out _);

        var result = await env.Worker.RegisterAsync(new CertificateRegistration { CertificateDer = der, Kind = CertificateKind.Evse });

        Assert.Equal(RegistrationStatus.InvalidCertificate, result.Status);
    }

    [Fact]
    public async Task RegisterAsync_SameCertificateTwice_IsIdempotent()
    {
        await using var env = await TestEnvironment.StartAsync(_pki);
        var der = _pki.IssueLeaf("DE*ABC*E77", out _);
        var registration = new CertificateRegistration { CertificateDer = der, Kind = CertificateKind.Evse };

        Assert.Equal(RegistrationStatus.Registered, (await env.Worker.RegisterAsync(registration)).Status);
        Assert.Equal(RegistrationStatus.AlreadyRegistered, (await env.Worker.RegisterAsync(registration)).Status);
    }

    [Fact]
    public async Task RevokeAsync_Leaf_NextLookupIsRevokedWithReason()
    {
        await using var env = await TestEnvironment.StartAsync(_pki);
        var (der, serial) = await env.RegisterLeafAsync();
        var revokedAt = env.Time.GetUtcNow().AddMinutes(-3);

        var result = await env.Worker.RevokeAsync(new IssuerId(TestPki.Sub2Id), serial, RevocationReason.KeyCompromise, revokedAt);

        Assert.Equal(StatusChangeStatus.Applied, result.Status);
        var (outcome, response, _) = await env.AnswerAsync(TestEnvironment.Request(env.Issuer("cpo-sub2"), OcspHashAlgorithm.Sha1, null, serial));
        Assert.Equal(OcspOutcome.Successful, outcome);
        var (code, text) = Openssl.VerifyResponse(response, _pki.Sub2Signer.Der, _pki.Sub2.Der, der, null);
        Assert.True(code == 0, text);
        Assert.Contains("cert.pem: revoked", text, StringComparison.Ordinal);
        Assert.Contains("Reason: keyCompromise", text, StringComparison.Ordinal);
        Assert.True(env.Store.TryGetCertificate(new IssuerId(TestPki.Sub2Id), serial, out var record) == LookupStatus.Found);
        Assert.Equal(CertificateStatus.Revoked, record!.Status);
        Assert.Equal(revokedAt.UtcTicks / TimeSpan.TicksPerSecond, record.RevocationTime!.Value.UtcTicks / TimeSpan.TicksPerSecond);
    }

    [Fact]
    public async Task RevokeAsync_Twice_IsIdempotentAndKeepsTheFirstResponse()
    {
        await using var env = await TestEnvironment.StartAsync(_pki);
        var (_, serial) = await env.RegisterLeafAsync();
        var issuer = new IssuerId(TestPki.Sub2Id);
        Assert.Equal(StatusChangeStatus.Applied, (await env.Worker.RevokeAsync(issuer, serial, RevocationReason.Superseded)).Status);
        var first = await env.AnswerAsync(TestEnvironment.Request(env.Issuer("cpo-sub2"), OcspHashAlgorithm.Sha1, null, serial));

        var again = await env.Worker.RevokeAsync(issuer, serial, RevocationReason.KeyCompromise);

        Assert.Equal(StatusChangeStatus.AlreadyApplied, again.Status);
        var second = await env.AnswerAsync(TestEnvironment.Request(env.Issuer("cpo-sub2"), OcspHashAlgorithm.Sha1, null, serial));
        Assert.Equal(first.Response, second.Response);
        Assert.Equal(1, env.Worker.Metrics.StatusChanges);
    }

    [Fact]
    public async Task ReleaseHoldAsync_RFC5280_UnrevokeOnlyFromCertificateHold()
    {
        await using var env = await TestEnvironment.StartAsync(_pki);
        var issuer = new IssuerId(TestPki.Sub2Id);
        var (der, held) = await env.RegisterLeafAsync("DE*ABC*E1");
        var (_, good) = await env.RegisterLeafAsync("DE*ABC*E2");
        var (_, revoked) = await env.RegisterLeafAsync("DE*ABC*E3");
        Assert.Equal(StatusChangeStatus.Applied, (await env.Worker.RevokeAsync(issuer, held, RevocationReason.CertificateHold)).Status);
        Assert.Equal(StatusChangeStatus.Applied, (await env.Worker.RevokeAsync(issuer, revoked, RevocationReason.KeyCompromise)).Status);
        var onHold = await env.AnswerAsync(TestEnvironment.Request(env.Issuer("cpo-sub2"), OcspHashAlgorithm.Sha1, null, held));
        Assert.Contains("Reason: certificateHold", Openssl.VerifyResponse(onHold.Response, _pki.Sub2Signer.Der, _pki.Sub2.Der, der, null).Output, StringComparison.Ordinal);

        Assert.Equal(StatusChangeStatus.AlreadyApplied, (await env.Worker.ReleaseHoldAsync(issuer, good)).Status); // already good: nothing to do
        Assert.Equal(StatusChangeStatus.InvalidTransition, (await env.Worker.ReleaseHoldAsync(issuer, revoked)).Status);
        Assert.Equal(StatusChangeStatus.Applied, (await env.Worker.ReleaseHoldAsync(issuer, held)).Status);

        var released = await env.AnswerAsync(TestEnvironment.Request(env.Issuer("cpo-sub2"), OcspHashAlgorithm.Sha1, null, held));
        var (code, text) = Openssl.VerifyResponse(released.Response, _pki.Sub2Signer.Der, _pki.Sub2.Der, der, null);
        Assert.True(code == 0, text);
        Assert.Contains("cert.pem: good", text, StringComparison.Ordinal);
        Assert.Equal(StatusChangeStatus.Applied, (await env.Worker.RevokeAsync(issuer, held, RevocationReason.KeyCompromise)).Status);
    }

    [Fact]
    public async Task RevokeAsync_UnknownSerialOrReason_IsRefused()
    {
        await using var env = await TestEnvironment.StartAsync(_pki);
        var issuer = new IssuerId(TestPki.Sub2Id);

        Assert.Equal(StatusChangeStatus.NotFound, (await env.Worker.RevokeAsync(issuer, TestPki.NewSerial(), RevocationReason.KeyCompromise)).Status);
        Assert.Equal(StatusChangeStatus.InvalidArgument, (await env.Worker.RevokeAsync(issuer, TestPki.NewSerial(), RevocationReason.RemoveFromCrl)).Status);
        Assert.Equal(StatusChangeStatus.UnknownIssuer, (await env.Worker.RevokeAsync(new IssuerId(99), TestPki.NewSerial(), RevocationReason.KeyCompromise)).Status);
    }

    [Fact]
    public async Task ScanNowAsync_RemainingValidityBelowFloor_ResignsAndKeepsStatus()
    {
        await using var env = await TestEnvironment.StartAsync(_pki);
        var (_, serial) = await env.RegisterLeafAsync("DE*ABC*E1");
        var (_, revoked) = await env.RegisterLeafAsync("DE*ABC*E2");
        var issuer = new IssuerId(TestPki.Sub2Id);
        await env.Worker.RevokeAsync(issuer, revoked, RevocationReason.KeyCompromise);
        var buffer = new byte[4096];
        Assert.Equal(LookupStatus.Found, env.Store.TryGetResponse(issuer, serial, buffer, out var before));

        Assert.Equal(0, await env.Worker.ScanNowAsync());
        env.Time.Advance(TimeSpan.FromDays(2) + TimeSpan.FromHours(1));
        var due = await env.Worker.ScanNowAsync();

        Assert.Equal(2, due);
        Assert.Equal(LookupStatus.Found, env.Store.TryGetResponse(issuer, serial, buffer, out var after));
        Assert.True(after.ThisUpdate >= before.ThisUpdate + TimeSpan.FromDays(2));
        Assert.Equal(env.Time.GetUtcNow().UtcTicks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond + TimeSpan.FromDays(10).Ticks, after.NextUpdateTicks);
        Assert.Equal(LookupStatus.Found, env.Store.TryGetResponse(issuer, revoked, buffer, out var revokedAfter));
        Assert.Equal(CertificateStatus.Revoked, revokedAfter.Status);
        Assert.Equal(2, env.Worker.Metrics.Resigned);
        Assert.True(new StoreVerifier(env.Directory, env.Store, env.Store, env.Time).Verify().Passed);
    }

    [Fact]
    public async Task RegisterAsync_SignerExpiresSoon_NextUpdateCappedAtSignerNotAfter()
    {
        var shortSigner = _pki.CreateSigner(_pki.Sub2, "cpo-sub2-ocsp", TimeSpan.FromDays(5));
        await using var env = await TestEnvironment.StartAsync(_pki, sub2Signer: shortSigner);
        var (der, serial) = await env.RegisterLeafAsync();

        var (outcome, response, answer) = await env.AnswerAsync(TestEnvironment.Request(env.Issuer("cpo-sub2"), OcspHashAlgorithm.Sha1, null, serial));

        Assert.Equal(OcspOutcome.Successful, outcome);
        var signerNotAfter = CertificateInfo.Parse(shortSigner.Der).NotAfter;
        Assert.Equal(signerNotAfter.UtcTicks, answer.NextUpdateTicks);
        var (code, text) = Openssl.VerifyResponse(response, shortSigner.Der, _pki.Sub2.Der, der, null);
        Assert.True(code == 0, text);

        // Capped responses are not re-signed in a loop: a new signature would not extend them.
        env.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await env.Worker.ScanNowAsync());
    }

    [Fact]
    public async Task RegisterAsync_SubCaCertificate_AnsweredByTheParentsDelegatedSigner()
    {
        await using var env = await TestEnvironment.StartAsync(_pki);

        var result = await env.Worker.RegisterAsync(new CertificateRegistration { CertificateDer = _pki.Sub2.Der, Kind = CertificateKind.SubCa, SubjectId = "cpo-sub2" });

        Assert.Equal(RegistrationStatus.Registered, result.Status);
        Assert.Equal(new IssuerId(TestPki.Sub1Id), result.Issuer);
        var serial = CertificateInfo.Parse(_pki.Sub2.Der).Serial;
        var (outcome, response, answer) = await env.AnswerAsync(TestEnvironment.Request(env.Issuer("cpo-sub1"), OcspHashAlgorithm.Sha1, null, serial));
        Assert.Equal(OcspOutcome.Successful, outcome);
        Assert.Equal(env.Issuer("cpo-sub1").CurrentSigner!.Id, answer.SignerId);
        var (code, text) = Openssl.VerifyResponse(response, _pki.Sub1Signer.Der, _pki.Sub1.Der, _pki.Sub2.Der, null);
        Assert.True(code == 0, text);
        Assert.Contains("cert.pem: good", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstallSigner_Rollover_NewResponsesUseNewSignerAndOldOnesAreResignedAtBoundedRate()
    {
        await using var env = await TestEnvironment.StartAsync(_pki, new IssuerOptions { ScanInterval = TimeSpan.FromHours(1), RolloverResignRate = 0.001 });
        var serials = new List<byte[]>();
        for (var i = 0; i < 5; i++)
        {
            serials.Add((await env.RegisterLeafAsync("DE*ABC*E" + i)).Serial);
        }

        var oldId = env.Issuer("cpo-sub2").CurrentSigner!.Id;
        var next = _pki.CreateSigner(_pki.Sub2, "cpo-sub2-ocsp", TimeSpan.FromDays(90));

        var installed = env.Worker.InstallSigner("cpo-sub2", new ProvisionedSigner(next.KeyLabel, next.Der, next.Signer));
        var (fresh, freshSerial) = await env.RegisterLeafAsync("DE*ABC*E9");

        Assert.NotEqual(oldId, installed.Id);
        var (_, response, answer) = await env.AnswerAsync(TestEnvironment.Request(env.Issuer("cpo-sub2"), OcspHashAlgorithm.Sha1, null, freshSerial));
        Assert.Equal(installed.Id, answer.SignerId);
        Assert.True(Openssl.VerifyResponse(response, next.Der, _pki.Sub2.Der, fresh, null).ExitCode == 0);

        // Old responses still served with the old signer's certificate spliced in; the rate (burst 1) lets one re-sign through.
        await env.Worker.ScanNowAsync();
        var signers = new List<ushort>();
        foreach (var serial in serials)
        {
            var answered = await env.AnswerAsync(TestEnvironment.Request(env.Issuer("cpo-sub2"), OcspHashAlgorithm.Sha1, null, serial));
            Assert.True(answered.Outcome == OcspOutcome.Successful, answered.Outcome + " " + env.SourceMetrics.Expired + " " + env.SourceMetrics.NeverIssued);
            signers.Add(answered.Answer.SignerId);
        }

        Assert.True(1 == signers.Count(s => s == installed.Id), $"due {env.Worker.Metrics.Due} rollover {env.Worker.Metrics.RolloverResigns} resigned {env.Worker.Metrics.Resigned} scans {env.Worker.Metrics.Scans}");
        Assert.Equal(4, signers.Count(s => s == oldId));
        Assert.True(new StoreVerifier(env.Directory, env.Store, env.Store, env.Time).Verify().Passed);
    }

    [Fact]
    public async Task RegisterAsync_ClockSteppedBack_SigningRefused()
    {
        await using var env = await TestEnvironment.StartAsync(_pki);
        await env.RegisterLeafAsync("DE*ABC*E1");
        env.Time.Advance(TimeSpan.FromMinutes(-10));
        var der = _pki.IssueLeaf("DE*ABC*E2", out _);

        var result = await env.Worker.RegisterAsync(new CertificateRegistration { CertificateDer = der, Kind = CertificateKind.Evse });

        Assert.Equal(RegistrationStatus.SigningFailed, result.Status);
        Assert.True(env.Worker.Factory.Clock.Refusals > 0);
    }
}
