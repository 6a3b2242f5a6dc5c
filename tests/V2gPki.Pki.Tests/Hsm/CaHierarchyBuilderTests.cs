// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Text;
using V2gPki.Hsm;
using V2gPki.Pki.Hierarchy;
using V2gPki.Pki.Profiles;
using V2gPki.Pki.Signing;

namespace V2gPki.Pki.Tests.Hsm;

/// <summary>`ca init --demo`'s builder: the complete docs/architecture.md §2 hierarchy on split tokens, its manifest and the loader.</summary>
[Collection(PkiHsmCollection.Name)]
public sealed class CaHierarchyBuilderTests(PkiHsmFixture fixture)
{
    [Theory]
    [InlineData(DemoKind.P256)]
    [InlineData(DemoKind.P521)]
    [InlineData(DemoKind.Ed448)]
    [InlineData(DemoKind.P256SeparateRoots)]
    public void CreateDemo_EveryCaName_WithItsSignerFileAndIds(DemoKind kind)
    {
        var demo = fixture.Demo(kind);
        var manifest = CaHierarchyManifest.Load(demo.Layout.ManifestPath);
        string[] cas = kind == DemoKind.P256SeparateRoots
            ? ["v2g-root", "cpo-sub1", "cpo-sub2", "mo-root", "mo-sub1", "mo-sub2", "oem-root", "oem-sub1", "oem-sub2", "cps-sub1", "cps-sub2"]
            : ["v2g-root", "cpo-sub1", "cpo-sub2", "mo-sub1", "mo-sub2", "oem-sub1", "oem-sub2", "cps-sub1", "cps-sub2"];

        Assert.Equal(cas, manifest.Cas.Select(c => c.Name).ToArray());
        Assert.Equal(cas.Select(c => c + "-ocsp").ToArray(), manifest.OcspSigners.Select(s => s.Name).ToArray());
        Assert.Equal(["cps"], manifest.Leaves.Select(l => l.Name).ToArray());
        Assert.Equal(manifest.Cas.Count, manifest.Cas.Select(c => c.IssuerId).Distinct().Count());
        Assert.DoesNotContain((ushort)0, manifest.Cas.Select(c => c.IssuerId));
        Assert.Equal(manifest.OcspSigners.Count, manifest.OcspSigners.Select(c => c.SignerId).Distinct().Count());
        Assert.Equal(kind is DemoKind.P521 or DemoKind.Ed448 ? 20 : 2, manifest.IsoVersion);

        foreach (var ca in manifest.Cas)
        {
            Assert.True(File.Exists(demo.Layout.ResolveCa(ca.CertificatePath!)), ca.Name);
            Assert.Equal(ca.Name + ".pem", ca.CertificatePath);
            Assert.Equal(ca.Name + "-ocsp", ca.OcspSigner);
            Assert.Equal("http://127.0.0.1:8080/", ca.OcspUrl);
            var expectedParent = ca.Name switch
            {
                "v2g-root" or "mo-root" or "oem-root" => null,
                "mo-sub1" when kind == DemoKind.P256SeparateRoots => "mo-root",
                "oem-sub1" when kind == DemoKind.P256SeparateRoots => "oem-root",
                _ when ca.Name.EndsWith("-sub1", StringComparison.Ordinal) => "v2g-root",
                _ => ca.Name.Replace("-sub2", "-sub1", StringComparison.Ordinal),
            };
            Assert.Equal(expectedParent, ca.Parent);

            // docs/architecture.md §4 invariant 1: roots and Sub-CA 1s in the root token, Sub-CA 2s in the online
            // token.
            Assert.Equal(ca.Name.EndsWith("-sub2", StringComparison.Ordinal) ? HsmTokenRoles.Online : HsmTokenRoles.Root, ca.TokenRole);
        }

        // Every signer key lives in the online token, also for the root's and Sub-CA 1s' signers.
        Assert.All(manifest.OcspSigners, s => Assert.Equal(HsmTokenRoles.Online, s.TokenRole));
        Assert.All(manifest.OcspSigners, s => Assert.True(File.Exists(demo.Layout.ResolveCa(s.CertificatePath!)), s.Name));
        Assert.Equal(HsmTokenRoles.Online, manifest.Leaves[0].TokenRole);
    }

    [Fact]
    public void CreateDemo_EveryCaAndSignerKey_IsANonExtractableSigningKeyOnItsToken()
    {
        var hierarchy = fixture.Demo(DemoKind.P256).Hierarchy;
        foreach (var ca in hierarchy.Cas)
        {
            var key = ((HsmCertificateSigner)ca.Signer!).HsmSigner.Key;
            Assert.True(key.GetPolicy().IsSigningKeyPolicy, ca.Name);
            Assert.Equal(hierarchy.Manifest.FindCa(ca.Name)!.TokenRole, key.Token.Role);
        }

        foreach (var signer in hierarchy.OcspSigners)
        {
            Assert.True(signer.Signer.Key.GetPolicy().IsSigningKeyPolicy, signer.Name);
            Assert.Equal(HsmTokenRoles.Online, signer.Signer.Key.Token.Role);
        }
    }

    [Fact]
    public void Load_ThroughManifestTokensAndDemoPinFile_GivesCaAndOcspSignersWithIds()
    {
        var demo = fixture.Demo(DemoKind.P256);
        CaHierarchyTokens.WriteDemoPins(demo.Layout, new DemoPins { RootPin = PkiHsmFixture.UserPin, OnlinePin = PkiHsmFixture.UserPin, SoPin = PkiHsmFixture.SoPin });
        var manifest = CaHierarchyManifest.Load(demo.Layout.ManifestPath);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(demo.Layout.DemoPinsPath));
        }

        using var tokens = CaHierarchyTokens.Open(manifest, demo.Layout);
        var hierarchy = CaHierarchy.Load(demo.Layout, tokens);

        Assert.Equal(9, hierarchy.Cas.Count);
        Assert.Equal(9, hierarchy.OcspSigners.Count);
        Assert.Empty(hierarchy.Pending);
        Assert.True(hierarchy.TryGetIssuerFor(CertificateKind.Evse, out var evseIssuer));
        Assert.Equal("cpo-sub2", evseIssuer.Name);
        Assert.True(hierarchy.TryGetCa(evseIssuer.IssuerId, out var byId));
        Assert.Same(evseIssuer, byId);

        var signer = hierarchy.GetOcspSigner("cpo-sub2");
        Assert.Equal((ushort)3, signer.IssuerId);
        Assert.Equal((ushort)43, signer.SignerId);
        Assert.Equal("cpo-sub2-ocsp", signer.Name);
        Assert.True(signer.NotAfter <= signer.NotBefore.AddDays(90));
        var tbs = Encoding.ASCII.GetBytes("tbsResponseData");
        var signature = signer.Signer.Sign(tbs);
        Assert.True(SignedStructure.Verify(signer.Certificate.GetPublicKey(), SignatureAlgorithm.EcdsaWithSha256, tbs, signature));
        Assert.Equal(["cpo-sub2", "cpo-sub1", "v2g-root"], hierarchy.ChainOf("cpo-sub2").Select(c => c.Name).ToArray());
    }

    [Fact]
    public void Manifest_Json_NamesPinVariablesButNoPin()
    {
        var demo = fixture.Demo(DemoKind.P256);
        var json = File.ReadAllText(demo.Layout.ManifestPath);

        Assert.DoesNotContain(PkiHsmFixture.UserPin, json, StringComparison.Ordinal);
        Assert.Contains("\"pinEnvironmentVariable\": \"V2GPKI_ROOT_PIN\"", json, StringComparison.Ordinal);
        Assert.Contains("\"keyType\": \"EcP256\"", json, StringComparison.Ordinal);
        Assert.Contains("\"issuerId\": 3", json, StringComparison.Ordinal);
        Assert.Contains("\"signerId\": 43", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CertificateFileSwapped_RefusedAsKeyMismatch()
    {
        var demo = fixture.Demo(DemoKind.P256);
        var manifest = CaHierarchyManifest.Load(demo.Layout.ManifestPath);
        manifest.FindCa("cpo-sub2")!.CertificatePath = "mo-sub2.pem";

        var e = Assert.Throws<InvalidDataException>(() => CaHierarchy.Load(manifest, demo.Layout, demo.Tokens));
        Assert.Contains("cpo-sub2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ParentSwapped_RefusedAsChainBroken()
    {
        var demo = fixture.Demo(DemoKind.P256);
        var manifest = CaHierarchyManifest.Load(demo.Layout.ManifestPath);
        manifest.FindCa("cpo-sub2")!.Parent = "mo-sub1";

        Assert.Throws<InvalidDataException>(() => CaHierarchy.Load(manifest, demo.Layout, demo.Tokens));
    }

    [Fact]
    public void CreateDemo_ManifestWithCas_Refused()
    {
        var demo = fixture.Demo(DemoKind.P256);
        var manifest = CaHierarchyManifest.Load(demo.Layout.ManifestPath);

        Assert.Throws<InvalidOperationException>(() => CaHierarchyBuilder.CreateDemo(manifest, demo.Layout, demo.Tokens, TimeProvider.System));
    }
}
