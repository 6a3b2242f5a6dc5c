// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Edge.Commands;

namespace V2gPki.Edge.Tests;

/// <summary>
/// The command line through the one command tree: every command is reachable and has its help, and usage errors keep
/// the words and exit codes of the hand-written parsers the tree replaced (docs/decisions/0010-command-line-parser.md).
/// </summary>
public class CommandTreeTests
{
    public static TheoryData<string> CommandPaths()
    {
        var paths = new TheoryData<string>();
        foreach (var path in Paths(CommandTree.Build()))
        {
            paths.Add(path);
        }

        return paths;
    }

    [Fact]
    public void Build_EveryCommand_IsInTheTree()
    {
        Assert.Equal(
            ["", "demo", "serve", "store", "store verify", "ca", "ca init", "ca csr", "ca import", "ca list", "revoke", "status", "id", "id check", "parties", "parties hash-password", "perf-serve", "help"],
            Paths(CommandTree.Build()));
    }

    [Theory]
    [MemberData(nameof(CommandPaths))]
    public void Run_HelpOfEveryCommand_Exit0WithUsageExitStatusAndExamples(string path)
    {
        foreach (var flag in new[] { "--help", "-h" })
        {
            var (code, stdout, stderr) = Run([.. Split(path), flag]);
            Assert.Equal(0, code);
            Assert.Empty(stderr);
            Assert.StartsWith(path is "" or "help" ? "v2gpki — " : "usage: v2gpki", stdout, StringComparison.Ordinal);
            Assert.Contains("\nexit status: 0 ", stdout, StringComparison.Ordinal);
            Assert.Contains(", 2 usage error\n", stdout, StringComparison.Ordinal);
            Assert.Contains("\nexamples:\n  v2gpki ", stdout, StringComparison.Ordinal);
            Assert.Contains("  -h, --help ", stdout, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("v2gpki — ", "help")]
    [InlineData("v2gpki — ", "help", "revoke", "--bogus")]
    [InlineData("v2gpki — ", "--help", "bogus")]
    [InlineData("usage: v2gpki store verify", "store", "help", "x")]
    [InlineData("usage: v2gpki ca <command>", "ca", "-h", "--bogus")]
    [InlineData("usage: v2gpki id check", "id", "check", "--help", "a", "b", "c")]
    [InlineData("usage: v2gpki revoke", "revoke", "--reason", "bogus", "--help")]
    [InlineData("usage: v2gpki ca csr", "ca", "csr", "a", "b", "--help")]
    public void Run_HelpWhereItWinsOverTheRest_Exit0(string start, params string[] args)
    {
        var (code, stdout, stderr) = Run(args);
        Assert.Equal(0, code);
        Assert.Empty(stderr);
        Assert.StartsWith(start, stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v2gpki: unknown command 'nope'", "nope")]
    [InlineData("v2gpki: unknown command '--version'", "--version")]
    [InlineData("v2gpki: unknown command 'v2gpki'", "v2gpki", "revoke", "--help")]
    [InlineData("v2gpki: unknown command '[suggest]'", "[suggest]", "revoke")]
    [InlineData("v2gpki store: unknown command 'store nope'", "store", "nope")]
    [InlineData("v2gpki ca: unknown command 'ca nope'", "ca", "nope")]
    [InlineData("v2gpki serve: unknown argument '--bogus'", "serve", "--bogus")]
    [InlineData("v2gpki serve: unknown argument '--bogus'", "serve", "--help", "--bogus")]
    [InlineData("v2gpki serve: unknown argument '--config:a.json'", "serve", "--config:a.json")]
    [InlineData("v2gpki serve: unknown argument '--check-config=true'", "serve", "--config", "a.json", "--check-config=true")]
    [InlineData("v2gpki revoke: unknown argument 'false'", "revoke", "--unhold", "false")]
    [InlineData("v2gpki revoke: unknown argument '--'", "revoke", "--", "--ca", "x")]
    [InlineData("v2gpki revoke: unknown argument '@args.txt'", "revoke", "@args.txt")]
    [InlineData("v2gpki revoke: unknown argument '-?'", "revoke", "-?")]
    [InlineData("v2gpki store verify: unknown argument 'stray'", "store", "verify", "stray")]
    [InlineData("v2gpki ca: unknown option '--bogus'", "ca", "init", "--bogus")]
    [InlineData("v2gpki ca: unknown option '--data=x'", "ca", "init", "--data=x")]
    [InlineData("v2gpki ca: unknown option '-'", "ca", "list", "-")]
    [InlineData("v2gpki ca: --iso is 2 or 20, not '3'", "ca", "init", "--iso", "3", "--bogus")]
    [InlineData("v2gpki ca: --iso is 2 or 20, not '3'", "ca", "init", "--iso", "3", "--iso", "20", "--help")]
    [InlineData("v2gpki id: unknown option '--bogus'", "id", "check", "--bogus", "evse", "a")]
    [InlineData("v2gpki id: unknown option '--strict=true'", "id", "check", "--strict=true", "evse", "a")]
    [InlineData("v2gpki id: unexpected argument 'b'", "id", "check", "evse", "a", "b")]
    [InlineData("v2gpki id: unexpected argument 'c'", "id", "check", "a", "b", "c", "--help")]
    [InlineData("v2gpki id: unexpected argument 'verify'", "id", "verify", "emaid", "A")]
    public void Run_UnknownArgument_Exit2WithTheWordsOfBefore(string message, params string[] args) => AssertUsageError(message, args);

    [Theory]
    [InlineData("v2gpki serve: option --config needs a value", "serve", "--config")]
    [InlineData("v2gpki revoke: option --ca needs a value", "revoke", "--ca", "a", "--ca")]
    [InlineData("v2gpki revoke: option --reason needs a value", "revoke", "--help", "--reason")]
    [InlineData("v2gpki status: option --limit needs a value", "status", "--subject", "x", "--limit")]
    [InlineData("v2gpki ca: --data needs a value", "ca", "list", "--data")]
    public void Run_MissingValue_Exit2(string message, params string[] args) => AssertUsageError(message, args);

    [Theory]
    [InlineData("v2gpki revoke: --cert and --serial exclude each other", "revoke", "--cert", "a.pem", "--serial", "01", "--reason", "1")]
    [InlineData("v2gpki revoke: --unhold takes no --reason", "revoke", "--ca", "cpo-sub2", "--serial", "01", "--unhold", "--reason", "1")]
    [InlineData("v2gpki status: --serial, --cert, --subject and --cas exclude each other", "status", "--cas", "--subject", "x")]
    [InlineData("v2gpki status: --limit goes with --subject", "status", "--ca", "a", "--serial", "01", "--limit", "5")]
    [InlineData("v2gpki serve: missing --config <file>", "serve", "--check-config")]
    [InlineData("v2gpki demo: --port and --admin-port take a port number (0-65535)", "demo", "--port", "70000")]
    [InlineData("v2gpki id: expected an identifier type and a value", "id", "check", "evse", "--")]
    [InlineData("v2gpki id: unknown identifier type 'veh'; expected evse|secc|emaid|pcid", "id", "check", "veh", "x")]
    [InlineData("v2gpki ca: usage: v2gpki ca csr <name> [--data <dir>] [--out <file>]", "ca", "csr", "a", "b")]
    public void Run_OptionsThatDoNotGoTogether_Exit2(string message, params string[] args) => AssertUsageError(message, args);

    [Fact]
    public void Run_UsageError_PrintsTheHelpOrWhereToFindIt()
    {
        var (_, _, revoke) = Run(["revoke", "--bogus"]);
        Assert.Contains("\nusage: v2gpki revoke --ca <name> --serial <hex>", revoke, StringComparison.Ordinal);
        Assert.Contains("\nexit status: ", revoke, StringComparison.Ordinal);

        var (_, _, ca) = Run(["ca", "init", "--bogus"]);
        Assert.Equal("v2gpki ca: unknown option '--bogus'\nsee 'v2gpki ca --help'\n", ca);

        // store verify's own value checks print the message alone, as they did.
        var (code, _, store) = Run(["store", "verify", "--max-listed", "x", "--config", "a.json"]);
        Assert.Equal(2, code);
        Assert.Equal("v2gpki store verify: --max-listed 'x' is not a number up to 100000\n", store);
    }

    [Theory]
    [InlineData(2, "out", "")]
    [InlineData(2, "out", "store")]
    [InlineData(2, "out", "ca")]
    [InlineData(2, "err", "id")]
    [InlineData(2, "err", "id", "--strict")]
    public void Run_CommandWithoutItsSubcommand_Exit2(int expected, string stream, params string[] args)
    {
        var (code, stdout, stderr) = Run(args.Length == 1 && args[0].Length == 0 ? [] : args);
        Assert.Equal(expected, code);
        Assert.Contains("usage: v2gpki", stream == "out" ? stdout : stderr, StringComparison.Ordinal);
        Assert.Empty(stream == "out" ? stderr : stdout);
    }

    [Fact]
    public void Run_OptionGivenTwice_LastValueWins()
    {
        // The first --admin-url is not a URL; only the last one is read, so the run gets as far as the token file.
        var (code, _, stderr) = Run(["revoke", "--ca", "cpo-sub2", "--serial", "01", "--reason", "1", "--admin-url", "ftp://x", "--admin-url", "http://127.0.0.1:1", "--token-file", "/nonexistent/admin.token"]);
        Assert.Equal(1, code);
        Assert.Contains("'/nonexistent/admin.token' does not exist", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_IdCheckWithFlagsAnywhere_Checks()
    {
        var (code, stdout, _) = Run(["id", "--strict", "check", "emaid", "NL-TNM-000122045-X"]);
        Assert.Equal(1, code);
        Assert.Contains("verdict:     INVALID (WrongCheckDigit)", stdout, StringComparison.Ordinal);

        (code, stdout, _) = Run(["id", "check", "emaid", "--", "-NLTNM000122045"]);
        Assert.Equal(1, code);
        Assert.Contains("input:       -NLTNM000122045", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_PartiesHashPassword_PrintsAHashThatVerifiesTheFilesPassword()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "correct horse battery staple\nsecond line ignored\n");

            var (code, stdout, stderr) = Run(["parties", "hash-password", "--password-file", file, "--iterations", "100000"]);

            Assert.True(code == 0, stderr);
            var line = stdout.TrimEnd('\n');
            Assert.StartsWith("pbkdf2-sha256$100000$", line, StringComparison.Ordinal);
            Assert.True(V2gPki.Parties.Credentials.PasswordHash.TryParse(line, out var hash, out var error), error);
            Assert.True(hash.Verify("correct horse battery staple"));
            Assert.False(hash.Verify("second line ignored"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Run_PartiesHashPassword_EmptyOrMissingFile_Exit1AndIterationsOutOfRange_Exit2()
    {
        var file = Path.GetTempFileName();
        try
        {
            var (code, _, stderr) = Run(["parties", "hash-password", "--password-file", file]);
            Assert.Equal(1, code);
            Assert.Contains("the password is empty", stderr, StringComparison.Ordinal);

            (code, _, stderr) = Run(["parties", "hash-password", "--password-file", file + ".none"]);
            Assert.Equal(1, code);
            Assert.Contains("cannot read", stderr, StringComparison.Ordinal);

            (code, _, stderr) = Run(["parties", "hash-password", "--password-file", file, "--iterations", "1000"]);
            Assert.Equal(2, code);
            Assert.Contains("--iterations must be a whole number from 100000", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static void AssertUsageError(string message, string[] args)
    {
        var (code, stdout, stderr) = Run(args);
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Equal(message, stderr.Split('\n')[0]);
    }

    private static (int Code, string Out, string Err) Run(string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var code = CommandTree.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string[] Split(string path) => path.Length == 0 ? [] : path.Split(' ');

    // Every command's path from the root ("" for the root), depth first, leaving out the hidden "help" of store and ca.
    private static List<string> Paths(CliCommand command)
    {
        var paths = new List<string> { command.Path };
        foreach (var subcommand in command.Subcommands)
        {
            if (!subcommand.Hidden)
            {
                paths.AddRange(Paths((CliCommand)subcommand));
            }
        }

        return paths;
    }
}
