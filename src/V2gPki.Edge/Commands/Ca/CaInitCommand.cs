// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.CommandLine;
using System.Globalization;
using V2gPki.Hsm;
using V2gPki.Pki.Hierarchy;

namespace V2gPki.Edge.Commands.Ca;

/// <summary>
/// <c>v2gpki ca init|csr|import|list</c>: creates the demo CA hierarchy or an empty production one, exports ceremony CSRs
/// and imports the certificates an offline or external CA issued. PINs come from the environment (or the demo's
/// generated PIN file), never from the command line, and are never printed.
/// </summary>
internal static class CaInitCommand
{
    /// <summary>Exit status of success.</summary>
    public const int ExitOk = 0;

    /// <summary>Exit status of a refused or failed step.</summary>
    public const int ExitFailed = 1;

    /// <summary>Exit status of a usage error.</summary>
    public const int ExitUsage = CliCommand.ExitUsage;

    // Every ca error line starts so, whichever subcommand; the help is named, not printed.
    private const string Prefix = "v2gpki ca";

    private const string Notes = """
        <dir> defaults to $V2GPKI_DATA or ./data. PINs: V2GPKI_ROOT_PIN, V2GPKI_ONLINE_PIN (and V2GPKI_SO_PIN to
        initialise tokens); 'ca init --demo' generates them into <dir>/hsm/demo-pins.json (mode 0600) when unset.
        The AIA OCSP URL defaults to http://127.0.0.1:8080/.
        """;

    private const string ExitStatus = "exit status: 0 done, 1 refused or failed, 2 usage error";

    /// <summary>The <c>ca</c> command and its subcommands.</summary>
    /// <returns>The command, for <see cref="CommandTree"/>.</returns>
    public static CliCommand Create()
    {
        var ca = new CliCommand("ca", "create or import the CA hierarchy (ca init --demo | csr | import | list)")
        {
            Synopsis = """
                usage: v2gpki ca <command> [options]

                  ca init --demo [--data <dir>] [--iso 2|20] [--key p521|ed448] [--ocsp-url <url>]
                                 [--separate-mo-root] [--separate-oem-root] [--org <O>] [--country <C>]
                  ca init [--data <dir>] [--iso 2|20] [--key p521|ed448] [--ocsp-url <url>] [--module <pkcs11.so>] ...
                  ca csr <name> [--data <dir>] [--out <file>]
                  ca import <name> <cert.pem> [--chain <chain.pem>] [--data <dir>]
                  ca list [--data <dir>]
                """,
            Notes = Notes,
            ExitStatus = ExitStatus,
            Examples = """
                v2gpki ca init --demo --data var/pki
                v2gpki ca list --data var/pki
                v2gpki ca init --help
                """,
            Wording = UsageWording.UnknownCommand,
            ErrorPrefixOverride = Prefix,
            HelpOnUsageError = false,
        };
        ca.Subcommands.Add(Subcommand(
            "init",
            "create the demo hierarchy (--demo) or the tokens and an empty manifest for a production one",
            """
            usage: v2gpki ca init --demo [--data <dir>] [--iso 2|20] [--key p521|ed448] [--ocsp-url <url>]
                                  [--separate-mo-root] [--separate-oem-root] [--org <O>] [--country <C>]
                   v2gpki ca init [--data <dir>] [--iso 2|20] [--key p521|ed448] [--ocsp-url <url>] [--module <pkcs11.so>] ...
            """,
            """
            With --demo: creates the complete demo hierarchy (every CA name of the CPO, MO, OEM and CPS branches,
            V2G-rooted; both tokens online): keys in SoftHSM2 under <dir>/hsm, certificates as <dir>/ca/<name>.pem,
            manifest <dir>/ca/hierarchy.json.
            Without: production; initialises the root and online tokens if missing and writes an empty manifest. Then
            import the external root / Sub-CA 1 chain and request Sub-CA 2 certificates (ca csr, ca import).
            """,
            """
            v2gpki ca init --demo --data var/pki
            v2gpki ca init --demo --iso 20 --key ed448 --separate-mo-root
            v2gpki ca init --data /var/lib/v2gpki --module /usr/lib/softhsm/libsofthsm2.so
            """,
            [],
            ["--demo", "--data", "--iso", "--key", "--ocsp-url", "--separate-mo-root", "--separate-oem-root", "--org", "--country", "--module"],
            "'ca init' takes no positional arguments",
            Init));
        ca.Subcommands.Add(Subcommand(
            "csr",
            "create a Sub-CA, OCSP signer or CPS leaf key and write its ceremony CSR",
            "usage: v2gpki ca csr <name> [--data <dir>] [--out <file>]",
            """
            Creates the key of a Sub-CA (cpo-sub2, ...), an OCSP signer (cpo-sub1-ocsp, ...) or the CPS leaf (cps) in
            its token and writes its CSR to <dir>/ca/csr/<name>.csr.pem (and <file>, or stdout).
            """,
            """
            v2gpki ca csr cpo-sub2 --data /var/lib/v2gpki
            v2gpki ca csr cpo-sub1-ocsp --out cpo-sub1-ocsp.csr.pem
            """,
            [new Argument<string>("name") { Description = "the Sub-CA, OCSP signer or leaf (cps) name", Arity = ArgumentArity.ZeroOrOne }],
            ["--data", "--out"],
            "usage: v2gpki ca csr <name> [--data <dir>] [--out <file>]",
            Csr));
        ca.Subcommands.Add(Subcommand(
            "import",
            "import a certificate issued in a ceremony (checks the HSM key and the chain)",
            "usage: v2gpki ca import <name> <cert.pem> [--chain <chain.pem>] [--data <dir>]",
            """
            Imports a certificate issued in a ceremony after checking that it certifies the HSM key and chains to a
            root (from the hierarchy or --chain; unknown parents are imported as external CAs). A CA whose key is ours
            gets its delegated OCSP signer certificate right away.
            """,
            """
            v2gpki ca import v2g-root root.pem --data /var/lib/v2gpki
            v2gpki ca import cpo-sub2 cpo-sub2.pem --chain cpo-sub1-and-root.pem
            """,
            [
                new Argument<string>("name") { Description = "the CA, OCSP signer or leaf name", Arity = ArgumentArity.ZeroOrOne },
                new Argument<string>("cert.pem") { Description = "the certificate, PEM", Arity = ArgumentArity.ZeroOrOne },
            ],
            ["--chain", "--data"],
            "usage: v2gpki ca import <name> <cert.pem> [--chain <chain.pem>] [--data <dir>]",
            Import));
        ca.Subcommands.Add(Subcommand(
            "list",
            "show the hierarchy",
            "usage: v2gpki ca list [--data <dir>]",
            "Shows the hierarchy: every CA with its parent, token, issuer id, certificate and OCSP signer; the leaves.",
            "v2gpki ca list --data var/pki",
            [],
            ["--data"],
            "usage: v2gpki ca list [--data <dir>]",
            List));
        ca.Subcommands.Add(CliCommand.HelpCommand(ca, hidden: true));

        // "v2gpki ca" alone: its help on stdout, exit 2.
        ca.SetAction(parseResult =>
        {
            ca.WriteHelp(parseResult.InvocationConfiguration.Output);
            return ExitUsage;
        });
        return ca;
    }

    // A ca subcommand. Every one of them takes every ca option, as the one ca parser did (the ones it does not use are
    // hidden from its help), and any number of positional arguments, which its count check then refuses.
    private static CliCommand Subcommand(
        string name,
        string description,
        string synopsis,
        string details,
        string examples,
        Argument<string>[] positionals,
        string[] shown,
        string countError,
        Func<CaArguments, TextWriter, TextWriter, int> run)
    {
        var command = new CliCommand(name, description)
        {
            Synopsis = synopsis,
            Details = details,
            Notes = Notes,
            ExitStatus = ExitStatus,
            Examples = examples,
            Wording = UsageWording.UnknownOption,
            ErrorPrefixOverride = Prefix,
            HelpOnUsageError = false,
        };
        var options = new CaOptions();
        foreach (var option in options.All)
        {
            option.Hidden = Array.IndexOf(shown, option.Name) < 0;
            command.Options.Add(option);
        }

        foreach (var positional in positionals)
        {
            command.Arguments.Add(positional);
        }

        var extra = new Argument<string[]>("extra") { Arity = ArgumentArity.ZeroOrMore, Hidden = true };
        command.Arguments.Add(extra);
        command.Validators.Add(result =>
        {
            foreach (var positional in positionals)
            {
                if (result.GetResult(positional) is not { Tokens.Count: > 0 })
                {
                    result.AddError(countError);
                    return;
                }
            }

            if (result.GetResult(extra) is { Tokens.Count: > 0 })
            {
                result.AddError(countError);
            }
        });
        command.SetAction(parseResult =>
        {
            var stdout = parseResult.InvocationConfiguration.Output;
            var stderr = parseResult.InvocationConfiguration.Error;
            var arguments = options.Read(parseResult, [.. positionals.Select(p => parseResult.GetValue(p)!)]);
            try
            {
                return run(arguments, stdout, stderr);
            }
            catch (HsmException e)
            {
                stderr.WriteLine($"v2gpki ca {name}: HSM: {e.Message}");
                return ExitFailed;
            }
            catch (Exception e) when (e is InvalidOperationException or InvalidDataException or IOException or UnauthorizedAccessException or ArgumentException)
            {
                stderr.WriteLine($"v2gpki ca {name}: {e.Message}");
                return ExitFailed;
            }
        });
        return command;
    }

    private static int Init(CaArguments a, TextWriter stdout, TextWriter stderr)
    {
        var options = new CaHierarchyOptions
        {
            Version = a.Version,
            Part20KeyType = a.Part20Key,
            OcspBaseUrl = a.OcspUrl ?? CaHierarchyOptions.DefaultOcspBaseUrl,
            SeparateMoRoot = a.SeparateMoRoot,
            SeparateOemRoot = a.SeparateOemRoot,
            Organization = a.Organization ?? CaHierarchyOptions.DefaultOrganization,
            Country = a.Country ?? CaHierarchyOptions.DefaultCountry,
            ModulePath = a.Module ?? HsmOptions.DefaultModulePath,
        };
        var layout = new CaDataLayout(a.DataDirectory);
        if (a.Demo)
        {
            var manifest = CaHierarchySetup.InitDemo(layout, options, TimeProvider.System, out var pinsGenerated);
            stdout.WriteLine($"demo hierarchy (ISO 15118-{manifest.IsoVersion}, {manifest.KeyType}) in {layout.DataDirectory}");
            if (pinsGenerated)
            {
                stdout.WriteLine($"token PINs generated into {layout.DemoPinsPath} (mode 0600; demo only)");
            }

            PrintManifest(manifest, layout, stdout);
            return ExitOk;
        }

        var empty = CaHierarchySetup.InitEmpty(layout, options);
        stdout.WriteLine($"empty hierarchy (ISO 15118-{empty.IsoVersion}, {empty.KeyType}) in {layout.DataDirectory}; manifest {layout.ManifestPath}");
        stdout.WriteLine("next: v2gpki ca import v2g-root <root.pem>; v2gpki ca csr cpo-sub2; v2gpki ca import cpo-sub2 <cert.pem> --chain <sub1+root.pem>");
        return ExitOk;
    }

    private static int Csr(CaArguments a, TextWriter stdout, TextWriter stderr)
    {
        var layout = new CaDataLayout(a.DataDirectory);
        var manifest = CaHierarchyManifest.Load(layout.ManifestPath);
        using var tokens = CaHierarchySetup.OpenTokens(layout, manifest);
        var result = new CaCeremony(layout, manifest, tokens, TimeProvider.System).CreateCsr(a.Positionals[0]);
        if (!result.Succeeded)
        {
            stderr.WriteLine($"v2gpki ca csr: {result.Status}: {result.Message}");
            return ExitFailed;
        }

        stderr.WriteLine(result.Message);
        if (a.Out is not null)
        {
            File.WriteAllText(a.Out, result.CsrPem);
            stderr.WriteLine($"also written to {a.Out}");
        }
        else
        {
            stdout.Write(result.CsrPem);
        }

        return ExitOk;
    }

    private static int Import(CaArguments a, TextWriter stdout, TextWriter stderr)
    {
        var layout = new CaDataLayout(a.DataDirectory);
        var manifest = CaHierarchyManifest.Load(layout.ManifestPath);
        var certificate = File.ReadAllBytes(a.Positionals[1]);
        var chain = a.Chain is null ? [] : File.ReadAllBytes(a.Chain);
        using var tokens = CaHierarchySetup.OpenTokens(layout, manifest);
        var result = new CaCeremony(layout, manifest, tokens, TimeProvider.System).Import(a.Positionals[0], certificate, chain);
        foreach (var warning in result.Warnings)
        {
            stderr.WriteLine("warning: " + warning);
        }

        if (!result.Succeeded)
        {
            stderr.WriteLine($"v2gpki ca import: {result.Status}: {result.Message}");
            return ExitFailed;
        }

        stdout.WriteLine(result.Message);
        return ExitOk;
    }

    private static int List(CaArguments a, TextWriter stdout, TextWriter stderr)
    {
        var layout = new CaDataLayout(a.DataDirectory);
        var manifest = CaHierarchyManifest.Load(layout.ManifestPath);
        stdout.WriteLine($"hierarchy (ISO 15118-{manifest.IsoVersion}, {manifest.KeyType}) in {layout.DataDirectory}");
        PrintManifest(manifest, layout, stdout);
        return ExitOk;
    }

    private static void PrintManifest(CaHierarchyManifest manifest, CaDataLayout layout, TextWriter stdout)
    {
        stdout.WriteLine($"{"CA",-10} {"parent",-10} {"token",-9} {"id",4} {"certificate",-40} ocsp signer (id)");
        foreach (var ca in manifest.Cas)
        {
            var signer = manifest.FindOcspSigner(ca.OcspSigner);
            var signerText = signer is null ? "-" : $"{signer.Name} ({signer.SignerId.ToString(CultureInfo.InvariantCulture)}){(signer.CertificatePath is null ? " pending" : "")}";
            var file = ca.CertificatePath is null ? "(pending: CSR out)" : Path.GetRelativePath(layout.DataDirectory, layout.ResolveCa(ca.CertificatePath));
            stdout.WriteLine($"{ca.Name,-10} {ca.Parent ?? "-",-10} {ca.TokenRole ?? "external",-9} {ca.IssuerId,4} {file,-40} {signerText}");
        }

        foreach (var leaf in manifest.Leaves)
        {
            stdout.WriteLine($"leaf {leaf.Name} under {leaf.Ca}, key '{leaf.KeyLabel}' in the {leaf.TokenRole} token, {leaf.CertificatePath ?? "pending"}");
        }

        stdout.WriteLine($"AIA OCSP URL: {manifest.OcspBaseUrl}");
    }
}
