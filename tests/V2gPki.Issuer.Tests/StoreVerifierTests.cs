// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Globalization;
using V2gPki.Issuer.Import;
using V2gPki.Issuer.Signers;
using V2gPki.Issuer.Verify;
using V2gPki.Issuer.Worker;
using V2gPki.Store;

namespace V2gPki.Issuer.Tests;

[Collection(IssuerCollection.Name)]
public sealed class StoreVerifierTests(IssuerFixture fixture)
{
    private readonly TestPki _pki = fixture.Pki;

    [Fact]
    public async Task Verify_AfterMixedRunOf1000_PassesAndDetectsPlantedBadResponses()
    {
        await using var env = await TestEnvironment.StartAsync(_pki);
        var issuer = new IssuerId(TestPki.Sub2Id);
        var imported = new List<(byte[], ResponseStatus?)>();
        var serials = new List<byte[]>();
        for (var i = 0; i < 1000; i++)
        {
            var der = _pki.IssueLeaf("DE*ABC*E" + i.ToString(CultureInfo.InvariantCulture), out var serial);
            serials.Add(serial);
            if (i < 700)
            {
                imported.Add((der, null));
            }
            else
            {
                Assert.Equal(RegistrationStatus.Registered, (await env.Worker.RegisterAsync(new CertificateRegistration { CertificateDer = der, Kind = CertificateKind.Evse })).Status);
            }
        }

        var report = await new CertificateImporter(env.Worker, env.Store, 256, env.Time).ImportAsync(imported, CertificateKind.Evse);
        Assert.Equal(700, report.Imported);
        var changes = new List<Task<StatusChangeResult>>();
        for (var i = 0; i < 100; i++)
        {
            changes.Add(env.Worker.RevokeAsync(issuer, serials[i * 7], RevocationReason.KeyCompromise));
        }

        for (var i = 0; i < 20; i++)
        {
            changes.Add(env.Worker.RevokeAsync(issuer, serials[i * 7 + 1], RevocationReason.CertificateHold));
        }

        Assert.All(await Task.WhenAll(changes), r => Assert.Equal(StatusChangeStatus.Applied, r.Status));
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(StatusChangeStatus.Applied, (await env.Worker.ReleaseHoldAsync(issuer, serials[i * 7 + 1])).Status);
        }

        env.Time.Advance(TimeSpan.FromDays(2.5));
        Assert.Equal(1000, await env.Worker.ScanNowAsync());

        var verifier = new StoreVerifier(env.Directory, env.Store, env.Store, env.Time);
        var clean = verifier.Verify();
        Assert.True(clean.Passed, clean.ToString());
        Assert.Equal(1000, clean.Checked);

        // Plant a well-signed 'good' response for a revoked certificate, and a response with a corrupted signature.
        Assert.Equal(LookupStatus.Found, env.Store.TryGetCertificate(issuer, serials[0], out var revoked));
        Assert.Equal(SignOutcome.Success, env.Worker.Factory.TrySignPriority(env.Issuer("cpo-sub2"), serials[0], ResponseStatus.Good, out var lie));
        Assert.Equal(WriteStatus.Applied, env.Store.ReplaceResponse(issuer, serials[0], revoked!.StatusVersion, lie).Status);
        var buffer = new byte[StoreLimits.MaxSignedResponseLength];
        Assert.Equal(LookupStatus.Found, env.Store.TryGetResponse(issuer, serials[500], buffer, out var meta));
        var corrupted = buffer.AsSpan(0, meta.Length).ToArray();
        corrupted[^3] ^= 0x5A;
        Assert.Equal(LookupStatus.Found, env.Store.TryGetCertificate(issuer, serials[500], out var good));
        Assert.Equal(WriteStatus.Applied, env.Store.ReplaceResponse(issuer, serials[500], good!.StatusVersion, new SignedResponse(corrupted, meta.SignerId, meta.ThisUpdate, meta.NextUpdate)).Status);

        var dirty = verifier.Verify();
        Assert.False(dirty.Passed);
        Assert.True(dirty.Counts[VerifyProblemKind.StatusMismatch] >= 2, dirty.ToString()); // registry vs metadata, and per hash algorithm
        Assert.Equal(1, dirty.Counts[VerifyProblemKind.BadSignature]);
    }

    [Fact]
    public async Task ImportOpenSslIndexAsync_IndexWithRevokedEntry_RegistersWithStatusAndReason()
    {
        await using var env = await TestEnvironment.StartAsync(_pki);
        var dir = Path.Combine(env.Path, "openssl-ca");
        Directory.CreateDirectory(dir);
        var lines = new List<string>();
        var serials = new List<byte[]>();
        for (var i = 0; i < 3; i++)
        {
            var der = _pki.IssueLeaf("DE*ABC*E" + i, out var serial);
            serials.Add(serial);
            var hex = Convert.ToHexString(serial);
            File.WriteAllText(Path.Combine(dir, hex + ".pem"), Openssl.Pem(der));
            lines.Add(i == 1 ? $"R\t280101000000Z\t250102030405Z,keyCompromise\t{hex}\tunknown\t/CN=DE*ABC*E{i}" : $"V\t280101000000Z\t\t{hex}\tunknown\t/CN=DE*ABC*E{i}");
        }

        File.WriteAllLines(Path.Combine(dir, "index.txt"), lines);
        var importer = new CertificateImporter(env.Worker, env.Store, 256, env.Time);

        var report = await importer.ImportOpenSslIndexAsync(Path.Combine(dir, "index.txt"), dir, CertificateKind.Evse);
        var again = await importer.ImportDirectoryAsync(dir, CertificateKind.Evse);

        Assert.Equal(3, report.Imported);
        Assert.Equal(3, again.AlreadyPresent);
        Assert.Equal(LookupStatus.Found, env.Store.TryGetCertificate(new IssuerId(TestPki.Sub2Id), serials[1], out var record));
        Assert.Equal(CertificateStatus.Revoked, record!.Status);
        Assert.Equal(RevocationReason.KeyCompromise, record.Reason);
        Assert.Equal(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero), record.RevocationTime);
        Assert.True(new StoreVerifier(env.Directory, env.Store, env.Store, env.Time).Verify().Passed);
    }

    [Fact]
    public async Task Import_UnreadableInputs_CountedInvalidNotDroppedInSilence()
    {
        await using var env = await TestEnvironment.StartAsync(_pki);
        var dir = Path.Combine(env.Path, "unreadable");
        Directory.CreateDirectory(dir);
        var der = _pki.IssueLeaf("DE*ABC*E77", out var serial);
        var hex = Convert.ToHexString(serial);
        File.WriteAllText(Path.Combine(dir, hex + ".pem"), Openssl.Pem(der));
        // index.txt names a second certificate whose file is missing.
        File.WriteAllLines(Path.Combine(dir, "index.txt"),
        [
            $"V\t280101000000Z\t\t{hex}\tunknown\t/CN=DE*ABC*E77",
            "V\t280101000000Z\t\t0BADC0FFEE\tunknown\t/CN=DE*ABC*E78",
        ]);
        var importer = new CertificateImporter(env.Worker, env.Store, 256, env.Time);

        var index = await importer.ImportOpenSslIndexAsync(Path.Combine(dir, "index.txt"), dir, CertificateKind.Evse);

        Assert.Equal(1, index.Imported);
        Assert.Equal(1, index.Invalid);

        // A PEM file with one good block and one whose base64 is broken; a key block is not a certificate at all.
        var pems = Path.Combine(env.Path, "pems");
        Directory.CreateDirectory(pems);
        var second = _pki.IssueLeaf("DE*ABC*E79", out _);
        File.WriteAllText(Path.Combine(pems, "bundle.pem"),
            Openssl.Pem(second) + "-----BEGIN CERTIFICATE-----\nnot*base64!\n-----END CERTIFICATE-----\n"
            + "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");

        var directory = await importer.ImportDirectoryAsync(pems, CertificateKind.Evse);

        Assert.Equal(1, directory.Imported);
        Assert.Equal(1, directory.Invalid);
    }
}
