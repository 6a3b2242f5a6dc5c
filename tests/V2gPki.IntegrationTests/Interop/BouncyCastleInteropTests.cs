// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Security.Cryptography;
using V2gPki.IntegrationTests.Serve;

namespace V2gPki.IntegrationTests.Interop;

/// <summary>
/// BouncyCastle Java's EST client (org.bouncycastle.est, driven by tests/interop/bc-est/EstClient.java) against the
/// demo's EST listener: a client that decodes base64 only on <c>Content-Transfer-Encoding: base64</c>, needs a
/// <c>Content-Length</c>, sends HTTP Basic only after a 401 challenge and insists on reading a 401's body to its
/// announced length before it answers the challenge. The client writes what it received as PEM in the order of the
/// PKCS#7; openssl judges it.
/// </summary>
[Collection(PkiServerCollection.Name)]
public sealed class BouncyCastleInteropTests(PkiServerFixture fixture) : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("v2gpki-bc-est-").FullName;

    [EstClientTheory(EstClientTheoryAttribute.BouncyCastle)]
    [InlineData("cpo", "CPO")]
    [InlineData("mo", "MO")]
    public void CaCerts_BouncyCastle_SubCa2FirstAndTheRootLast(string label, string branch)
    {
        var file = CaCerts(label);

        // In the order the client wrote them, which is the order of the PKCS#7 it received.
        var subjects = InteropFiles.PemBlocks(File.ReadAllText(file)).Select(Subject).ToArray();
        Assert.Equal(3, subjects.Length);
        Assert.Contains("CN = " + branch + " Sub-CA 2", subjects[0], StringComparison.Ordinal);
        Assert.Contains("CN = " + branch + " Sub-CA 1", subjects[1], StringComparison.Ordinal);
        Assert.Contains("CN = V2G Root CA", subjects[2], StringComparison.Ordinal);
    }

    public static TheoryData<string, string> Identifiers => new()
    {
        { "cpo", InteropFiles.EvseId() },
        { "mo", InteropFiles.Emaid() },
    };

    [EstClientTheory(EstClientTheoryAttribute.BouncyCastle)]
    [MemberData(nameof(Identifiers))]
    public void SimpleEnroll_BouncyCastleWithBasicAfterTheChallenge_OnlyTheLeafThatVerifiesWithTheCaCertsChain(string ca, string id)
    {
        var (user, password) = Account(ca);
        var leaf = Path.Combine(_work, "leaf.pem");

        var result = Run("enroll", ca, leaf, user, password, "C=DE,O=V2gPki Demo,CN=" + id);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("certificates: 1", result.StdOut, StringComparison.Ordinal);
        Assert.Single(InteropFiles.PemBlocks(File.ReadAllText(leaf)));
        var subject = Tool.OpenSsl("x509", "-in", leaf, "-noout", "-subject").StdOut;
        Assert.Contains("CN = " + InteropFiles.Normalized(id) + ",", subject, StringComparison.Ordinal);
        InteropFiles.VerifyWithCaCerts(_work, leaf, InteropFiles.PemBlocks(File.ReadAllText(CaCerts(ca))), fixture.Ca("v2g-root"));
    }

    [EstClientTheory(EstClientTheoryAttribute.BouncyCastle)]
    [InlineData("cpo")]
    [InlineData("mo")]
    public void SimpleEnroll_BouncyCastleWithAWrongPassword_401AndNoCertificate(string ca)
    {
        var (user, _) = Account(ca);
        var leaf = Path.Combine(_work, "refused.pem");
        var id = ca == "cpo" ? InteropFiles.EvseId() : InteropFiles.Emaid();

        var result = Run("enroll", ca, leaf, user, "not-the-password", "C=DE,O=V2gPki Demo,CN=" + id);

        // Exit 2 with the status is the client's ESTException: the server answered the credential with a second 401.
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("status: 401", result.StdOut, StringComparison.Ordinal);
        Assert.False(File.Exists(leaf));
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private string CaCerts(string label)
    {
        var file = Path.Combine(_work, "cacerts-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(3)) + ".pem");
        var result = Run("cacerts", label, file);
        Assert.True(result.ExitCode == 0, result.ToString());
        return file;
    }

    private string Subject(string pem)
    {
        var file = Path.Combine(_work, "one-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(3)) + ".pem");
        File.WriteAllText(file, pem);
        return Tool.OpenSsl("x509", "-in", file, "-noout", "-subject").StdOut;
    }

    /// <summary>Runs the client against the listener (host:port, the label), trusting only the EST TLS root.</summary>
    private Tool.Result Run(string operation, string label, string output, params string[] rest) =>
        Tool.Run(new Tool.Command(EstClientTheoryAttribute.RequiredPath(EstClientTheoryAttribute.BouncyCastle),
            [operation, fixture.EstAddress.Host + ":" + fixture.EstAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), label, fixture.EstTlsRoot, output, .. rest])
        {
            WorkingDirectory = _work,
        });

    private (string User, string Password) Account(string role)
    {
        var account = fixture.EstAccount(role);
        var colon = account.IndexOf(':', StringComparison.Ordinal);
        return (account[..colon], account[(colon + 1)..]);
    }
}
