// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Issuer.Answering;
using V2gPki.Issuer.Signers;
using V2gPki.Ocsp;

namespace V2gPki.Issuer.Tests;

[Collection(IssuerCollection.Name)]
public sealed class SignerRolloverTests(IssuerFixture fixture)
{
    private readonly TestPki _pki = fixture.Pki;

    [Fact]
    public async Task ScanNowAsync_OnlineSignerWithinRolloverLead_ProvisionsNewSignerAndAlertsOfflineOnes()
    {
        var provisioner = new TestProvisioner(_pki);
        await using var env = await TestEnvironment.StartAsync(_pki, provisioner: provisioner);
        var (_, serial) = await env.RegisterLeafAsync();
        var oldSub2 = env.Issuer("cpo-sub2").CurrentSigner!.Id;

        // 70 days on: cpo-sub2's 90-day signer is inside the 30-day lead; the 365-day signers of the offline CAs are not yet.
        env.Time.Advance(TimeSpan.FromDays(70));
        await env.Worker.ScanNowAsync();

        Assert.Equal(1, provisioner.Calls);
        Assert.NotEqual(oldSub2, env.Issuer("cpo-sub2").CurrentSigner!.Id);
        Assert.Equal(1, env.Worker.Metrics.Rollovers);
        Assert.Equal(0, env.Worker.Metrics.SignerExpiryAlerts);
        var buffer = new byte[4096];
        var (outcome, answer) = env.Lookup(TestEnvironment.Request(env.Issuer("cpo-sub2"), OcspHashAlgorithm.Sha1, null, serial), buffer);
        Assert.Equal(OcspOutcome.Successful, outcome); // re-signed by the scan (the old response had run out)
        Assert.Equal(env.Issuer("cpo-sub2").CurrentSigner!.Id, answer.SignerId);

        // 320 days on: the offline CAs' signers (ceremony-issued, no provisioner result) are within the 60-day alert lead.
        env.Time.Advance(TimeSpan.FromDays(250));
        await env.Worker.ScanNowAsync();
        Assert.True(env.Worker.Metrics.SignerExpiryAlerts >= 2);
    }

    private sealed class TestProvisioner(TestPki pki) : IDelegatedSignerProvisioner
    {
        public int Calls { get; private set; }

        public ValueTask<ProvisionedSigner?> ProvisionAsync(IssuerEntry ca, DateTimeOffset notBefore, DateTimeOffset notAfter, CancellationToken cancellationToken)
        {
            if (!ca.IsOnline)
            {
                return ValueTask.FromResult<ProvisionedSigner?>(null);
            }

            Calls++;
            var issuer = ca.Name == "cpo-sub2" ? pki.Sub2 : throw new InvalidOperationException(ca.Name);
            var signer = pki.CreateSigner(issuer, ca.Name + "-ocsp", notAfter - notBefore, notBefore);
            return ValueTask.FromResult<ProvisionedSigner?>(new ProvisionedSigner(signer.KeyLabel, signer.Der, signer.Signer));
        }
    }
}
