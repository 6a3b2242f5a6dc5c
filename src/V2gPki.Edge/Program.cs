// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.


using V2gPki.Edge.Commands.Ca;
using V2gPki.Edge.Commands.Demo;
using V2gPki.Edge.Commands.Id;
using V2gPki.Edge.Commands.PerfServe;
using V2gPki.Edge.Commands.Revoke;
using V2gPki.Edge.Commands.Serve;
using V2gPki.Edge.Commands.Status;
using V2gPki.Edge.Commands.StoreVerify;

namespace V2gPki.Edge;

/// <summary>Entry point of the <c>v2gpki</c> executable: wiring only (docs/style.md §1).</summary>
internal static class Program
{
    /// <summary>Dispatches the command line to a CLI command and returns its exit status.</summary>
    /// <param name="args">Command-line arguments.</param>
    /// <returns>The process exit status: 0 on success, 1 on a runtime error or an invalid checked value, 2 on a usage error.</returns>
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            Console.Out.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        // One line per command (each command lives in Cli/ with its own --help).
        return args[0] switch
        {
            "demo" => DemoCommand.Run(args.AsSpan(1)),
            "serve" => ServeCommand.Run(args.AsSpan(1)),
            "store" => StoreCommand.Run(args.AsSpan(1), Console.Out, Console.Error),
            "perf-serve" => PerfServeCommand.Run(args.AsSpan(1)),
            "id" => IdCheckCommand.Run(args.AsSpan(1), Console.Out, Console.Error),
            "ca" => CaInitCommand.Run(args.AsSpan(1), Console.Out, Console.Error),
            "revoke" => RevokeCommand.Run(args.AsSpan(1), Console.Out, Console.Error),
            "status" => StatusCommand.Run(args.AsSpan(1), Console.Out, Console.Error),
            _ => UnknownCommand(args[0]),
        };
    }

    private static int UnknownCommand(string command)
    {
        Console.Error.WriteLine($"v2gpki: unknown command '{command}'");
        Console.Error.WriteLine(Usage);
        return 2;
    }

    private const string Usage = """
        v2gpki — ISO 15118 Plug&Charge PKI (OCSP, CRL, EST, contract service)

        usage: v2gpki <command> [options]      (v2gpki <command> --help for its options)

        commands:
          demo        create a fresh demo PKI in var/demo and serve it (OCSP, CRL; prints openssl commands to try)
          serve       serve a data directory from a config file: OCSP, CRL, probes, admin (serve --config <file>)
          store       check the store of a data directory (store verify --config <file>)
          ca          create or import the CA hierarchy (ca init --demo | csr | import | list)
          revoke      revoke, hold or un-hold a certificate through the admin API
          status      a certificate's status, the certificates of a subject ID, or the CAs (admin API)
          id check    validate an ISO 15118 identifier (evse, secc, emaid, pcid)
          perf-serve  benchmark mode: the OCSP listener over a fixed table of pre-made responses
          help        show this text
        """;
}
