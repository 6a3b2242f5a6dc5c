// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Edge.Cli;

namespace V2gPki.Edge;

/// <summary>Entry point of the <c>v2gpki</c> executable: wiring only (STYLE.md §1).</summary>
public static class Program
{
    /// <summary>Dispatches the command line to a CLI command and returns its exit status.</summary>
    /// <param name="args">Command-line arguments.</param>
    /// <returns>The process exit status: 0 on success, 1 when a checked value is invalid, 2 on a usage error.</returns>
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            Console.Out.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        if (args[0] == "id")
        {
            return IdCheckCommand.Run(args.AsSpan(1), Console.Out, Console.Error);
        }

        if (args[0] == "ca")
        {
            return CaInitCommand.Run(args.AsSpan(1), Console.Out, Console.Error);
        }

        Console.Error.WriteLine($"v2gpki: unknown command '{args[0]}'");
        Console.Error.WriteLine(Usage);
        return 2;
    }

    private const string Usage = """
        v2gpki — ISO 15118 Plug&Charge PKI (OCSP, CRL, EST, contract service)

        usage: v2gpki <command> [options]

        commands:
          id check    validate an ISO 15118 identifier (evse, secc, emaid, pcid); see 'v2gpki id check --help'
          help        show this text
        """;
}
