// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Pki.Certificates;
using V2gPki.Store;

namespace V2gPki.IntegrationTests.Serve;

/// <summary>The hierarchy's own certificates are registered at start, so their status is asked like any leaf's.</summary>
[Collection(PkiServerCollection.Name)]
public sealed class HierarchyRegistrationTests(PkiServerFixture fixture)
{
    [Fact]
    public async Task RegisterHierarchyAsync_AfterStart_EverySubCaAndTheCpsLeafRegisteredAndAgainNothing()
    {
        var runtime = fixture.Runtime;

        foreach (var ca in runtime.Hierarchy.Cas)
        {
            var certificate = CertificateInfo.Parse(ca.CertificateDer);
            var parent = runtime.Hierarchy.Manifest.FindCa(ca.Name)!.Parent;
            if (parent is null)
            {
                continue; // the root is a trust anchor, never registered
            }

            Assert.True(runtime.Directory.TryGetIssuer(parent, out var issuer), parent);
            Assert.Equal(LookupStatus.Found, runtime.Store.TryGetCertificate(issuer.Id, certificate.Serial, out var record));
            Assert.Equal(CertificateKind.SubCa, record!.Kind);
            Assert.Equal(ca.Name, record.SubjectId);
        }

        Assert.Equal(0, await runtime.Worker.RegisterHierarchyAsync(runtime.Hierarchy));
    }
}
