// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge;

/// <summary>Entry point of the <c>v2gpki</c> executable: wiring only (STYLE.md §1).</summary>
public static class Program
{
    /// <summary>Dispatches the command line to a CLI command and returns its exit status.</summary>
    /// <param name="args">Command-line arguments.</param>
    /// <returns>The process exit status: 0 on success, 2 on a usage error.</returns>
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            Console.Out.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        Console.Error.WriteLine($"v2gpki: unknown command '{args[0]}'");
        Console.Error.WriteLine(Usage);
        return 2;
    }

    private const string Usage = """
        v2gpki — ISO 15118 Plug&Charge PKI (OCSP, CRL, EST, contract service)

        usage: v2gpki <command> [options]

        commands:
          help        show this text
        """;
}
