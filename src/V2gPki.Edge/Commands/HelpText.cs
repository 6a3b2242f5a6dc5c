// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Commands;

/// <summary>
/// The help of a command: its synopsis and prose (<see cref="CliCommand"/>), then the lists System.CommandLine
/// generates from the tree (arguments, options, subcommands), then its notes, exit status and examples. The generated
/// "Description:" and one-line "Usage:" sections are left out: the synopsis says more (several forms, which options
/// go together), and the description is the one-liner of the parent's command list.
/// </summary>
internal static class HelpText
{
    /// <summary>Writes the help of <paramref name="command"/>.</summary>
    /// <param name="command">The command.</param>
    /// <param name="output">Where to write it.</param>
    public static void Write(CliCommand command, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(command.Synopsis);
        output.WriteLine();
        if (command.Details is { } details)
        {
            output.WriteLine(details);
            output.WriteLine();
        }

        output.Write(GeneratedLists(command));
        if (command.Notes is { } notes)
        {
            output.WriteLine(notes);
            output.WriteLine();
        }

        output.WriteLine(command.ExitStatus);
        output.WriteLine();
        output.WriteLine("examples:");
        foreach (var line in command.Examples.Split('\n'))
        {
            output.WriteLine("  " + line);
        }
    }

    // System.CommandLine's own help of the command (its HelpBuilder is internal, so it is asked through the help
    // option), from the first section after "Usage:" on; every section ends with an empty line.
    private static string GeneratedLists(CliCommand command)
    {
        var root = command;
        while (root.Parent is { } parent)
        {
            root = parent;
        }

        var path = command.Path;
        string[] args = path.Length == 0 ? ["--help"] : [.. path.Split(' '), "--help"];
        using var help = new StringWriter();
        root.Parse(args, CommandTree.Parsing).Invoke(CommandTree.Invocation(help, TextWriter.Null));
        var lines = help.ToString().ReplaceLineEndings("\n").Split('\n');
        var usage = Array.IndexOf(lines, "Usage:");
        var start = usage < 0 ? 0 : Array.IndexOf(lines, string.Empty, usage) + 1;
        return start <= 0 ? help.ToString() : string.Join('\n', lines[start..]);
    }
}
