// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Globalization;
using System.Text.Json;
using V2gPki.Edge.Commands.Client;
using V2gPki.Edge.Listeners.Admin;

namespace V2gPki.Edge.Commands.Status;

/// <summary>
/// <c>v2gpki status</c>: a certificate's registry record and served OCSP response, the certificates of a subject ID,
/// or the configured CAs, from the admin API.
/// </summary>
internal static class StatusCommand
{
    /// <summary>Exit status: found.</summary>
    public const int ExitOk = 0;

    /// <summary>Exit status: not found (no such certificate, no certificate for the subject) or the request failed.</summary>
    public const int ExitFailed = 1;

    /// <summary>Exit status: usage error.</summary>
    public const int ExitUsage = 2;

    /// <summary>The help text.</summary>
    public const string Usage = """
        usage: v2gpki status --ca <name> --serial <hex> [options]
               v2gpki status --cert <file.pem> [options]
               v2gpki status --subject <id> [--limit <n>] [options]
               v2gpki status --cas [options]

        Shows a certificate's status from the admin API: kind, subject ID, validity, status with revocation time and
        reason, issuer, and the pre-signed OCSP response the listener serves (thisUpdate, nextUpdate, signer). With
        --subject, lists the certificates of an EVSE ID, SECC ID, EMAID or PCID (normalised: separators and case do
        not matter). With --cas, lists the configured CAs.

          --ca <name>           the issuing CA by name (cpo-sub2, mo-sub2, …)
          --serial <hex>        the certificate serial, hex
          --cert <file>         a PEM or DER certificate instead of --ca/--serial (CA found by its authority key identifier)
          --subject <id>        list by subject ID
          --limit <n>           list at most n certificates (server default 100)
          --cas                 list the configured CAs
          --json                print the admin API's JSON answer
        """ + "\n" + AdminCliSession.ConnectionUsage + "\n" + """
          -h, --help            show this text

        exit status: 0 found, 1 not found or failed, 2 usage error
        """;

    /// <summary>Runs the command.</summary>
    /// <param name="args">The arguments after <c>status</c>.</param>
    /// <param name="stdout">Where the report goes.</param>
    /// <param name="stderr">Where errors go.</param>
    /// <returns>0, 1 or 2 (see <see cref="Usage"/>).</returns>
    public static int Run(ReadOnlySpan<string> args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (!CommandLine.TryParse(args, ["--ca", "--serial", "--cert", "--subject", "--limit", .. AdminCliSession.ConnectionOptions], ["--cas", "--json"], out var cli, out var usageError))
        {
            return UsageError(stderr, usageError!);
        }

        if (cli.Help)
        {
            stdout.WriteLine(Usage);
            return ExitOk;
        }

        var byCertificate = cli.Value("--cert") is not null;
        var bySerial = cli.Value("--serial") is not null;
        var bySubject = cli.Value("--subject") is not null;
        var cas = cli.Flag("--cas");
        var modes = (byCertificate ? 1 : 0) + (bySerial ? 1 : 0) + (bySubject ? 1 : 0) + (cas ? 1 : 0);
        if (modes != 1)
        {
            return UsageError(stderr, modes == 0 ? "give --ca and --serial, --cert, --subject or --cas" : "--serial, --cert, --subject and --cas exclude each other");
        }

        if (bySerial && cli.Value("--ca") is null)
        {
            return UsageError(stderr, "--serial needs --ca");
        }

        if ((bySubject || cas) && cli.Value("--ca") is not null)
        {
            return UsageError(stderr, "--ca goes with --serial or --cert");
        }

        int? limit = null;
        if (cli.Value("--limit") is { } limitText)
        {
            if (!bySubject || !int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
            {
                return UsageError(stderr, bySubject ? $"--limit: '{limitText}' is not a positive number" : "--limit goes with --subject");
            }

            limit = n;
        }

        if (bySerial && !SerialNumberText.TryParse(cli.Value("--serial"), out _, out var serialError))
        {
            return UsageError(stderr, "--" + serialError);
        }

        if (!AdminCliSession.TryOpen(cli, out var session, out var error, out var usage))
        {
            return usage ? UsageError(stderr, error!) : Fail(stderr, error!);
        }

        using (session)
        {
            return RunAsync(session!, cli, limit, stdout, stderr).GetAwaiter().GetResult();
        }
    }

    private static async Task<int> RunAsync(AdminCliSession session, CommandLine cli, int? limit, TextWriter stdout, TextWriter stderr)
    {
        var json = cli.Flag("--json");
        try
        {
            if (cli.Value("--subject") is { } subject)
            {
                var list = await session.Client.ListAsync(subject, limit).ConfigureAwait(false);
                if (!list.Succeeded)
                {
                    return Fail(stderr, AdminCliSession.Describe(list.StatusCode, list.Error));
                }

                stdout.WriteLine(json ? list.Json : StatusText.List(list.Value!));
                return list.Value!.Count > 0 ? ExitOk : ExitFailed;
            }

            if (cli.Flag("--cas"))
            {
                var cas = await session.Client.GetCasAsync().ConfigureAwait(false);
                if (!cas.Succeeded)
                {
                    return Fail(stderr, AdminCliSession.Describe(cas.StatusCode, cas.Error));
                }

                stdout.WriteLine(json ? cas.Json : StatusText.Cas(cas.Value!));
                return ExitOk;
            }

            var ca = cli.Value("--ca");
            var serial = cli.Value("--serial");
            if (cli.Value("--cert") is { } certFile)
            {
                string? error;
                (ca, serial, error) = await session.ResolveCertificateAsync(certFile, ca, CancellationToken.None).ConfigureAwait(false);
                if (error is not null)
                {
                    return Fail(stderr, error);
                }
            }

            var details = await session.Client.GetCertificateAsync(ca!, serial!).ConfigureAwait(false);
            if (!details.Succeeded)
            {
                return Fail(stderr, AdminCliSession.Describe(details.StatusCode, details.Error));
            }

            stdout.WriteLine(json ? details.Json : StatusText.Details(details.Value!));
            return ExitOk;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
        {
            return Fail(stderr, session.Unreachable(ex));
        }
    }

    private static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine($"v2gpki status: {message}");
        return ExitFailed;
    }

    private static int UsageError(TextWriter stderr, string message)
    {
        stderr.WriteLine($"v2gpki status: {message}");
        stderr.WriteLine(Usage);
        return ExitUsage;
    }
}
