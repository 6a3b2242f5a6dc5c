// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Diagnostics;
using V2gPki.Issuer.Crl;
using V2gPki.Pki;
using V2gPki.Pki.Crl;
using V2gPki.Pki.Issuance;
using V2gPki.Pki.Profiles;
using V2gPki.Pki.Signing;
using V2gPki.Store;

namespace V2gPki.Issuer.Tests;

[Collection(IssuerCollection.Name)]
public sealed class CrlPublisherTests(IssuerFixture fixture)
{
    private readonly TestPki _pki = fixture.Pki;

    [Fact]
    public async Task OnStatusChanged_Revocation_CrlRegeneratedWithinOneSecondAndListsTheSerial()
    {
        await using var env = await TestEnvironment.StartAsync(_pki);
        var crlDir = Path.Combine(env.Path, "crl");
        await using var publisher = new CrlPublisher(env.Directory, env.Store, Generator(crlDir), new CrlPublisherOptions { Directory = crlDir }, env.Time);
        publisher.Attach(env.Worker);
        await publisher.StartAsync();
        Assert.True(publisher.TryGetCrl("cpo-sub2", out var empty));
        Assert.False(publisher.TryGetCrl("v2g-root", out _)); // offline, nothing imported
        var (_, serial) = await env.RegisterLeafAsync();

        var watch = Stopwatch.StartNew();
        await env.Worker.RevokeAsync(new IssuerId(TestPki.Sub2Id), serial, RevocationReason.KeyCompromise);
        CrlEntry? entry;
        while (!publisher.TryGetCrl("cpo-sub2", out entry) || entry.ETag == empty.ETag)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), "no new CRL");
            await Task.Delay(20);
        }

        var text = OpensslCrl(entry.Der.ToArray(), _pki.Sub2.Der);
        Assert.Contains("verify OK", text, StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexString(serial), text.Replace(":", "", StringComparison.Ordinal).ToUpperInvariant(), StringComparison.Ordinal);
        Assert.Contains("Key Compromise", text, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(crlDir, "cpo-sub2.crl")));
    }

    [Fact]
    public async Task RunOnce_RemainingValidityBelowThreshold_RegeneratesWellBeforeNextUpdate()
    {
        await using var env = await TestEnvironment.StartAsync(_pki);
        var crlDir = Path.Combine(env.Path, "crl");
        await using var publisher = new CrlPublisher(env.Directory, env.Store, Generator(crlDir), new CrlPublisherOptions(), env.Time);
        await publisher.StartAsync();
        Assert.True(publisher.TryGetCrl("cpo-sub2", out var first));

        env.Time.Advance(TimeSpan.FromDays(3));
        publisher.RunOnce(force: false);
        Assert.True(publisher.TryGetCrl("cpo-sub2", out var same));
        Assert.Equal(first.ETag, same.ETag);

        env.Time.Advance(TimeSpan.FromDays(0.6)); // 3.4 of 7 days left < 3.5
        publisher.RunOnce(force: false);
        Assert.True(publisher.TryGetCrl("cpo-sub2", out var renewed));
        Assert.NotEqual(first.ETag, renewed.ETag);
        Assert.True(renewed.NextUpdate > first.NextUpdate);
    }

    [Fact]
    public async Task ImportCrl_OfflineCeremonyCrl_ServedAndAlertedBeforeItRunsOut()
    {
        await using var env = await TestEnvironment.StartAsync(_pki);
        await using var publisher = new CrlPublisher(env.Directory, env.Store, null, new CrlPublisherOptions(), env.Time);
        await publisher.StartAsync();
        var root = new IssuingCa("v2g-root", CertificateProfileCatalog.Default.Get(V2gPki.Pki.Profiles.CertificateKind.V2gRoot, Iso15118Version.Part2), _pki.Root.Der, new HsmCertificateSigner(_pki.Root.Signer), TestPki.RootId);
        var now = env.Time.GetUtcNow();
        var ceremony = CrlBuilder.Build(root, [], now, now.AddDays(20), 1);

        Assert.Null(publisher.ImportCrl("v2g-root", ceremony));
        Assert.NotNull(publisher.ImportCrl("cpo-sub1", ceremony)); // wrong issuer
        Assert.True(publisher.TryGetCrl("v2g-root", out var entry));
        Assert.True(entry.Imported);
        publisher.RunOnce(force: false);
        Assert.Equal(1, publisher.Alerts); // 20 days left < 30-day lead
    }

    private PkiCrlGenerator Generator(string directory)
    {
        var sub2 = new IssuingCa("cpo-sub2", CertificateProfileCatalog.Default.Get(V2gPki.Pki.Profiles.CertificateKind.CpoSub2, Iso15118Version.Part2), _pki.Sub2.Der, new HsmCertificateSigner(_pki.Sub2.Signer), TestPki.Sub2Id);
        return new PkiCrlGenerator(name => name == "cpo-sub2" ? sub2 : null, new FileCrlNumberSequence(directory));
    }

    private static string OpensslCrl(byte[] crl, byte[] caDer)
    {
        var dir = Path.Combine(Path.GetTempPath(), "v2gpki-crl-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllBytes(Path.Combine(dir, "crl.der"), crl);
            File.WriteAllText(Path.Combine(dir, "ca.pem"), Openssl.Pem(caDer));
            return Tool.RunIn(dir, "openssl", "crl", "-inform", "DER", "-in", "crl.der", "-CAfile", "ca.pem", "-noout", "-text").All;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
