// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Edge.Commands;

namespace V2gPki.Edge;

/// <summary>Entry point of the <c>v2gpki</c> executable: wiring only (docs/style.md §1).</summary>
internal static class Program
{
    /// <summary>Runs the command line (<see cref="CommandTree"/>) and returns its exit status.</summary>
    /// <param name="args">Command-line arguments.</param>
    /// <returns>The process exit status: 0 on success, 1 on a runtime error or an invalid checked value, 2 on a usage error.</returns>
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return CommandTree.Run(args, Console.Out, Console.Error);
    }
}
