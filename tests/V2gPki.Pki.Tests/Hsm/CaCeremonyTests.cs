// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using Microsoft.Extensions.Time.Testing;
using V2gPki.Hsm;
using V2gPki.Pki.Hierarchy;
using V2gPki.Pki.Issuance;

namespace V2gPki.Pki.Tests.Hsm;

/// <summary>
/// The external-CA path end to end: Sub-CA 2 and signer keys created in the online token, their CSRs signed by an
/// openssl-run "offline" root and Sub-CA 1 with extfiles matching our profiles, imported with that external chain, and
/// leaves issued under the imported Sub-CA 2 verify with openssl and GnuTLS.
/// </summary>
[Collection(PkiHsmCollection.Name)]
public sealed class CaCeremonyTests(PkiHsmFixture fixture, OpenSslCsrFactory csrs) : IClassFixture<OpenSslCsrFactory>
{
    private sealed record Setup(CaDataLayout Layout, CaHierarchyManifest Manifest, HsmTokenSet Tokens, CaCeremony Ceremony, ExternalOpenSslCa Root, ExternalOpenSslCa Sub1);

    private Setup NewSetup(TimeProvider? time = null)
    {
        var layout = new CaDataLayout(fixture.NewDirectory("ceremony"));
        var manifest = fixture.NewHierarchyOptions("cer").CreateManifest();
        var tokens = fixture.OpenTokens(manifest);
        Directory.CreateDirectory(layout.CaDirectory);
        manifest.Save(layout.ManifestPath);
        var root = ExternalOpenSslCa.CreateRoot(layout.DataDirectory);
        var sub1 = root.IssueSubCa1();
        return new Setup(layout, manifest, tokens, new CaCeremony(layout, manifest, tokens, time ?? TimeProvider.System), root, sub1);
    }

    private static byte[] Chain(params ExternalOpenSslCa[] cas) => cas.SelectMany(c => c.CertificatePem).ToArray();

    [Fact]
    public void Import_SubCa2SignedByExternalChain_ImportsChainIssuesSignerAndLeavesVerify()
    {
        var s = NewSetup();

        var csr = s.Ceremony.CreateCsr("cpo-sub2");
        Assert.True(csr.Succeeded, csr.ToString());
        Assert.StartsWith("-----BEGIN CERTIFICATE REQUEST-----", csr.CsrPem, StringComparison.Ordinal);
        Assert.Contains("verify OK", Tool.Run("openssl", "req", "-in", csr.CsrPath!, "-noout", "-verify").All, StringComparison.Ordinal);
        var sub2 = s.Sub1.Sign(File.ReadAllBytes(csr.CsrPath!), ExternalOpenSslCa.SubCa(0), 3650);

        var imported = s.Ceremony.Import("cpo-sub2", File.ReadAllBytes(sub2), Chain(s.Sub1, s.Root));

        Assert.True(imported.Succeeded, imported.ToString());
        Assert.Empty(imported.Warnings);
        Assert.Equal(["v2g-root", "cpo-sub1", "cpo-sub2", "cpo-sub2-ocsp"], imported.Written);

        // The manifest on disk: external root and Sub-CA 1, our Sub-CA 2 in the online token, parents first.
        var manifest = CaHierarchyManifest.Load(s.Layout.ManifestPath);
        Assert.Equal(["v2g-root", "cpo-sub1", "cpo-sub2"], manifest.Cas.Select(c => c.Name).ToArray());
        Assert.True(manifest.FindCa("v2g-root")!.IsExternal);
        Assert.True(manifest.FindCa("cpo-sub1")!.IsExternal);
        Assert.Equal(HsmTokenRoles.Online, manifest.FindCa("cpo-sub2")!.TokenRole);
        Assert.Equal(new ushort[] { 1, 2, 3 }, manifest.Cas.Select(c => c.IssuerId).ToArray());

        var hierarchy = CaHierarchy.Load(s.Layout, s.Tokens);
        Assert.False(hierarchy.GetCa("cpo-sub1").CanSign);
        var ca = hierarchy.GetCa("cpo-sub2");
        Assert.True(ca.CanSign);
        Assert.Equal((ushort)43, hierarchy.GetOcspSigner("cpo-sub2").SignerId);

        var dir = fixture.NewDirectory("ceremony-verify");
        var chain = hierarchy.ChainOf("cpo-sub2").Select(c => c.CertificateDer).ToList();
        ChainVerifier.OpenSsl(dir, [hierarchy.GetOcspSigner("cpo-sub2").CertificateDer, .. chain]);
        foreach (var leaf in new[] { "evse" })
        {
            var result = new CertificateIssuer(TimeProvider.System).Issue(DemoCertificates.ValidatedCsr(new DemoHierarchy(DemoKind.P256, s.Layout, s.Tokens, hierarchy), csrs, leaf), ca);
            Assert.True(result.IsIssued, result.ToString());
            ChainVerifier.OpenSsl(dir, [result.Certificate.Der, .. chain]);
            ChainVerifier.CertTool(dir, [result.Certificate.Der, .. chain]);
        }
    }

    [Fact]
    public void Import_OfflineCaSignerFromCeremony_LoadsAsTheCasOcspSigner()
    {
        var s = NewSetup();
        Assert.True(s.Ceremony.Import("cpo-sub1", s.Sub1.CertificatePem, s.Root.CertificatePem).Succeeded);

        var csr = s.Ceremony.CreateCsr("cpo-sub1-ocsp");
        Assert.True(csr.Succeeded, csr.ToString());
        var signer = s.Sub1.Sign(File.ReadAllBytes(csr.CsrPath!), ExternalOpenSslCa.OcspSigner, 365);
        var imported = s.Ceremony.Import("cpo-sub1-ocsp", File.ReadAllBytes(signer));

        Assert.True(imported.Succeeded, imported.ToString());
        Assert.Empty(imported.Warnings);
        var hierarchy = CaHierarchy.Load(s.Layout, s.Tokens);
        var key = hierarchy.GetOcspSigner("cpo-sub1");
        Assert.Equal((ushort)2, key.IssuerId);
        Assert.Equal((ushort)42, key.SignerId);
        Assert.Equal(HsmTokenRoles.Online, key.Signer.Key.Token.Role);
        ChainVerifier.OpenSsl(fixture.NewDirectory("ceremony-verify"), [key.CertificateDer, .. hierarchy.ChainOf("cpo-sub1").Select(c => c.CertificateDer)]);
    }

    [Fact]
    public void Import_CertificateForAnotherKey_RefusedAsKeyMismatchAndNothingWritten()
    {
        var s = NewSetup();
        Assert.True(s.Ceremony.CreateCsr("cpo-sub2").Succeeded);
        var before = File.ReadAllText(s.Layout.ManifestPath);

        // Same subject, but the CSR (and so the certificate) carries a key that is not the HSM key.
        var foreign = csrs.Csr("P-256", "/C=DE/O=V2gPki Demo/CN=CPO Sub-CA 2/DC=V2G", pem: true);
        var wrong = s.Sub1.Sign(foreign, ExternalOpenSslCa.SubCa(0), 3650);
        var result = s.Ceremony.Import("cpo-sub2", File.ReadAllBytes(wrong), Chain(s.Sub1, s.Root));

        Assert.Equal(CaImportStatus.KeyMismatch, result.Status);
        Assert.Equal(before, File.ReadAllText(s.Layout.ManifestPath));
        Assert.False(File.Exists(Path.Combine(s.Layout.CaDirectory, "cpo-sub2.pem")));
        Assert.False(File.Exists(Path.Combine(s.Layout.CaDirectory, "v2g-root.pem")));
    }

    [Fact]
    public void Import_WithoutTheIssuerChain_ChainIncomplete()
    {
        var s = NewSetup();
        var csr = s.Ceremony.CreateCsr("cpo-sub2");
        var sub2 = s.Sub1.Sign(File.ReadAllBytes(csr.CsrPath!), ExternalOpenSslCa.SubCa(0), 3650);

        Assert.Equal(CaImportStatus.ChainIncomplete, s.Ceremony.Import("cpo-sub2", File.ReadAllBytes(sub2)).Status);
        Assert.Equal(CaImportStatus.ChainIncomplete, s.Ceremony.Import("cpo-sub2", File.ReadAllBytes(sub2), s.Sub1.CertificatePem).Status);

        // A root of the same name but another key does not verify the Sub-CA 1.
        var impostor = ExternalOpenSslCa.CreateRoot(s.Layout.DataDirectory);
        Assert.Equal(CaImportStatus.ChainIncomplete, s.Ceremony.Import("cpo-sub2", File.ReadAllBytes(sub2), Chain(s.Sub1, impostor)).Status);
    }

    [Fact]
    public void Import_Misuses_RefusedWithTheirStatus()
    {
        var s = NewSetup();

        Assert.Equal(CaImportStatus.NotAllowed, s.Ceremony.CreateCsr("v2g-root").Status);
        Assert.Equal(CaImportStatus.NotAllowed, s.Ceremony.CreateCsr("evse").Status);
        Assert.Equal(CaImportStatus.UnknownName, s.Ceremony.CreateCsr("cpo-sub3").Status);
        Assert.Equal(CaImportStatus.UnknownName, s.Ceremony.Import("nope", s.Root.CertificatePem).Status);
        Assert.Equal(CaImportStatus.Malformed, s.Ceremony.Import("v2g-root", "-----BEGIN CERTIFICATE-----\n!!\n-----END CERTIFICATE-----\n"u8).Status);
        Assert.Equal(CaImportStatus.Malformed, s.Ceremony.Import("v2g-root", "nothing here"u8).Status);

        // A Sub-CA 1 certificate offered as the root is not self-signed.
        Assert.Equal(CaImportStatus.ChainInvalid, s.Ceremony.Import("v2g-root", s.Sub1.CertificatePem).Status);

        // A Sub-CA 2 whose key was never created here cannot be imported (its key would not be ours).
        var foreign = s.Sub1.Sign(csrs.Csr("P-256", "/C=DE/O=X/CN=Y/DC=V2G", pem: true), ExternalOpenSslCa.SubCa(0), 3650);
        Assert.Equal(CaImportStatus.NotAllowed, s.Ceremony.Import("cpo-sub2", File.ReadAllBytes(foreign), Chain(s.Sub1, s.Root)).Status);

        // An OCSP signer certificate without its key here.
        Assert.Equal(CaImportStatus.NotAllowed, s.Ceremony.Import("cpo-sub1-ocsp", File.ReadAllBytes(foreign)).Status);
    }

    [Fact]
    public void Import_ExpiredRoot_Expired()
    {
        var s = NewSetup(new FakeTimeProvider(DateTimeOffset.UtcNow.AddYears(41)));
        Assert.Equal(CaImportStatus.Expired, s.Ceremony.Import("v2g-root", s.Root.CertificatePem).Status);
    }

    [Fact]
    public void Import_Iso20HierarchyWithP256Chain_WrongType()
    {
        var layout = new CaDataLayout(fixture.NewDirectory("ceremony20"));
        var options = fixture.NewHierarchyOptions("cer20");
        options.Version = Iso15118Version.Part20;
        var manifest = options.CreateManifest();
        var ceremony = new CaCeremony(layout, manifest, fixture.OpenTokens(manifest), TimeProvider.System);
        var root = ExternalOpenSslCa.CreateRoot(layout.DataDirectory);

        Assert.Equal(CaImportStatus.WrongType, ceremony.Import("v2g-root", root.CertificatePem).Status);
    }
}
