// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Edge.Commands;
using V2gPki.IntegrationTests.Edge;

namespace V2gPki.IntegrationTests.Cli;

/// <summary>
/// The NativeAOT binary's command line against the same tree run in process: help texts (System.CommandLine's
/// generated lists included, whose headings come from its resources), usage errors and exit codes are byte for byte
/// the same, so trimming and <c>UseSystemResourceKeys</c> take nothing from the parser.
/// </summary>
public class AotCommandLineTests
{
    [AotBinaryFact]
    public void CommandLine_NativeAot_SameAsInProcess()
    {
        string[][] cases =
        [
            [],
            ["--help"],
            ["revoke", "--help"],
            ["ca", "init", "-h"],
            ["id", "check", "--help"],
            ["store", "verify", "--help"],
            ["nope"],
            ["revoke", "--bogus"],
            ["revoke", "--ca", "a", "--ca"],
            ["status", "--cas", "--subject", "x"],
            ["ca", "init", "--iso", "3"],
            ["id", "check", "evse", "a", "b"],
            ["id", "check", "emaid", "NL-TNM-000122045-X", "--strict"],
        ];
        foreach (var args in cases)
        {
            using var stdout = new StringWriter { NewLine = "\n" };
            using var stderr = new StringWriter { NewLine = "\n" };
            var expected = CommandTree.Run(args, stdout, stderr);
            var aot = Tool.Run(AotBinaryFactAttribute.RequiredPath, args);
            var name = "v2gpki " + string.Join(' ', args);
            Assert.True(expected == aot.ExitCode, $"{name}: exit {aot.ExitCode}, in process {expected}");
            Assert.True(stdout.ToString() == aot.StdOut, $"{name}: stdout differs:\n{aot.StdOut}");
            Assert.True(stderr.ToString() == aot.StdErr, $"{name}: stderr differs:\n{aot.StdErr}");
        }
    }
}
