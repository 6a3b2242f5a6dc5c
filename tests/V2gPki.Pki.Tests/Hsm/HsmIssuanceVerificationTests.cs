// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.


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
        foreach (var kind in Enum.GetValues<DemoKind>())
        {
            foreach (var name in DemoCertificates.NamesOf(kind))
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
        var demo = fixture.Demo(kind);
        (var chain, var profile) = DemoCertificates.Get(demo, csrs, name);
        var dir = fixture.NewDirectory("verify");

        ChainVerifier.OpenSsl(dir, chain);
        if (chain.Count > 1)
        {
            ChainVerifier.OpenSsl(dir, chain, partialChain: true);
        }

        ChainVerifier.CertTool(dir, chain);
        Assert.InRange(chain[0].Length, 1, profile.MaxDerSize);
    }
}
