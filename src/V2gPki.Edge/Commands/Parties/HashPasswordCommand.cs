// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Globalization;
using V2gPki.Parties.Credentials;

namespace V2gPki.Edge.Commands.Parties;

/// <summary>
/// <c>v2gpki parties hash-password [--password-file &lt;file|-&gt;] [--iterations &lt;n&gt;]</c>: prints the
/// <c>Parties:Accounts:*:PasswordHash</c> string of a password (PBKDF2-SHA256, iterations and salt in the string), so a
/// configuration never holds a password. The password is read from a file or standard input, never from an argument
/// (arguments show in process listings and shell history).
/// </summary>
internal static class HashPasswordCommand
{
    /// <summary>Exit status when the hash is printed.</summary>
    public const int ExitDone = 0;

    /// <summary>Exit status when the password cannot be read or is not acceptable.</summary>
    public const int ExitFailed = 1;

    private const string Synopsis = "usage: v2gpki parties hash-password [--password-file <file|->] [--iterations <n>]";

    private const string Details = """
        Prints the PasswordHash of an EST account (Parties:Accounts in the config) for a password:
        pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>. The password is the first line of the file
        (default '-': standard input; a terminal shows what is typed, so pipe it in). It is never an argument.
        """;

    private const string ExitStatus = "exit status: 0 printed, 1 the password is empty, too long or unreadable, 2 usage error";

    private const string Examples = """
        v2gpki parties hash-password --password-file secrets/cpo-backend.pw --iterations 1000000
        v2gpki parties hash-password < secrets/cpo-backend.pw
        """;

    /// <summary>The <c>parties</c> command and its <c>hash-password</c> subcommand.</summary>
    /// <returns>The command, for <see cref="CommandTree"/>.</returns>
    public static CliCommand Create()
    {
        var file = CliOptions.Value("--password-file", "file|-", "the file whose first line is the password; '-' (default) reads standard input");
        var iterations = CliOptions.Value("--iterations", "n", $"PBKDF2 iterations, {PasswordHash.MinIterations} to {PasswordHash.MaxIterations} (default {PasswordHash.DefaultIterations})",
            static text => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= PasswordHash.MinIterations and <= PasswordHash.MaxIterations
                ? null
                : $"--iterations must be a whole number from {PasswordHash.MinIterations} to {PasswordHash.MaxIterations}");
        var hash = new CliCommand("hash-password", "print the PasswordHash of an EST account's password")
        {
            Synopsis = Synopsis,
            Details = Details,
            ExitStatus = ExitStatus,
            Examples = Examples,
            Wording = UsageWording.UnexpectedArgument,
        };
        hash.Options.Add(file);
        hash.Options.Add(iterations);
        hash.SetAction(parseResult =>
        {
            var count = parseResult.GetValue(iterations) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : PasswordHash.DefaultIterations;
            return Hash(parseResult.GetValue(file) ?? "-", count, parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error);
        });

        var parties = new CliCommand("parties", "the parties that authenticate at EST: parties hash-password")
        {
            Synopsis = Synopsis,
            Details = Details,
            ExitStatus = ExitStatus,
            Examples = Examples,
            Wording = UsageWording.UnexpectedArgument,
        };
        parties.Subcommands.Add(hash);
        parties.SetAction(parseResult => parties.UsageError("missing subcommand 'hash-password'", parseResult.InvocationConfiguration.Error));
        return parties;
    }

    private static int Hash(string source, int iterations, TextWriter stdout, TextWriter stderr)
    {
        string? line;
        try
        {
            if (source == "-")
            {
                line = Console.In.ReadLine();
            }
            else
            {
                using var reader = new StreamReader(source);
                line = reader.ReadLine();
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"v2gpki parties hash-password: cannot read '{source}': {ex.Message}");
            return ExitFailed;
        }

        if (string.IsNullOrEmpty(line))
        {
            stderr.WriteLine("v2gpki parties hash-password: the password is empty (the first line of the input)");
            return ExitFailed;
        }

        string hash;
        try
        {
            hash = PasswordHash.Create(line, iterations);
        }
        catch (ArgumentException ex)
        {
            stderr.WriteLine("v2gpki parties hash-password: " + ex.Message);
            return ExitFailed;
        }

        stdout.WriteLine(hash);
        return ExitDone;
    }
}
