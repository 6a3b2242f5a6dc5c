// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.


using V2gPki.Edge.Commands.Revoke;
using V2gPki.Edge.Commands.Status;
using V2gPki.Edge.Listeners.Admin;

namespace V2gPki.Edge.Tests.Admin;

public class AdminCommandUsageTests
{
    [Theory]
    [InlineData("revoke")]
    [InlineData("status")]
    public void Help_Exit0(string command) => Assert.Equal(0, Program.Main([command, "--help"]));

    [Theory]
    [InlineData("--serial", "01", "--reason", "1")]
    [InlineData("--ca", "cpo-sub2", "--reason", "1")]
    [InlineData("--ca", "cpo-sub2", "--serial", "01")]
    [InlineData("--ca", "cpo-sub2", "--serial", "01", "--reason", "stolen")]
    [InlineData("--ca", "cpo-sub2", "--serial", "01", "--reason", "removeFromCRL")]
    [InlineData("--ca", "cpo-sub2", "--serial", "01", "--reason", "1", "--unhold")]
    [InlineData("--ca", "cpo-sub2", "--serial", "01", "--unhold", "--time", "2025-01-01T00:00:00Z")]
    [InlineData("--ca", "cpo-sub2", "--serial", "xyz", "--reason", "1")]
    [InlineData("--ca", "cpo-sub2", "--serial", "01", "--reason", "1", "--time", "yesterday")]
    [InlineData("--cert", "a.pem", "--serial", "01", "--reason", "1")]
    [InlineData("--ca", "cpo-sub2", "--serial", "01", "--reason", "1", "--admin-url", "ftp://x")]
    [InlineData("--ca", "cpo-sub2", "--serial", "01", "--reason", "1", "--bogus")]
    public void Revoke_UsageErrors_Exit2WithUsage(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.Equal(RevokeCommand.ExitUsage, RevokeCommand.Run(args, stdout, stderr));
        Assert.Contains("usage: v2gpki revoke", stderr.ToString(), StringComparison.Ordinal);
        Assert.Empty(stdout.ToString());
    }

    [Theory]
    [InlineData()]
    [InlineData("--serial", "01")]
    [InlineData("--ca", "cpo-sub2", "--serial", "01", "--subject", "DEABCE1")]
    [InlineData("--subject", "DEABCE1", "--ca", "cpo-sub2")]
    [InlineData("--cas", "--subject", "x")]
    [InlineData("--subject", "DEABCE1", "--limit", "0")]
    [InlineData("--ca", "cpo-sub2", "--serial", "01", "--limit", "3")]
    public void Status_UsageErrors_Exit2(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.Equal(StatusCommand.ExitUsage, StatusCommand.Run(args, stdout, stderr));
        Assert.Contains("usage: v2gpki status", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Revoke_MissingTokenFile_Exit1NamingIt()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.Equal(RevokeCommand.ExitFailed, RevokeCommand.Run(["--ca", "cpo-sub2", "--serial", "01", "--reason", "1", "--token-file", "/nonexistent/admin.token"], stdout, stderr));
        Assert.Contains("'/nonexistent/admin.token' does not exist", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Status_UnreachableListener_Exit1()
    {
        var token = Path.GetTempFileName();
        try
        {
            File.WriteAllText(token, "0123456789abcdef0123\n");
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            Assert.Equal(StatusCommand.ExitFailed, StatusCommand.Run(["--cas", "--token-file", token, "--admin-url", "http://127.0.0.1:1"], stdout, stderr));
            Assert.Contains("cannot reach the admin API at http://127.0.0.1:1/", stderr.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(token);
        }
    }

    [Theory]
    [InlineData("revoked", true, "keyCompromise", "revoked cpo-sub2 serial 0A (keyCompromise) at 2025-01-31T12:00:00Z; OCSP answers revoked from now on")]
    [InlineData("revoked", false, "superseded", "cpo-sub2 serial 0A was already revoked (superseded) at 2025-01-31T12:00:00Z; first reason and time kept")]
    [InlineData("hold", true, "certificateHold", "put cpo-sub2 serial 0A on hold (certificateHold) at 2025-01-31T12:00:00Z; OCSP answers revoked (certificateHold) from now on")]
    public void Sentence_StatusChanges(string status, bool changed, string reason, string expected)
    {
        var sentence = RevokeCommand.Sentence(new StatusChangeResponse
        {
            Ca = "cpo-sub2",
            Serial = "0A",
            Status = status,
            Changed = changed,
            Reason = reason,
            RevokedAt = new DateTimeOffset(2025, 1, 31, 12, 0, 0, TimeSpan.Zero),
        });
        Assert.Equal(expected, sentence);
    }
}
