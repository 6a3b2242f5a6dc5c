// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Security.Cryptography;
using System.Text.Json;
using V2gPki.Edge.Commands.Revoke;
using V2gPki.Edge.Commands.Status;
using V2gPki.IntegrationTests.Cli;
using Xunit.Abstractions;
using PkiKind = V2gPki.Pki.Profiles.CertificateKind;

namespace V2gPki.IntegrationTests.Admin;

/// <summary><c>v2gpki revoke</c> and <c>v2gpki status</c> against the real admin listener of the fixture.</summary>
[Collection(AdminCollection.Name)]
public sealed class AdminCliTests(AdminFixture fixture, ITestOutputHelper output)
{
    private string[] Connection => ["--admin-url", fixture.BaseAddress.ToString(), "--token-file", fixture.TokenFile];

    [Fact]
    public async Task Revoke_ThenStatus_ReadableOutputAndExitCodes()
    {
        var leaf = await fixture.IssueAsync(PkiKind.Evse, NewEvseId());

        var (revokeExit, revokeOut, revokeErr) = Run(RevokeCommand.Run, ["--ca", leaf.Ca, "--serial", leaf.SerialHex, "--reason", "keyCompromise", .. Connection]);
        Assert.True(revokeExit == 0, revokeErr);
        Assert.StartsWith($"revoked cpo-sub2 serial {leaf.SerialHex} (keyCompromise) at ", revokeOut, StringComparison.Ordinal);
        Assert.Contains("OCSP answers revoked from now on", revokeOut, StringComparison.Ordinal);

        var (againExit, againOut, _) = Run(RevokeCommand.Run, ["--ca", leaf.Ca, "--serial", leaf.SerialHex, "--reason", "superseded", .. Connection]);
        Assert.Equal(0, againExit);
        Assert.Contains("was already revoked (keyCompromise)", againOut, StringComparison.Ordinal);

        var (statusExit, statusOut, statusErr) = Run(StatusCommand.Run, ["--ca", leaf.Ca, "--serial", leaf.SerialHex, .. Connection]);
        Assert.True(statusExit == 0, statusErr);
        output.WriteLine(revokeOut + "\n" + againOut + "\n" + statusOut);
        Assert.Contains($"certificate  cpo-sub2 / {leaf.SerialHex}", statusOut, StringComparison.Ordinal);
        Assert.Contains("kind         evse", statusOut, StringComparison.Ordinal);
        Assert.Contains("status       revoked (keyCompromise) since ", statusOut, StringComparison.Ordinal);
        Assert.Contains("OCSP         revoked, thisUpdate ", statusOut, StringComparison.Ordinal);
        Assert.Contains("OCSP signer  cpo-sub2-ocsp", statusOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_ByCertificateFile_CaFoundByAuthorityKeyIdAndHoldReleased()
    {
        var leaf = await fixture.IssueAsync(PkiKind.Contract, "DE8AA" + Convert.ToHexString(RandomNumberGenerator.GetBytes(5))[..9]);
        var pem = Path.Combine(fixture.DataDirectory, leaf.SerialHex + ".pem");
        await File.WriteAllTextAsync(pem, OpensslOcsp.Pem(leaf.Der));

        var (holdExit, holdOut, holdErr) = Run(RevokeCommand.Run, ["--cert", pem, "--reason", "certificateHold", .. Connection]);
        Assert.True(holdExit == 0, holdErr);
        Assert.StartsWith($"put mo-sub2 serial {leaf.SerialHex} on hold", holdOut, StringComparison.Ordinal);

        var (statusExit, statusOut, _) = Run(StatusCommand.Run, ["--cert", pem, "--json", .. Connection]);
        Assert.Equal(0, statusExit);
        using (var json = JsonDocument.Parse(statusOut))
        {
            Assert.Equal("hold", json.RootElement.GetProperty("status").GetString());
            Assert.Equal("contract", json.RootElement.GetProperty("kind").GetString());
        }

        var (releaseExit, releaseOut, releaseErr) = Run(RevokeCommand.Run, ["--cert", pem, "--unhold", .. Connection]);
        Assert.True(releaseExit == 0, releaseErr);
        Assert.StartsWith($"released mo-sub2 serial {leaf.SerialHex} from hold", releaseOut, StringComparison.Ordinal);

        var (againExit, _, againErr) = Run(RevokeCommand.Run, ["--cert", pem, "--unhold", .. Connection]);
        Assert.Equal(1, againExit);
        Assert.Contains("409 conflict: certificate is not on hold", againErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_BySubject_ListsItsCertificates()
    {
        var evseId = NewEvseId();
        var leaf = await fixture.IssueAsync(PkiKind.Evse, evseId);

        var (exit, stdout, stderr) = Run(StatusCommand.Run, ["--subject", evseId.ToLowerInvariant(), .. Connection]);

        Assert.True(exit == 0, stderr);
        output.WriteLine(stdout);
        Assert.StartsWith($"subject {evseId} (evse", stdout, StringComparison.Ordinal);
        Assert.Contains(": 1 certificate(s)", stdout, StringComparison.Ordinal);
        Assert.Contains(leaf.SerialHex, stdout, StringComparison.Ordinal);

        var (noneExit, noneOut, _) = Run(StatusCommand.Run, ["--subject", NewEvseId(), .. Connection]);
        Assert.Equal(1, noneExit);
        Assert.Contains(": 0 certificate(s)", noneOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_Cas_ListsTheHierarchy()
    {
        var (exit, stdout, stderr) = Run(StatusCommand.Run, ["--cas", .. Connection]);
        Assert.True(exit == 0, stderr);
        output.WriteLine(stdout);
        Assert.Contains("cpo-sub2", stdout, StringComparison.Ordinal);
        Assert.Contains("signer cpo-sub2-ocsp", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--ca", "cpo-sub2", "--serial", "7E0102", "not_found")]
    [InlineData("--ca", "nope", "--serial", "01", "unknown CA 'nope'")]
    public void Revoke_Refused_Exit1WithTheApisReason(string caFlag, string ca, string serialFlag, string serial, string message)
    {
        var (exit, stdout, stderr) = Run(RevokeCommand.Run, [caFlag, ca, serialFlag, serial, "--reason", "keyCompromise", .. Connection]);
        Assert.Equal(1, exit);
        Assert.Empty(stdout);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Revoke_WrongToken_Exit1Unauthorized()
    {
        var tokenFile = Path.Combine(fixture.DataDirectory, "wrong.token");
        File.WriteAllText(tokenFile, "0123456789abcdef0123456789abcdef\n");
        var (exit, _, stderr) = Run(RevokeCommand.Run, ["--ca", "cpo-sub2", "--serial", "01", "--reason", "1", "--admin-url", fixture.BaseAddress.ToString(), "--token-file", tokenFile]);
        Assert.Equal(1, exit);
        Assert.Contains("401 unauthorized: invalid bearer token", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Executable_RevokeAndStatus_ThroughProgramDispatch()
    {
        var leaf = await fixture.IssueAsync(PkiKind.Evse, NewEvseId());

        var revoke = V2gpkiProcess.Run(["revoke", "--ca", leaf.Ca, "--serial", leaf.SerialHex, "--reason", "superseded", .. Connection]);
        Assert.True(revoke.ExitCode == 0, revoke.StdErr);
        Assert.Contains("(superseded)", revoke.StdOut, StringComparison.Ordinal);

        var status = V2gpkiProcess.Run(["status", "--ca", leaf.Ca, "--serial", leaf.SerialHex, "--json", .. Connection]);
        Assert.True(status.ExitCode == 0, status.StdErr);
        using var json = JsonDocument.Parse(status.StdOut);
        Assert.Equal("superseded", json.RootElement.GetProperty("reason").GetString());
    }

    [V2gPki.IntegrationTests.Edge.AotBinaryFact]
    public async Task AotBinary_RevokeByCertificateAndStatus_NativeAotClientWorks()
    {
        var leaf = await fixture.IssueAsync(PkiKind.Evse, NewEvseId());
        var pem = Path.Combine(fixture.DataDirectory, "aot-" + leaf.SerialHex + ".pem");
        await File.WriteAllTextAsync(pem, OpensslOcsp.Pem(leaf.Der));

        var revoke = RunAot(["revoke", "--cert", pem, "--reason", "keyCompromise", .. Connection]);
        Assert.True(revoke.ExitCode == 0, revoke.StdErr);
        Assert.StartsWith($"revoked cpo-sub2 serial {leaf.SerialHex} (keyCompromise)", revoke.StdOut, StringComparison.Ordinal);

        var status = RunAot(["status", "--ca", leaf.Ca, "--serial", leaf.SerialHex, "--json", .. Connection]);
        Assert.True(status.ExitCode == 0, status.StdErr);
        using var json = JsonDocument.Parse(status.StdOut);
        Assert.Equal("revoked", json.RootElement.GetProperty("ocsp").GetProperty("status").GetString());
    }

    private static (int ExitCode, string StdOut, string StdErr) RunAot(string[] args) =>
        V2gpkiProcess.Text(Tool.Run(V2gPki.IntegrationTests.Edge.AotBinaryFactAttribute.Path!, args));

    private static string NewEvseId() => "DEABCE" + Convert.ToHexString(RandomNumberGenerator.GetBytes(5));

    private delegate int Command(ReadOnlySpan<string> args, TextWriter stdout, TextWriter stderr);

    private static (int ExitCode, string Stdout, string Stderr) Run(Command command, string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = command(args, stdout, stderr);
        return (exit, stdout.ToString().TrimEnd(), stderr.ToString());
    }
}
