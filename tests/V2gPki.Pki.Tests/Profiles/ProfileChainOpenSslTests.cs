// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Text;
using Org.BouncyCastle.X509;
using V2gPki.Pki.Profiles;

namespace V2gPki.Pki.Tests.Profiles;

/// <summary>
/// Independent check of the profiles: chains built from them (software keys, linted before signing) verify with
/// `openssl verify -x509_strict` and fit the size limit. The HSM-signed issuance repeats this with real tokens.
/// </summary>
public sealed class ProfileChainOpenSslTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("v2gpki-chain-").FullName;

    public static TheoryData<CertificateKind, CertificateKind, CertificateKind, int, KeyAlgorithm> Chains() => new()
    {
        { CertificateKind.CpoSub1, CertificateKind.CpoSub2, CertificateKind.Evse, 2, KeyAlgorithm.EcP256 },
        { CertificateKind.MoSub1, CertificateKind.MoSub2, CertificateKind.Contract, 2, KeyAlgorithm.EcP256 },
        { CertificateKind.OemSub1, CertificateKind.OemSub2, CertificateKind.OemProvisioning, 2, KeyAlgorithm.EcP256 },
        { CertificateKind.CpsSub1, CertificateKind.CpsSub2, CertificateKind.Cps, 2, KeyAlgorithm.EcP256 },
        { CertificateKind.CpoSub1, CertificateKind.CpoSub2, CertificateKind.CpoSub2Ocsp, 2, KeyAlgorithm.EcP256 },
        { CertificateKind.CpoSub1, CertificateKind.CpoSub2, CertificateKind.Evse, 20, KeyAlgorithm.EcP521 },
        { CertificateKind.MoSub1, CertificateKind.MoSub2, CertificateKind.Contract, 20, KeyAlgorithm.EcP521 },
        { CertificateKind.CpoSub1, CertificateKind.CpoSub2, CertificateKind.Evse, 20, KeyAlgorithm.Ed448 },
    };

    [Theory]
    [MemberData(nameof(Chains))]
    public void Chain_FromProfiles_VerifiesWithOpenSslStrict(CertificateKind sub1Kind, CertificateKind sub2Kind, CertificateKind leafKind, int version, KeyAlgorithm key)
    {
        var v = (Iso15118Version)version;
        var catalog = CertificateProfileCatalog.Default;
        var root = TestIssuance.Issue(catalog.Get(CertificateKind.V2gRoot, v), key, null);
        var sub1 = TestIssuance.Issue(catalog.Get(sub1Kind, v), key, root);
        var sub2 = TestIssuance.Issue(catalog.Get(sub2Kind, v), key, sub1);
        var leafProfile = catalog.Get(leafKind, v);
        var leaf = TestIssuance.Issue(leafProfile, key, sub2);

        foreach (var ca in new[] { root, sub1, sub2, leaf })
        {
            Assert.True(ca.Certificate.GetEncoded().Length <= leafProfile.MaxDerSize, $"{ca.Certificate.SubjectDN}: {ca.Certificate.GetEncoded().Length} bytes");
        }

        var rootFile = Write("root.pem", root.Certificate);
        var chainFile = Write("chain.pem", sub2.Certificate, sub1.Certificate);
        var leafFile = Write("leaf.pem", leaf.Certificate);

        // -attime: the certificates start at the tests' fixed clock.
        var at = TestIssuance.Now.AddDays(1).ToUnixTimeSeconds();
        var output = Encoding.ASCII.GetString(Tool.OpenSsl("verify", "-x509_strict", "-attime", at.ToString(System.Globalization.CultureInfo.InvariantCulture), "-CAfile", rootFile, "-untrusted", chainFile, leafFile).StdOutBytes);
        Assert.Contains(": OK", output, StringComparison.Ordinal);

        var text = Encoding.ASCII.GetString(Tool.OpenSsl("x509", "-in", leafFile, "-noout", "-text").StdOutBytes);
        Assert.Contains("X509v3 Basic Constraints: critical", text, StringComparison.Ordinal);
        Assert.Contains("X509v3 Key Usage: critical", text, StringComparison.Ordinal);
        var sub1Text = Encoding.ASCII.GetString(Tool.OpenSsl("x509", "-in", Write("sub1.pem", sub1.Certificate), "-noout", "-text").StdOutBytes);
        Assert.Contains("Policy: 1.3.6.1.4.1.41525.1.2.1.0", sub1Text, StringComparison.Ordinal);
        Assert.Contains("CA:TRUE, pathlen:1", sub1Text, StringComparison.Ordinal);
        Assert.Contains("OCSP - URI:http://localhost:8080", sub1Text, StringComparison.Ordinal);
    }

    private string Write(string name, params X509Certificate[] certificates)
    {
        var sb = new StringBuilder();
        foreach (var certificate in certificates)
        {
            sb.Append("-----BEGIN CERTIFICATE-----\n")
                .Append(Convert.ToBase64String(certificate.GetEncoded(), Base64FormattingOptions.InsertLineBreaks).Replace("\r\n", "\n", StringComparison.Ordinal))
                .Append("\n-----END CERTIFICATE-----\n");
        }

        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, sb.ToString());
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
    }
}
