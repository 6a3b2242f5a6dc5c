// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Globalization;
using V2gPki.Hsm;
using V2gPki.Pki;
using V2gPki.Pki.Hierarchy;

namespace V2gPki.Edge.Commands.Ca;

/// <summary>
/// <c>v2gpki ca init|csr|import|list</c>: creates the demo CA hierarchy or an empty production one, exports ceremony CSRs
/// and imports the certificates an offline or external CA issued. Hand-parsed arguments, no reflection (NativeAOT). PINs
/// come from the environment (or the demo's generated PIN file), never from the command line, and are never printed.
/// </summary>
internal static class CaInitCommand
{
    /// <summary>Exit status of success.</summary>
    public const int ExitOk = 0;

    /// <summary>Exit status of a refused or failed step.</summary>
    public const int ExitFailed = 1;

    /// <summary>Exit status of a usage error.</summary>
    public const int ExitUsage = 2;

    /// <summary>The help text.</summary>
    public const string Usage = """
        usage: v2gpki ca <command> [options]

          ca init --demo [--data <dir>] [--iso 2|20] [--key p521|ed448] [--ocsp-url <url>]
                         [--separate-mo-root] [--separate-oem-root] [--org <O>] [--country <C>]
              Creates the complete demo hierarchy (every CA name of the CPO, MO, OEM and CPS branches, V2G-rooted;
              both tokens online): keys in SoftHSM2 under <dir>/hsm, certificates as <dir>/ca/<name>.pem, manifest
              <dir>/ca/hierarchy.json.
          ca init [--data <dir>] [--iso 2|20] [--key p521|ed448] [--ocsp-url <url>] [--module <pkcs11.so>] ...
              Production: initialises the root and online tokens if missing and writes an empty manifest. Then import
              the external root / Sub-CA 1 chain and request Sub-CA 2 certificates:
          ca csr <name> [--data <dir>] [--out <file>]
              Creates the key of a Sub-CA (cpo-sub2, ...), an OCSP signer (cpo-sub1-ocsp, ...) or the CPS leaf (cps) in
              its token and writes its CSR to <dir>/ca/csr/<name>.csr.pem (and <file>, or stdout).
          ca import <name> <cert.pem> [--chain <chain.pem>] [--data <dir>]
              Imports a certificate issued in a ceremony after checking that it certifies the HSM key and chains to a
              root (from the hierarchy or --chain; unknown parents are imported as external CAs). A CA whose key is ours
              gets its delegated OCSP signer certificate right away.
          ca list [--data <dir>]
              Shows the hierarchy.

        <dir> defaults to $V2GPKI_DATA or ./data. PINs: V2GPKI_ROOT_PIN, V2GPKI_ONLINE_PIN (and V2GPKI_SO_PIN to
        initialise tokens); 'ca init --demo' generates them into <dir>/hsm/demo-pins.json (mode 0600) when unset.
        The AIA OCSP URL defaults to http://127.0.0.1:8080/.

        exit status: 0 done, 1 refused or failed, 2 usage error
        """;

    /// <summary>Runs the command.</summary>
    /// <param name="args">The arguments after <c>ca</c>.</param>
    /// <param name="stdout">Where the report goes.</param>
    /// <param name="stderr">Where errors go.</param>
    /// <returns>0 done, 1 refused or failed, 2 usage error.</returns>
    public static int Run(ReadOnlySpan<string> args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            stdout.WriteLine(Usage);
            return args.Length == 0 ? ExitUsage : ExitOk;
        }

        var parsed = new Arguments();
        if (!parsed.TryParse(args[1..], out var error))
        {
            return UsageError(stderr, error);
        }

        if (parsed.Help)
        {
            stdout.WriteLine(Usage);
            return ExitOk;
        }

        try
        {
            return args[0] switch
            {
                "init" => Init(parsed, stdout, stderr),
                "csr" => Csr(parsed, stdout, stderr),
                "import" => Import(parsed, stdout, stderr),
                "list" => List(parsed, stdout, stderr),
                _ => UsageError(stderr, $"unknown command 'ca {args[0]}'"),
            };
        }
        catch (HsmException e)
        {
            stderr.WriteLine($"v2gpki ca {args[0]}: HSM: {e.Message}");
            return ExitFailed;
        }
        catch (Exception e) when (e is InvalidOperationException or InvalidDataException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            stderr.WriteLine($"v2gpki ca {args[0]}: {e.Message}");
            return ExitFailed;
        }
    }

    private static int Init(Arguments a, TextWriter stdout, TextWriter stderr)
    {
        if (a.Positionals.Count != 0)
        {
            return UsageError(stderr, "'ca init' takes no positional arguments");
        }

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

    private static int Csr(Arguments a, TextWriter stdout, TextWriter stderr)
    {
        if (a.Positionals.Count != 1)
        {
            return UsageError(stderr, "usage: v2gpki ca csr <name> [--data <dir>] [--out <file>]");
        }

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

    private static int Import(Arguments a, TextWriter stdout, TextWriter stderr)
    {
        if (a.Positionals.Count != 2)
        {
            return UsageError(stderr, "usage: v2gpki ca import <name> <cert.pem> [--chain <chain.pem>] [--data <dir>]");
        }

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

    private static int List(Arguments a, TextWriter stdout, TextWriter stderr)
    {
        if (a.Positionals.Count != 0)
        {
            return UsageError(stderr, "usage: v2gpki ca list [--data <dir>]");
        }

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

    private static int UsageError(TextWriter stderr, string? message)
    {
        stderr.WriteLine("v2gpki ca: " + message);
        stderr.WriteLine("see 'v2gpki ca --help'");
        return ExitUsage;
    }

    // Options of every ca subcommand; each subcommand checks its positionals.
    private sealed class Arguments
    {
        public List<string> Positionals { get; } = [];

        public bool Help { get; private set; }

        public bool Demo { get; private set; }

        public string DataDirectory { get; private set; } = Environment.GetEnvironmentVariable("V2GPKI_DATA") is { Length: > 0 } d ? d : "data";

        public Iso15118Version Version { get; private set; } = Iso15118Version.Part2;

        public HsmKeyType Part20Key { get; private set; } = HsmKeyType.EcP521;

        public string? OcspUrl { get; private set; }

        public string? Organization { get; private set; }

        public string? Country { get; private set; }

        public string? Module { get; private set; }

        public string? Out { get; private set; }

        public string? Chain { get; private set; }

        public bool SeparateMoRoot { get; private set; }

        public bool SeparateOemRoot { get; private set; }

        public bool TryParse(ReadOnlySpan<string> args, out string? error)
        {
            error = null;
            for (var i = 0; i < args.Length; i++)
            {
                var arg = args[i];
                switch (arg)
                {
                    case "--help" or "-h":
                        Help = true;
                        break;
                    case "--demo":
                        Demo = true;
                        break;
                    case "--separate-mo-root":
                        SeparateMoRoot = true;
                        break;
                    case "--separate-oem-root":
                        SeparateOemRoot = true;
                        break;
                    case "--data" or "--iso" or "--key" or "--ocsp-url" or "--org" or "--country" or "--module" or "--out" or "--chain":
                        if (i + 1 >= args.Length)
                        {
                            error = $"{arg} needs a value";
                            return false;
                        }

                        if (!TakeValue(arg, args[++i], out error))
                        {
                            return false;
                        }

                        break;
                    default:
                        if (arg.StartsWith('-'))
                        {
                            error = $"unknown option '{arg}'";
                            return false;
                        }

                        Positionals.Add(arg);
                        break;
                }
            }

            return true;
        }

        private bool TakeValue(string option, string value, out string? error)
        {
            error = null;
            switch (option)
            {
                case "--data":
                    DataDirectory = value;
                    break;
                case "--iso":
                    if (value is not ("2" or "20"))
                    {
                        error = $"--iso is 2 or 20, not '{value}'";
                        return false;
                    }

                    Version = value == "2" ? Iso15118Version.Part2 : Iso15118Version.Part20;
                    break;
                case "--key":
                    if (!string.Equals(value, "p521", StringComparison.OrdinalIgnoreCase) && !string.Equals(value, "ed448", StringComparison.OrdinalIgnoreCase))
                    {
                        error = $"--key is p521 or ed448 (ISO 15118-20), not '{value}'";
                        return false;
                    }

                    Part20Key = string.Equals(value, "ed448", StringComparison.OrdinalIgnoreCase) ? HsmKeyType.Ed448 : HsmKeyType.EcP521;
                    break;
                case "--ocsp-url":
                    if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
                    {
                        error = $"--ocsp-url must be an absolute http:// URL (RFC 5019, ISO 15118), not '{value}'";
                        return false;
                    }

                    OcspUrl = value;
                    break;
                case "--org":
                    Organization = value;
                    break;
                case "--country":
                    if (value.Length != 2 || !char.IsAsciiLetterUpper(value[0]) || !char.IsAsciiLetterUpper(value[1]))
                    {
                        error = $"--country is two upper-case letters, not '{value}'";
                        return false;
                    }

                    Country = value;
                    break;
                case "--module":
                    Module = value;
                    break;
                case "--out":
                    Out = value;
                    break;
                default:
                    Chain = value;
                    break;
            }

            return true;
        }
    }
}
