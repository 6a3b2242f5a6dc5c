// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Issuer.Worker;
using V2gPki.Ocsp;
using V2gPki.Store;

namespace V2gPki.Issuer.Tests;

/// <summary>
/// The subject policy of the issuing worker (docs/architecture.md §3 Supersede) on the real store, its subject-ID index
/// and SoftHSM2: the per-ID limit of live certificates and the supersede revocation (RFC 5280 §5.3.1 superseded).
/// </summary>
[Collection(IssuerCollection.Name)]
public sealed class SubjectPolicyTests(IssuerFixture fixture)
{
    private readonly TestPki _pki = fixture.Pki;

    private static async Task<(byte[] Der, byte[] Serial, RegistrationResult Result)> EnrollAsync(TestEnvironment env, string cn)
    {
        var der = env.Pki.IssueLeaf(cn, out var serial);
        var result = await env.Worker.RegisterAsync(new CertificateRegistration { CertificateDer = der, Kind = CertificateKind.Evse, ApplySubjectPolicy = true });
        return (der, serial, result);
    }

    private static CertificateRecord Record(TestEnvironment env, byte[] serial)
    {
        Assert.Equal(LookupStatus.Found, env.Store.TryGetCertificate(new IssuerId(TestPki.Sub2Id), serial, out var record));
        return record!;
    }

    [Fact]
    public async Task RegisterAsync_SubjectOverTheLimit_RefusedUntilOneIsRevoked()
    {
        await using var env = await TestEnvironment.StartAsync(_pki, new IssuerOptions { ScanInterval = TimeSpan.FromHours(1), MaxLiveCertificatesPerSubject = 2 });
        var (_, first, firstResult) = await EnrollAsync(env, "DE*ABC*E771");
        var (_, _, secondResult) = await EnrollAsync(env, "DEABCE771");
        Assert.Equal(RegistrationStatus.Registered, firstResult.Status);
        Assert.Equal(RegistrationStatus.Registered, secondResult.Status);

        // Another spelling of the same EVSE ID is the same subject; nothing is registered for the refused one.
        var (_, refused, refusedResult) = await EnrollAsync(env, "de*abc*e77*1");
        Assert.Equal(RegistrationStatus.SubjectLimitReached, refusedResult.Status);
        Assert.Equal(LookupStatus.NotFound, env.Store.TryGetCertificate(new IssuerId(TestPki.Sub2Id), refused, out _));
        Assert.Equal(1, env.Worker.Metrics.SubjectLimitRefusals);
        Assert.Equal(2, env.Worker.CountLiveForSubject("DE*ABC*E771"));

        // Imports are not limited; a revoked certificate no longer counts.
        var (_, imported) = await env.RegisterLeafAsync("DE*ABC*E771");
        Assert.Equal(3, env.Worker.CountLiveForSubject("DEABCE771"));
        Assert.Equal(StatusChangeStatus.Applied, (await env.Worker.RevokeAsync(new IssuerId(TestPki.Sub2Id), imported, RevocationReason.Unspecified)).Status);
        Assert.Equal(StatusChangeStatus.Applied, (await env.Worker.RevokeAsync(new IssuerId(TestPki.Sub2Id), first, RevocationReason.KeyCompromise)).Status);
        Assert.Equal(RegistrationStatus.Registered, (await EnrollAsync(env, "DE*ABC*E771")).Result.Status);
    }

    [Fact]
    public async Task RegisterAsync_ConcurrentEnrollmentsOfOneSubject_NeverPassTheLimit()
    {
        await using var env = await TestEnvironment.StartAsync(_pki, new IssuerOptions { ScanInterval = TimeSpan.FromHours(1), MaxLiveCertificatesPerSubject = 3 });
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => EnrollAsync(env, "DE*ABC*E990")));
        Assert.Equal(3, results.Count(r => r.Result.Status == RegistrationStatus.Registered));
        Assert.Equal(5, results.Count(r => r.Result.Status == RegistrationStatus.SubjectLimitReached));
        Assert.Equal(3, env.Worker.CountLiveForSubject("DEABCE990"));
    }

    [Fact]
    public async Task RegisterAsync_SupersedeAtOnce_RevokesThePredecessorBeforeAnswering()
    {
        var time = ManualClock.StandingAt(DateTimeOffset.UtcNow.AddHours(-1));
        await using var env = await TestEnvironment.StartAsync(_pki, new IssuerOptions { ScanInterval = TimeSpan.FromHours(1), SupersedeAfter = TimeSpan.Zero }, time: time);
        var (_, old, _) = await EnrollAsync(env, "DE*ABC*E55");
        time.Advance(TimeSpan.FromSeconds(5));
        var (_, successor, result) = await EnrollAsync(env, "DE*ABC*E55");

        Assert.Equal(RegistrationStatus.Registered, result.Status);
        var record = Record(env, old);
        Assert.Equal(CertificateStatus.Revoked, record.Status);
        Assert.Equal(RevocationReason.Superseded, record.Reason);
        Assert.Equal(CertificateStatus.Good, Record(env, successor).Status);
        Assert.Equal(1, env.Worker.Metrics.Superseded);
    }

    [Fact]
    public async Task SupersedeSweep_ClockPastTheGrace_OldCertificateAnswersRevokedSupersededInOcsp()
    {
        // The date starts three days back so that the responses signed after moving it stay in openssl's time window.
        var time = ManualClock.StandingAt(DateTimeOffset.UtcNow.AddDays(-3));
        var options = new IssuerOptions { ScanInterval = TimeSpan.FromHours(1), SupersedeAfter = TimeSpan.FromDays(2), SupersedeScanInterval = TimeSpan.FromMilliseconds(50) };
        await using var env = await TestEnvironment.StartAsync(_pki, options, time: time);
        var (oldDer, old, _) = await EnrollAsync(env, "DE*ABC*E66");
        time.Advance(TimeSpan.FromHours(1));
        var (newDer, successor, _) = await EnrollAsync(env, "DE*ABC*E66");

        // Within the grace: sweeps run (every 50 ms) and leave both good.
        await Task.Delay(300);
        Assert.Equal(CertificateStatus.Good, Record(env, old).Status);
        time.Advance(TimeSpan.FromDays(1));
        await Task.Delay(300);
        Assert.Equal(CertificateStatus.Good, Record(env, old).Status);

        // Past the grace: the next sweep revokes the predecessor through the revocation path.
        time.Advance(TimeSpan.FromDays(1));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Record(env, old).Status == CertificateStatus.Good && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        var record = Record(env, old);
        Assert.Equal(CertificateStatus.Revoked, record.Status);
        Assert.Equal(RevocationReason.Superseded, record.Reason);
        var answer = await env.AnswerAsync(TestEnvironment.Request(env.Issuer("cpo-sub2"), OcspHashAlgorithm.Sha1, null, old));
        var (code, text) = Openssl.VerifyResponse(answer.Response, _pki.Sub2Signer.Der, _pki.Sub2.Der, oldDer, null);
        Assert.True(code == 0, text);
        Assert.Contains("cert.pem: revoked", text, StringComparison.Ordinal);
        Assert.Contains("Reason: superseded", text, StringComparison.Ordinal);

        var current = await env.AnswerAsync(TestEnvironment.Request(env.Issuer("cpo-sub2"), OcspHashAlgorithm.Sha1, null, successor));
        Assert.Contains("cert.pem: good", Openssl.VerifyResponse(current.Response, _pki.Sub2Signer.Der, _pki.Sub2.Der, newDer, null).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SweepSupersededAsync_AfterRestart_RevokesWhatBecameDueWhileDown()
    {
        var time = ManualClock.StandingAt(DateTimeOffset.UtcNow.AddDays(-3));
        var options = new IssuerOptions { ScanInterval = TimeSpan.FromHours(1), SupersedeAfter = TimeSpan.FromDays(1), SupersedeScanInterval = TimeSpan.FromHours(1) };
        string path;
        byte[] old;
        var env = await TestEnvironment.StartAsync(_pki, options, time: time);
        path = env.Path;
        (_, old, _) = await EnrollAsync(env, "DE*ABC*E88");
        time.Advance(TimeSpan.FromMinutes(10));
        await EnrollAsync(env, "DE*ABC*E88");
        Assert.Equal(0, await env.Worker.SweepSupersededAsync());
        await env.CloseKeepingDataAsync();

        // Nothing scheduled survives in memory: the restarted worker finds the due predecessor from the store.
        time.Advance(TimeSpan.FromDays(2));
        await using var again = await TestEnvironment.StartAsync(_pki, options, path: path, time: time);
        Assert.Equal(1, await again.Worker.SweepSupersededAsync());
        Assert.Equal(RevocationReason.Superseded, Record(again, old).Reason);
    }
}
