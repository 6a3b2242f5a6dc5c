// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.CommandLine;

namespace V2gPki.Edge.Commands;

/// <summary>
/// A command of the <c>v2gpki</c> tree (<see cref="CommandTree"/>) with what System.CommandLine's generated help has no
/// place for — the synopsis with its alternative forms, the prose, the exit status and examples (<see cref="HelpText"/>)
/// — and the wording of its usage errors.
/// </summary>
internal sealed class CliCommand : Command
{
    /// <summary>Exit status of a usage error, for every command.</summary>
    public const int ExitUsage = 2;

    /// <summary>Creates the command.</summary>
    /// <param name="name">The name, e.g. <c>revoke</c>.</param>
    /// <param name="description">One line for its parent's command list.</param>
    public CliCommand(string name, string description)
        : base(name, description)
    {
    }

    /// <summary>The first lines of the help, <c>usage: v2gpki …</c>, one line per form of the command.</summary>
    public required string Synopsis { get; init; }

    /// <summary>What the command does, printed after the synopsis; null for nothing.</summary>
    public string? Details { get; init; }

    /// <summary>Printed after the lists of arguments, options and subcommands; null for nothing.</summary>
    public string? Notes { get; init; }

    /// <summary>The exit-status line, <c>exit status: 0 …, 1 …, 2 usage error</c>.</summary>
    public required string ExitStatus { get; init; }

    /// <summary>Example command lines, one per line.</summary>
    public required string Examples { get; init; }

    /// <summary>How usage errors are worded and where <c>--help</c> stops reading.</summary>
    public UsageWording Wording { get; init; } = UsageWording.UnknownArgument;

    /// <summary>The start of an error line when it is not <c>v2gpki</c> and the command path (ca and id share one).</summary>
    public string? ErrorPrefixOverride { get; init; }

    /// <summary>Whether a usage error is followed by the help (else by "see '… --help'", as ca had it).</summary>
    public bool HelpOnUsageError { get; init; } = true;

    /// <summary>For a <c>help</c> subcommand: the command whose help it shows (with whatever arguments follow it).</summary>
    public CliCommand? ShowsHelpOf { get; init; }

    /// <summary>The parent command; null for the root.</summary>
    public CliCommand? Parent
    {
        get
        {
            foreach (var parent in Parents)
            {
                if (parent is CliCommand command)
                {
                    return command;
                }
            }

            return null;
        }
    }

    /// <summary>The subcommand names from the root down to this command, e.g. <c>store verify</c>; empty for the root.</summary>
    public string Path => Parent is { } parent ? (parent.Parent is null ? Name : parent.Path + " " + Name) : string.Empty;

    /// <summary>The start of an error line, e.g. <c>v2gpki revoke</c>.</summary>
    public string ErrorPrefix => ErrorPrefixOverride ?? (Parent is null ? Name : "v2gpki " + Path);

    /// <summary>A hidden or listed <c>help</c> subcommand that shows the help of <paramref name="parent"/>.</summary>
    /// <param name="parent">The command it belongs to.</param>
    /// <param name="hidden">False to list it among the commands.</param>
    /// <returns>The subcommand; it takes any arguments and ignores them.</returns>
    public static CliCommand HelpCommand(CliCommand parent, bool hidden)
    {
        ArgumentNullException.ThrowIfNull(parent);
        var command = new CliCommand("help", "show this text")
        {
            Hidden = hidden,
            ShowsHelpOf = parent,
            Synopsis = parent.Synopsis,
            ExitStatus = parent.ExitStatus,
            Examples = parent.Examples,
            Wording = UsageWording.UnknownCommand,
        };
        command.Arguments.Add(new Argument<string[]>("ignored") { Arity = ArgumentArity.ZeroOrMore, Hidden = true });
        return command;
    }

    /// <summary>Writes the help (<see cref="HelpText"/>).</summary>
    /// <param name="output">Where to write it.</param>
    public void WriteHelp(TextWriter output) => HelpText.Write(ShowsHelpOf ?? this, output);

    /// <summary>Writes a usage error: <c>&lt;prefix&gt;: &lt;message&gt;</c>, then the help or where to find it.</summary>
    /// <param name="message">The error, worded as <see cref="Wording"/> says.</param>
    /// <param name="stderr">Where to write it.</param>
    /// <returns><see cref="ExitUsage"/>.</returns>
    public int UsageError(string message, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        stderr.WriteLine($"{ErrorPrefix}: {message}");
        if (HelpOnUsageError)
        {
            WriteHelp(stderr);
        }
        else
        {
            stderr.WriteLine($"see '{ErrorPrefix} --help'");
        }

        return ExitUsage;
    }
}
