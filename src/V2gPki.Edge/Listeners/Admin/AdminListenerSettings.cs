// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Net;
using V2gPki.Edge.Configuration;

namespace V2gPki.Edge.Listeners.Admin;

/// <summary>
/// Where the admin listener binds, its limits and files, with every path resolved (the config's relative paths are
/// relative to the data directory). Build it with <see cref="FromOptions"/>.
/// </summary>
internal sealed class AdminListenerSettings
{
    /// <summary>The IP address to bind.</summary>
    public required string Address { get; init; }

    /// <summary>The TCP port; 0 picks a free one (tests).</summary>
    public int Port { get; init; }

    /// <summary>Request size, time and connection limits (docs/architecture.md §4 invariant 5).</summary>
    public ListenerLimitsOptions Limits { get; init; } = new() { MaxConcurrentConnections = 64 };

    /// <summary>The bearer token file.</summary>
    public required string TokenFile { get; init; }

    /// <summary>The audit log file.</summary>
    public required string AuditLogFile { get; init; }

    /// <summary>The HTTPS certificate (PEM, or PKCS#12 for <c>.pfx</c>/<c>.p12</c>); null for plain HTTP (loopback only).</summary>
    public string? HttpsCertificateFile { get; init; }

    /// <summary>The PEM key of <see cref="HttpsCertificateFile"/> when not in the same file.</summary>
    public string? HttpsKeyFile { get; init; }

    /// <summary>Whether the listener speaks HTTPS.</summary>
    public bool IsHttps => !string.IsNullOrEmpty(HttpsCertificateFile);

    /// <summary>Resolves the config's admin section against the data directory.</summary>
    /// <param name="options">The <c>Listeners:Admin</c> options.</param>
    /// <param name="dataDirectory">The data directory (<see cref="V2gPkiOptions.DataDir"/>).</param>
    /// <returns>The settings.</returns>
    public static AdminListenerSettings FromOptions(AdminListenerOptions options, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(dataDirectory);
        return new AdminListenerSettings
        {
            Address = options.Address,
            Port = options.Port,
            Limits = options.Limits,
            TokenFile = Resolve(dataDirectory, options.TokenFile)!,
            AuditLogFile = Resolve(dataDirectory, options.AuditLogFile)!,
            HttpsCertificateFile = Resolve(dataDirectory, options.HttpsCertificateFile),
            HttpsKeyFile = Resolve(dataDirectory, options.HttpsKeyFile),
        };
    }

    /// <summary>
    /// Checks what the listener refuses to start with: an unparsable address, or a non-loopback address without HTTPS
    /// (the bearer token would cross the network in clear text, docs/architecture.md §7).
    /// </summary>
    /// <returns>One message per problem, naming the config key; empty when the settings can start.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!IPAddress.TryParse(Address, out var address))
        {
            errors.Add($"Listeners:Admin:Address: '{Address}' is not an IP address");
        }
        else if (!IPAddress.IsLoopback(address) && !IsHttps)
        {
            errors.Add($"Listeners:Admin:Address: {Address} is not a loopback address, so the admin API needs HTTPS: set Listeners:Admin:HttpsCertificateFile (and HttpsKeyFile), or bind 127.0.0.1 / ::1");
        }

        if (Port is < 0 or > 65535)
        {
            errors.Add($"Listeners:Admin:Port: {Port} is not in 0..65535");
        }

        if (IsHttps && !File.Exists(HttpsCertificateFile))
        {
            errors.Add($"Listeners:Admin:HttpsCertificateFile: '{HttpsCertificateFile}' does not exist");
        }

        if (!string.IsNullOrEmpty(HttpsKeyFile) && !File.Exists(HttpsKeyFile))
        {
            errors.Add($"Listeners:Admin:HttpsKeyFile: '{HttpsKeyFile}' does not exist");
        }

        return errors;
    }

    private static string? Resolve(string dataDirectory, string? path) =>
        string.IsNullOrEmpty(path) ? null : Path.GetFullPath(Path.Combine(dataDirectory, path));
}
