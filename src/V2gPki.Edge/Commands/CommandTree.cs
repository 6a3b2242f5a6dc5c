// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using V2gPki.Edge.Commands.Ca;
using V2gPki.Edge.Commands.Demo;
using V2gPki.Edge.Commands.Id;
using V2gPki.Edge.Commands.Parties;
using V2gPki.Edge.Commands.PerfServe;
using V2gPki.Edge.Commands.Revoke;
using V2gPki.Edge.Commands.Serve;
using V2gPki.Edge.Commands.Status;
using V2gPki.Edge.Commands.StoreVerify;

namespace V2gPki.Edge.Commands;

/// <summary>
/// The command line of <c>v2gpki</c>: one System.CommandLine tree, each command folder contributing its command, and
/// the one place that turns a parse into help, a usage error (exit 2) or the command's action. Compatibility with the
/// hand-written parsers it replaced (option names, messages, exit codes) is kept here and in
/// <see cref="ArgumentScan"/>; docs/decisions/0010-command-line-parser.md lists how.
/// </summary>
internal static class CommandTree
{
    /// <summary>No <c>@file</c> response files and no <c>-abc</c> bundling: the hand-written parsers had neither.</summary>
    public static readonly ParserConfiguration Parsing = new() { EnablePosixBundling = false, ResponseFileTokenReplacer = null };

    /// <summary>The one v2gpki command line, read from the left, as the help describes it.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="stdout">Where results and the help go.</param>
    /// <param name="stderr">Where errors go.</param>
    /// <returns>The exit status: 0 done, 1 failed (each command says what that means), 2 usage error.</returns>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var root = Build();

        // The tokenizer drops a first argument that names the root command ("v2gpki revoke …" would run revoke) and
        // reads a first "[name]" as a directive; both were unknown commands, and still are.
        if (args.Count > 0 && (IsDirective(args[0]) || string.Equals(Path.GetFileName(args[0]), root.Name, StringComparison.Ordinal)))
        {
            return root.UsageError($"unknown command '{args[0]}'", stderr);
        }

        var result = root.Parse(args, Parsing);
        var scan = ArgumentScan.Scan(result, args, root);
        if (scan.Problem is not null)
        {
            return scan.Command.UsageError(scan.Problem, stderr);
        }

        // With --help given, System.CommandLine has dropped the commands' own checks (validators): help wins over them,
        // as it did.
        if (scan.Help)
        {
            scan.Command.WriteHelp(stdout);
            return 0;
        }

        if (result.Errors.Count > 0)
        {
            var error = result.Errors[0];
            var command = error.SymbolResult is CommandResult { Command: CliCommand owner } ? owner : (CliCommand)result.CommandResult.Command;
            return command.UsageError(error.Message, stderr);
        }

        return result.Invoke(Invocation(stdout, stderr));
    }

    /// <summary>How every action is invoked: with the given writers; an exception is a crash, not System.CommandLine's
    /// "Unhandled exception" and exit 1; no SIGINT/SIGTERM handler, as serve and demo have their own
    /// (<see cref="ShutdownSignal"/>).</summary>
    /// <param name="stdout">The output.</param>
    /// <param name="stderr">The error output.</param>
    /// <returns>The configuration.</returns>
    public static InvocationConfiguration Invocation(TextWriter stdout, TextWriter stderr) => new()
    {
        Output = stdout,
        Error = stderr,
        EnableDefaultExceptionHandler = false,
        ProcessTerminationTimeout = null,
    };

    /// <summary>Builds the tree: the root and one command per folder under Commands/, in the order of the help.</summary>
    /// <returns>The root command, <c>v2gpki</c>.</returns>
    public static CliCommand Build()
    {
        var root = new CliCommand("v2gpki", "ISO 15118 Plug&Charge PKI")
        {
            Synopsis = """
                v2gpki — ISO 15118 Plug&Charge PKI (OCSP, CRL, EST, contract service)

                usage: v2gpki <command> [options]      (v2gpki <command> --help for its options)
                """,
            ExitStatus = "exit status: 0 done, 1 failed (each command's --help says what that means for it), 2 usage error",
            Examples = """
                v2gpki demo
                v2gpki serve --config var/demo/config.json
                v2gpki id check emaid NL-TNM-000122045-U
                v2gpki revoke --help
                """,
            Wording = UsageWording.UnknownCommand,
        };
        root.Options.Add(new HelpOption("--help", "-h") { Description = "show this text" });
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(StoreCommand.Create());
        root.Subcommands.Add(CaInitCommand.Create());
        root.Subcommands.Add(RevokeCommand.Create());
        root.Subcommands.Add(StatusCommand.Create());
        root.Subcommands.Add(IdCheckCommand.Create());
        root.Subcommands.Add(HashPasswordCommand.Create());
        root.Subcommands.Add(PerfServeCommand.Create());
        root.Subcommands.Add(CliCommand.HelpCommand(root, hidden: false));

        // "v2gpki" alone: the overview on stdout, exit 2 (a usage error that is not an error message).
        root.SetAction(parseResult =>
        {
            root.WriteHelp(parseResult.InvocationConfiguration.Output);
            return CliCommand.ExitUsage;
        });
        return root;
    }

    // System.CommandLine's directive syntax, "[name]" or "[name:value]".
    private static bool IsDirective(string arg) =>
        arg.Length > 2 && arg[0] == '[' && arg[1] != ']' && arg[1] != ':' && arg[^1] == ']';
}
