// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Diagnostics;
using System.Globalization;
using V2gPki.Edge.Commands.Serve;
using V2gPki.Edge.Configuration;
using V2gPki.Edge.Listeners.Kestrel;
using V2gPki.Edge.Runtime;
using V2gPki.Hsm;
using V2gPki.Metrics;

namespace V2gPki.Edge.Commands.Demo;

/// <summary>
/// <c>v2gpki demo</c>: a fresh demo data directory (SoftHSM2 tokens, the full hierarchy, OCSP signers, sample leaves of
/// every kind, one of each revoked, everything pre-signed, the fixed file layout of the README), served until Ctrl-C,
/// with the openssl commands to try printed.
/// </summary>
internal static class DemoCommand
{
    /// <summary>The <c>demo</c> command.</summary>
    /// <returns>The command, for <see cref="CommandTree"/>.</returns>
    public static CliCommand Create()
    {
        var data = CliOptions.Value("--data", "dir", "the data directory (default var/demo)");
        var port = CliOptions.Value("--port", "n", "the OCSP/CRL port (default 8080; 0 picks a free one, written into AIA and config)");
        var adminPort = CliOptions.Value("--admin-port", "n", "the admin API port (default 8081)");
        var estPort = CliOptions.Value("--est-port", "n", "the EST (HTTPS) port (default 8443)");
        var crlDp = CliOptions.Flag("--crl-dp", """
            put CRL distribution points (http://127.0.0.1:<port>/crl/<issuer>.crl) into the
            certificates (off by default: ISO 15118 / Hubject certificates carry AIA OCSP only)
            """);
        var command = new CliCommand("demo", "create a fresh demo PKI in var/demo and serve it (OCSP, CRL; prints openssl commands to try)")
        {
            Synopsis = "usage: v2gpki demo [--data <dir>] [--port <n>] [--admin-port <n>] [--est-port <n>] [--crl-dp]",
            Details = """
                Wipes and re-creates <dir> (default var/demo, relative to the current directory; only a directory an earlier
                'v2gpki demo' made is wiped) with:
                  hsm/            SoftHSM2 tokens 'root' (V2G root, Sub-CA 1 keys) and 'online' (Sub-CA 2, OCSP signer keys)
                  ca/<name>.pem   every CA and OCSP signer certificate (v2g-root.pem, cpo-sub2.pem, cpo-sub2-ocsp.pem, ...)
                  certs/<kind>-good.pem, <kind>-revoked.pem, <kind>-chain.pem (Sub-CA 2 and Sub-CA 1), <kind>-*.key (0600)
                                  for kind in evse, contract, oem-prov, cps
                  certs/requests/ DER OCSP requests, *.req (SHA-1 and SHA-256 CertIDs, a nonce, a never-issued serial, an
                                  unknown issuer, a Sub-CA 2 certificate)
                  config.json     a complete commented config: 'v2gpki serve --config <dir>/config.json' serves it again
                  admin.token     the admin API's bearer token (0600)
                  est/<role>.basic  an EST account per role (cpo, mo, oem, cps) as user:password (0600); ca/est-tls-root.pem
                                  the root of the EST listener's TLS certificate
                  est/<role>-client.pem, .key  the same account's TLS client certificate (mTLS; key 0600), issued by
                                  ca/party-auth-ca.pem
                  est/<role>.jwt  an OAuth2 bearer token per role, valid for a day, from the demo token issuer whose public
                                  key is est/jwks.json (its private key est/token-issuer.key, 0600)
                then serves OCSP, CRLs (/crl/<ca-name>.crl) and /health, /ready, /metrics on http://127.0.0.1:<port>/
                (every certificate below the root carries that AIA OCSP URL), the admin API on <admin-port> and EST on
                https://127.0.0.1:<est-port>/, until Ctrl-C.
                """,
            ExitStatus = "exit status: 0 stopped with Ctrl-C (SIGINT or SIGTERM), 1 the demo could not be created or served, 2 usage error",
            Examples = """
                v2gpki demo
                v2gpki demo --data /tmp/pki --port 0 --admin-port 9081 --est-port 9443
                v2gpki demo --crl-dp
                """,
        };
        command.Options.Add(data);
        command.Options.Add(port);
        command.Options.Add(adminPort);
        command.Options.Add(estPort);
        command.Options.Add(crlDp);
        var defaults = new DemoSettings();
        command.Validators.Add(result =>
        {
            if (!TryPort(CliOptions.LastValue(result, port), defaults.Port, out _) || !TryPort(CliOptions.LastValue(result, adminPort), defaults.AdminPort, out _))
            {
                result.AddError("--port and --admin-port take a port number (0-65535)");
            }
            else if (!TryPort(CliOptions.LastValue(result, estPort), defaults.EstPort, out _))
            {
                result.AddError("--est-port takes a port number (0-65535)");
            }
        });
        command.SetAction(parseResult =>
        {
            var settings = new DemoSettings { CrlDistributionPoints = parseResult.GetValue(crlDp) };
            if (parseResult.GetValue(data) is { } directory)
            {
                settings.DataDirectory = directory;
            }

            _ = TryPort(parseResult.GetValue(port), settings.Port, out var ocspPort);
            _ = TryPort(parseResult.GetValue(adminPort), settings.AdminPort, out var adminApiPort);
            _ = TryPort(parseResult.GetValue(estPort), settings.EstPort, out var estApiPort);
            settings.Port = ocspPort;
            settings.AdminPort = adminApiPort;
            settings.EstPort = estApiPort;
            return RunAsync(settings).GetAwaiter().GetResult();
        });
        return command;
    }

    private static async Task<int> RunAsync(DemoSettings settings)
    {
        using var loggerFactory = ConsoleLogging.Create();
        using var shutdown = new ShutdownSignal();
        var clock = Stopwatch.StartNew();
        var time = TimeProvider.System;
        var display = settings.DataDirectory.TrimEnd('/');
        var full = Path.GetFullPath(settings.DataDirectory);
        if (!CanWipe(full, out var refusal) || DataDirectoryLock.IsHeldElsewhere(full, out refusal))
        {
            Console.Error.WriteLine($"v2gpki demo: {refusal}");
            return 1;
        }

        // The listener binds first: its port goes into every certificate's AIA URL.
        var listenerOptions = new V2gPkiOptions();
        listenerOptions.Listeners.Ocsp.Address = settings.Address;
        listenerOptions.Listeners.Ocsp.Port = settings.Port;
        listenerOptions.Listeners.Admin.Port = settings.AdminPort;
        var metrics = new EdgeMetrics(new MetricsRegistry());
        EdgeServer server;
        try
        {
            server = await EdgeServer.StartAsync(listenerOptions, metrics, time, loggerFactory, CancellationToken.None).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            Console.Error.WriteLine($"v2gpki demo: cannot listen on {settings.Address}:{settings.Port}: {ex.Message} (is another demo running? --port picks another port)");
            return 1;
        }

        await using (server.ConfigureAwait(false))
        {
            settings.Port = server.BaseAddress.Port;
            try
            {
                if (Directory.Exists(full))
                {
                    Directory.Delete(full, recursive: true);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"v2gpki demo: cannot wipe {display}: {ex.Message}");
                return 1;
            }

            Console.Out.WriteLine($"v2gpki demo: creating {display} (listening on {server.BaseAddress}, pid {Environment.ProcessId})");
            DemoResult demo;
            try
            {
                demo = await DemoBuilder.CreateAsync(settings, server, time, loggerFactory, static line => Console.Out.WriteLine("  " + line), CancellationToken.None).ConfigureAwait(false);
            }
            catch (HsmException ex)
            {
                Console.Error.WriteLine($"v2gpki demo: HSM: {ex.Message}");
                return 1;
            }
            catch (Exception ex) when (ex is InvalidOperationException or InvalidDataException or IOException or UnauthorizedAccessException or ArgumentException)
            {
                Console.Error.WriteLine($"v2gpki demo: {ex.Message}");
                return 1;
            }

            await using (demo.Runtime.ConfigureAwait(false))
            {
                Uri? est;
                try
                {
                    await server.StartAdminAsync(demo.Runtime, CancellationToken.None).ConfigureAwait(false);
                    est = await server.StartEstAsync(demo.Options, demo.Runtime, CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is IOException or InvalidOperationException)
                {
                    Console.Error.WriteLine($"v2gpki demo: cannot start a listener: {ex.Message}");
                    return 1;
                }

                PrintTryCommands(Console.Out, demo, display, settings, est, clock.Elapsed);
                Console.Out.Flush();
                await ServeCommand.WaitAndStopAsync(server, shutdown, "v2gpki demo").ConfigureAwait(false);
            }
        }

        Console.Out.WriteLine($"v2gpki demo: stopped; serve it again with: {CommandName()} serve --config {display}/config.json");
        return 0;
    }

    /// <summary>Prints the commands to try (every one of them is exercised by the integration tests).</summary>
    /// <param name="output">Where to print.</param>
    /// <param name="demo">The demo.</param>
    /// <param name="dir">The data directory as the user named it.</param>
    /// <param name="settings">The settings (ports).</param>
    /// <param name="est">Where EST answers.</param>
    /// <param name="elapsed">Time to ready.</param>
    internal static void PrintTryCommands(TextWriter output, DemoResult demo, string dir, DemoSettings settings, Uri? est, TimeSpan elapsed)
    {
        var url = demo.OcspUrl.ToString();
        var estUrl = est?.ToString() ?? "(EST not configured)";
        var verify = $"-CAfile {dir}/ca/v2g-root.pem";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""

            v2gpki demo: ready in {elapsed.TotalSeconds:F1} s ({demo.Samples.Count} sample leaves, every response pre-signed)
              OCSP + CRL  {url}   (health: {url}health, readiness: {url}ready, metrics: {url}metrics)
              admin API   http://{settings.Address}:{settings.AdminPort}/   (bearer token in {dir}/admin.token)
              EST         {estUrl}   (TLS root {dir}/ca/est-tls-root.pem; accounts in {dir}/est/<cpo|mo|oem|cps>.basic, bearer tokens in {dir}/est/<role>.jwt)
              data        {dir}/ca (CA and OCSP signer certificates), {dir}/certs (samples, chains, keys), {dir}/certs/requests

            Try (openssl sends a nonce; pre-signed answers carry none, so it warns "WARNING: no nonce in response"; add -no_nonce to skip it):
              # a good and a revoked EVSE (SECC) certificate, POST, SHA-1 CertID
              openssl ocsp -url {url} -issuer {dir}/ca/cpo-sub2.pem -cert {dir}/certs/evse-good.pem {verify} -verify_other {dir}/certs/evse-chain.pem
              openssl ocsp -url {url} -issuer {dir}/ca/cpo-sub2.pem -cert {dir}/certs/evse-revoked.pem {verify} -verify_other {dir}/certs/evse-chain.pem
              # the same with a SHA-256 CertID; contract, oem-prov and cps work alike (issuers mo-sub2, oem-sub2, cps-sub2)
              openssl ocsp -sha256 -url {url} -issuer {dir}/ca/mo-sub2.pem -cert {dir}/certs/contract-revoked.pem {verify} -verify_other {dir}/certs/contract-chain.pem
              # a Sub-CA 2 certificate (answered by cpo-sub1's delegated signer)
              openssl ocsp -url {url} -issuer {dir}/ca/cpo-sub1.pem -cert {dir}/ca/cpo-sub2.pem {verify} -verify_other {dir}/ca/cpo-sub1.pem
              # a serial cpo-sub2 never issued (RFC 6960 §2.2 extended revoked), and an issuer nobody here serves (unauthorized)
              openssl ocsp -url {url} -reqin {dir}/certs/requests/never-issued.req {verify} -verify_other {dir}/certs/evse-chain.pem -resp_text
              openssl ocsp -url {url} -reqin {dir}/certs/requests/unknown-issuer.req -resp_text
              # RFC 5019 GET of a ready-made request, with its caching headers
              curl -s -D - -o /dev/null "{url}$(base64 -w0 {dir}/certs/requests/evse-good.sha1.req | sed 's/+/%2B/g; s|/|%2F|g; s/=/%3D/g')"
              # the Sub-CA 2 CRL (DER, ETag, 304 on If-None-Match) and its signature
              curl -s {url}crl/cpo-sub2.crl -o /tmp/cpo-sub2.crl && openssl crl -inform DER -in /tmp/cpo-sub2.crl -CAfile {dir}/ca/cpo-sub2.pem -noout -text
              # what the server counted
              curl -s {url}metrics | grep -E '^v2gpki_(http_requests_total|ocsp_[a-z_]+_total|hsm_signatures)' | grep -v ' 0$'
              # EST: enroll a charger (SECC) certificate for an EVSE ID of the demo CPO (DE*ABC) and look at it
              openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout /tmp/secc.key -subj "/C=DE/O=V2gPki Demo/CN=DE*ABC*E1234" -outform DER \
                | base64 | curl -s --cacert {dir}/ca/est-tls-root.pem -u "$(cat {dir}/est/cpo.basic)" -H 'Content-Type: application/pkcs10' --data-binary @- \
                  {estUrl}.well-known/est/cpo/simpleenroll | base64 -d | openssl pkcs7 -inform DER -print_certs
              # the same with the demo CPO's OAuth2 bearer token (RS256; MaEVe's path shape, which also sends it as x-api-key)
              openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout /tmp/secc2.key -subj "/C=DE/O=V2gPki Demo/CN=DE*ABC*E5678" -outform DER \
                | base64 | curl -s --cacert {dir}/ca/est-tls-root.pem -H "Authorization: Bearer $(cat {dir}/est/cpo.jwt)" -H 'Content-Type: application/pkcs10' --data-binary @- \
                  {estUrl}cpo/simpleenroll/ISO15118-2 | base64 -d | openssl pkcs7 -inform DER -print_certs
              # the same with the CPO's party-auth client certificate (mTLS) instead of a password; keep the certificate
              openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout /tmp/secc.key -subj "/C=DE/O=V2gPki Demo/CN=DE*ABC*E1235" -outform DER \
                | base64 | curl -s --cacert {dir}/ca/est-tls-root.pem --cert {dir}/est/cpo-client.pem --key {dir}/est/cpo-client.key -H 'Content-Type: application/pkcs10' \
                  --data-binary @- {estUrl}.well-known/est/cpo/simpleenroll | base64 -d | openssl pkcs7 -inform DER -print_certs -out /tmp/secc.pem
              # renew it with itself as TLS client certificate (RFC 7030 simplereenroll: same subject, refused once revoked)
              openssl req -new -key /tmp/secc.key -subj "/C=DE/O=V2gPki Demo/CN=DE*ABC*E1235" -outform DER \
                | base64 | curl -s --cacert {dir}/ca/est-tls-root.pem --cert /tmp/secc.pem --key /tmp/secc.key -H 'Content-Type: application/pkcs10' \
                  --data-binary @- {estUrl}.well-known/est/cpo/simplereenroll | base64 -d | openssl pkcs7 -inform DER -print_certs | openssl x509 -noout -subject -serial
              # the CA certificates of a branch, Sub-CA 2 first and the V2G root last
              curl -s --cacert {dir}/ca/est-tls-root.pem {estUrl}.well-known/est/cpo/cacerts | base64 -d | openssl pkcs7 -inform DER -print_certs | grep subject

            Stop with Ctrl-C; serve the same data again with: {CommandName()} serve --config {dir}/config.json
            """));
    }

    /// <summary>How to call this executable again from the current directory (artifacts/v2gpki-aot/v2gpki, or v2gpki).</summary>
    /// <returns>The command.</returns>
    internal static string CommandName()
    {
        var path = Environment.ProcessPath;
        if (path is null || !string.Equals(Path.GetFileName(path), "v2gpki", StringComparison.Ordinal))
        {
            return "v2gpki";
        }

        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }

    /// <summary>Only an empty directory, or one an earlier demo made (its marker file), is wiped.</summary>
    private static bool CanWipe(string directory, out string? refusal)
    {
        refusal = null;
        if (!Directory.Exists(directory) || File.Exists(Path.Combine(directory, DemoBuilder.MarkerFile)) || !Directory.EnumerateFileSystemEntries(directory).Any())
        {
            return true;
        }

        refusal = $"{directory} exists and was not made by 'v2gpki demo' (no {DemoBuilder.MarkerFile}); remove it or choose another --data";
        return false;
    }

    private static bool TryPort(string? text, int fallback, out int port)
    {
        port = fallback;
        return text is null || (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port <= 65535);
    }
}
