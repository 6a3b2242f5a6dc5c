// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Security.Cryptography;
using V2gPki.IntegrationTests.Serve;

namespace V2gPki.IntegrationTests.Interop;

/// <summary>
/// Cisco libest's <c>estclient</c> (built from tests/interop/vendor) against the demo's EST listener: a client that
/// speaks TLS 1.2 only, sends <c>Connection: close</c>, reads only the first <c>WWW-Authenticate</c> and sends HTTP Basic
/// only after that challenge, and uses the label as RFC 7030 §3.2.2 path segment. Its exit status is always 0, so every
/// test judges by the files it wrote (checked with openssl) and by the HTTP status its verbose log reports.
/// </summary>
[Collection(PkiServerCollection.Name)]
public sealed class LibestInteropTests(PkiServerFixture fixture) : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("v2gpki-libest-").FullName;

    public static TheoryData<string, string> CaCertsLabels => new()
    {
        { "cpo", "CPO" },
        { "mo", "MO" },
        { "qa-cpo", "CPO" },   // an OPCP environment prefix before the role (docs/architecture.md §2)
    };

    [EstClientTheory(EstClientTheoryAttribute.Libest)]
    [MemberData(nameof(CaCertsLabels))]
    public void CaCerts_Estclient_SubCa2FirstAndTheRootLast(string label, string branch)
    {
        var (log, file) = CaCerts(label);

        Assert.Contains("HTTP status 200 received", log, StringComparison.Ordinal);
        var subjects = InteropFiles.Subjects(InteropFiles.PrintPkcs7(file));
        Assert.True(subjects.Length == 3, string.Join('\n', subjects) + "\n" + log);
        Assert.Contains("CN = " + branch + " Sub-CA 2", subjects[0], StringComparison.Ordinal);
        Assert.Contains("CN = " + branch + " Sub-CA 1", subjects[1], StringComparison.Ordinal);
        Assert.Contains("CN = V2G Root CA", subjects[2], StringComparison.Ordinal);
    }

    public static TheoryData<string, string> Identifiers => new()
    {
        { "cpo", InteropFiles.EvseId() },
        { "mo", InteropFiles.Emaid() },
    };

    [EstClientTheory(EstClientTheoryAttribute.Libest)]
    [MemberData(nameof(Identifiers))]
    public void SimpleEnroll_EstclientWithBasicAfterTheChallenge_LeafOnlyThatVerifiesWithTheCaCertsChain(string ca, string id)
    {
        var csr = InteropFiles.MakeCsr(_work, id);
        var (user, password) = Account(ca);

        var log = Run("-e", "-y", csr, "-u", user, "-h", password, "--path-seg", ca, "-o", Output("enroll"));

        // The first request goes without credentials; the 401 with the Basic challenge brings the second (RFC 7030 §3.2.3).
        Assert.Contains("HTTP status 401 received", log, StringComparison.Ordinal);
        Assert.Contains("HTTP status 200 received", log, StringComparison.Ordinal);
        var written = Path.Combine(Output("enroll"), "cert-0-0.pkcs7");
        Assert.True(File.Exists(written), "estclient wrote no certificate:\n" + log);
        var printout = InteropFiles.PrintPkcs7(written);
        var subject = Assert.Single(InteropFiles.Subjects(printout));
        Assert.Contains("CN = " + InteropFiles.Normalized(id) + ",", subject, StringComparison.Ordinal);

        var leaf = Path.Combine(_work, "leaf.pem");
        File.WriteAllText(leaf, printout);
        var (_, caCerts) = CaCerts(ca);
        InteropFiles.VerifyWithCaCerts(_work, leaf, InteropFiles.PemBlocks(InteropFiles.PrintPkcs7(caCerts)), fixture.Ca("v2g-root"));
    }

    [EstClientTheory(EstClientTheoryAttribute.Libest)]
    [InlineData("cpo")]
    [InlineData("mo")]
    public void SimpleEnroll_EstclientWithAWrongPassword_401AndNoCertificate(string ca)
    {
        var csr = InteropFiles.MakeCsr(_work, ca == "cpo" ? InteropFiles.EvseId() : InteropFiles.Emaid());
        var (user, _) = Account(ca);

        var log = Run("-e", "-y", csr, "-u", user, "-h", "not-the-password", "--path-seg", ca, "-o", Output("refused"));

        Assert.Contains("HTTP status 401 received", log, StringComparison.Ordinal);
        Assert.DoesNotContain("HTTP status 200 received", log, StringComparison.Ordinal);
        Assert.Contains("EST_ERR_AUTH_FAIL", log, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Output("refused")));
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private (string Log, string File) CaCerts(string label)
    {
        var directory = Output("cacerts-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(3)));
        var log = Run("-g", "--path-seg", label, "-o", directory);
        var file = Path.Combine(directory, "cacert-0-0.pkcs7");
        Assert.True(File.Exists(file), "estclient wrote no CA certificates:\n" + log);
        return (log, file);
    }

    /// <summary>Runs estclient verbosely against the listener, trusting only the EST TLS root; returns its output.</summary>
    private string Run(params string[] args)
    {
        var command = new Tool.Command(EstClientTheoryAttribute.RequiredPath(EstClientTheoryAttribute.Libest),
            ["-v", "-s", fixture.EstAddress.Host, "-p", fixture.EstAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-w", "30", .. args])
        {
            // The only trust anchor: estclient takes it from this variable, not from an option.
            Environment = { ["EST_OPENSSL_CACERT"] = fixture.EstTlsRoot },
            WorkingDirectory = _work,
        };
        var result = Tool.Run(command);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.All;
    }

    private string Output(string name)
    {
        var directory = Path.Combine(_work, name);
        Directory.CreateDirectory(directory);
        return directory;
    }

    private (string User, string Password) Account(string role)
    {
        var account = fixture.EstAccount(role);
        var colon = account.IndexOf(':', StringComparison.Ordinal);
        return (account[..colon], account[(colon + 1)..]);
    }
}
