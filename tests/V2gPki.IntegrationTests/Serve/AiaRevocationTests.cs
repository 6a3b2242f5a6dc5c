// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace V2gPki.IntegrationTests.Serve;

/// <summary>
/// Clients that follow the AIA OCSP URL by themselves: NSS <c>vfychain</c> and .NET's <see cref="X509Chain"/>
/// with online revocation validate a good and a revoked leaf against the server, whose port the fixture bound before it
/// issued the hierarchy. The server's counters show the clients really asked it.
/// </summary>
[Collection(PkiServerCollection.Name)]
public class AiaRevocationTests(PkiServerFixture server)
{
    private const string OcspSuccessful = "v2gpki_http_requests_total{route=\"ocsp_get\",outcome=\"successful\"}";
    private const string OcspPostSuccessful = "v2gpki_http_requests_total{route=\"ocsp_post\",outcome=\"successful\"}";

    [Theory]
    [InlineData("evse", "cpo")]
    [InlineData("oem-prov", "oem")]
    public async Task X509Chain_OnlineRevocation_GoodLeafValidRevokedLeafRevoked(string kind, string branch)
    {
        using var root = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(server.Ca("v2g-root")));
        using var sub1 = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(server.Ca(branch + "-sub1")));
        using var sub2 = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(server.Ca(branch + "-sub2")));

        var before = await OcspAnswersAsync();
        var (goodValid, goodStatus) = Build(server.Cert(kind + "-good"), root, sub1, sub2);
        var afterGood = await OcspAnswersAsync();
        var (revokedValid, revokedStatus) = Build(server.Cert(kind + "-revoked"), root, sub1, sub2);

        Assert.True(goodValid, string.Join("; ", goodStatus));
        Assert.False(revokedValid);
        Assert.Contains(X509ChainStatusFlags.Revoked, revokedStatus);
        // .NET on Linux asks OpenSSL's OCSP machinery, fetching from the AIA URL: our server answered it.
        Assert.True(afterGood > before, $"the server counted no OCSP answer for the good leaf ({before} → {afterGood})");
        Assert.True(await OcspAnswersAsync() > afterGood, "the server counted no OCSP answer for the revoked leaf");
    }

    [Fact]
    public async Task Vfychain_LeafAndWholeChainThroughOcsp_GoodValidatesRevokedFails()
    {
        // NSS libpkix (-pp) verifies a delegated responder's certificate through the certificate database, so the root is
        // trusted there (-t alone only makes it an anchor for the chain itself). failIfNoInfo: no answer counts as revoked.
        var db = Path.Combine(Path.GetTempPath(), "v2gpki-nss-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(5)));
        Directory.CreateDirectory(db);
        try
        {
            Assert.Equal(0, Tool.Run("certutil", "-N", "-d", "sql:" + db, "--empty-password").ExitCode);
            Assert.Equal(0, Tool.Run("certutil", "-A", "-d", "sql:" + db, "-n", "v2g-root", "-t", "CT,C,C", "-a", "-i", server.Ca("v2g-root")).ExitCode);

            var before = await OcspAnswersAsync();
            var good = Vfychain(db, "leaf", server.Cert("evse-good"));
            var goodChain = Vfychain(db, "chain", server.Cert("evse-good"));
            var revoked = Vfychain(db, "leaf", server.Cert("evse-revoked"));

            Assert.True(good.ExitCode == 0 && good.All.Contains("Chain is good!", StringComparison.Ordinal), good.ToString());
            Assert.True(goodChain.ExitCode == 0 && goodChain.All.Contains("Chain is good!", StringComparison.Ordinal), goodChain.ToString());
            Assert.True(revoked.ExitCode != 0, revoked.ToString());
            Assert.Contains("Peer's Certificate has been revoked", revoked.All, StringComparison.Ordinal);
            Assert.True(await OcspAnswersAsync() >= before + 3, "vfychain did not ask the server");
        }
        finally
        {
            Directory.Delete(db, recursive: true);
        }
    }

    private Tool.Result Vfychain(string db, string test, string leaf) =>
        Tool.Run("vfychain", "-d", "sql:" + db, "-pp", "-u", "1", "-g", test, "-m", "ocsp", "-s", "failIfNoInfo",
            "-a", leaf, "-a", server.Ca("cpo-sub2"), "-a", server.Ca("cpo-sub1"));

    private static (bool Valid, List<X509ChainStatusFlags> Status) Build(string leafPath, X509Certificate2 root, X509Certificate2 sub1, X509Certificate2 sub2)
    {
        using var leaf = X509Certificate2.CreateFromPem(File.ReadAllText(leafPath));
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.ExtraStore.Add(sub1);
        chain.ChainPolicy.ExtraStore.Add(sub2);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.Online;
        chain.ChainPolicy.RevocationFlag = X509RevocationFlag.EntireChain;
        chain.ChainPolicy.UrlRetrievalTimeout = TimeSpan.FromSeconds(15);
        var valid = chain.Build(leaf);
        var status = new List<X509ChainStatusFlags>();
        foreach (var element in chain.ChainStatus)
        {
            status.Add(element.Status);
        }

        return (valid, status);
    }

    private async Task<double> OcspAnswersAsync() =>
        await server.MetricAsync(OcspSuccessful) + await server.MetricAsync(OcspPostSuccessful);
}
