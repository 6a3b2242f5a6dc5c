// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Pki.Profiles;

namespace V2gPki.Pki.Tests.Hsm;

/// <summary>
/// docs/architecture.md §4 invariant 4: every certificate of every profile, issued through real SoftHSM2 tokens (P-256,
/// P-521, Ed448; V2G-rooted and with separate MO/OEM roots), verifies with `openssl verify -x509_strict` against its
/// root, with `-partial_chain` against its issuing CA alone, and with GnuTLS `certtool --verify-chain`; leaves come
/// from real openssl CSRs.
/// </summary>
[Collection(PkiHsmCollection.Name)]
public sealed class HsmIssuanceVerificationTests(PkiHsmFixture fixture, OpenSslCsrFactory csrs) : IClassFixture<OpenSslCsrFactory>
{
    public static TheoryData<DemoKind, string> Certificates()
    {
        var data = new TheoryData<DemoKind, string>();
        foreach (DemoKind kind in Enum.GetValues<DemoKind>())
        {
            foreach (string name in DemoCertificates.NamesOf(kind))
            {
                data.Add(kind, name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Certificates))]
    public void Issue_EveryProfile_VerifiesWithOpenSslAndCertTool(DemoKind kind, string name)
    {
        DemoHierarchy demo = fixture.Demo(kind);
        (List<ReadOnlyMemory<byte>> chain, CertificateProfile profile) = DemoCertificates.Get(demo, csrs, name);
        string dir = fixture.NewDirectory("verify");

        ChainVerifier.OpenSsl(dir, chain);
        if (chain.Count > 1)
        {
            ChainVerifier.OpenSsl(dir, chain, partialChain: true);
        }

        ChainVerifier.CertTool(dir, chain);
        Assert.InRange(chain[0].Length, 1, profile.MaxDerSize);
    }
}
