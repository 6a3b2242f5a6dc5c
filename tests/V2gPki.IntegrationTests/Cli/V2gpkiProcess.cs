// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.IntegrationTests.Cli;

/// <summary>Runs the real built <c>v2gpki</c> executable (copied beside the tests by the project reference).</summary>
internal static class V2gpkiProcess
{
    /// <summary>
    /// <c>v2gpki</c> with <paramref name="args"/>, its apphost or (on a platform without one) the same build through
    /// <c>dotnet</c>.
    /// </summary>
    public static Tool.Command Command(params string[] args) => Tool.Command.BuiltProgram(AppContext.BaseDirectory, "v2gpki", args);

    /// <summary>Runs it to completion (60 s at most).</summary>
    public static (int ExitCode, string StdOut, string StdErr) Run(params string[] args) => Text(Tool.Run(Command(args)));

    /// <summary>A run's exit code and output as text.</summary>
    public static (int ExitCode, string StdOut, string StdErr) Text(Tool.Result result) => (result.ExitCode, result.StdOut, result.StdErr);
}
